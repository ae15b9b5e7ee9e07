import { formatThousands, formatYearMonthJa } from "../../shared";
import type { NotificationInput, Words } from "../notifications/service";

// What the bell and the mail say about an invoice, in Japanese and English.

type About = { id: string; number: string | null; workingMonth: string };

const link = (invoice: About) => `/v1/invoices/${invoice.id}`;

export const invoiceLabel = (number: string | null): Words => ({
  ja: `請求書 ${number ?? ""}`,
  en: `invoice ${number ?? ""}`,
});

/** To the company: a partner submitted (or resubmitted) the month's invoice. */
export function invoiceSubmittedText(
  invoice: About,
  event: "submitted" | "resubmitted",
  who: { partner: string; contract: string; total: number },
): NotificationInput {
  const verb = event === "resubmitted" ? "再提出" : "提出";
  return {
    kind: `invoice.${event}`,
    title: {
      ja: `請求書 ${invoice.number} をご確認ください`,
      en: `Review the invoice ${invoice.number}`,
    },
    body: {
      ja: `${who.partner} さんが「${who.contract}」${formatYearMonthJa(invoice.workingMonth)}分の請求書を${verb}しました。合計 ${formatThousands(who.total)}円（税込）。`,
      en: `${who.partner} ${event} the invoice for ${invoice.workingMonth} of "${who.contract}": ${formatThousands(who.total)} yen including tax.`,
    },
    link: link(invoice),
  };
}

/** To the partner: the company approved or returned the invoice. */
export function invoiceDecidedText(
  invoice: About,
  decision: { approve: true } | { approve: false; reason: string },
  who: { company: string; contract: string },
): NotificationInput {
  const month = formatYearMonthJa(invoice.workingMonth);
  if (decision.approve) {
    return {
      kind: "invoice.approved",
      title: {
        ja: `請求書 ${invoice.number} が承認されました`,
        en: `${invoice.number} was approved`,
      },
      body: {
        ja: `${who.company} が「${who.contract}」${month}分の請求書を承認しました。`,
        en: `${who.company} approved your invoice for ${invoice.workingMonth} of "${who.contract}".`,
      },
      link: link(invoice),
    };
  }
  return {
    kind: "invoice.returned",
    title: {
      ja: `請求書 ${invoice.number} が差し戻されました`,
      en: `${invoice.number} was returned`,
    },
    body: {
      ja: `${who.company} が${month}分の請求書を差し戻しました。理由: ${decision.reason}。修正して再提出してください。`,
      en: `${who.company} returned your invoice for ${invoice.workingMonth}: ${decision.reason}. Correct it and submit it again.`,
    },
    link: link(invoice),
  };
}
