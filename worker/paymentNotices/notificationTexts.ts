import { formatInstantJa, formatThousands, formatYearMonthJa } from "../../shared";
import type { NotificationInput, Words } from "../notifications/service";
import { formatJst } from "./rules";

// What the bell and the mail say about a payment notice (支払通知書), in Japanese and English.

type About = { id: string; number: string | null; workingMonth: string };

const link = (notice: About) => `/v1/invoices/${notice.id}`;

export const noticeLabel = (month: string): Words => ({
  ja: `支払通知書 ${formatYearMonthJa(month)}`,
  en: `payment notice for ${month}`,
});

/** To the partner: the company sent (or sent again) the month's notice, to answer by acceptBy. */
export function noticeSentText(
  notice: About,
  event: "sent" | "resent",
  about: { company: string; contract: string; total: number; payable: number; acceptBy: Date },
): NotificationInput {
  const month = formatYearMonthJa(notice.workingMonth);
  const by = formatInstantJa(about.acceptBy.toISOString());
  return {
    kind: `paymentNotice.${event}`,
    title: {
      ja: `支払通知書 ${notice.number} をご確認ください`,
      en: `Check the payment notice ${notice.number}`,
    },
    body: {
      ja: `${about.company} から「${about.contract}」${month}分の支払通知書が${event === "resent" ? "再送付" : "送付"}されました。合計 ${formatThousands(about.total)}円（税込）、お支払額 ${formatThousands(about.payable)}円。${by}までに承認または差し戻してください。期限までにご回答がない場合は承認されたものとみなします。`,
      en: `${about.company} ${event} the payment notice for ${notice.workingMonth} of "${about.contract}": ${formatThousands(about.total)} yen including tax, ${formatThousands(about.payable)} yen to be paid. Accept or return it by ${formatJst(about.acceptBy)}; without an answer by then it counts as accepted.`,
    },
    link: link(notice),
  };
}

/** To the company: the partner accepted or returned the notice. */
export function noticeAnsweredText(
  notice: About,
  answer: { accept: true } | { accept: false; reason: string },
  about: { partner: string; contract: string },
): NotificationInput {
  const month = formatYearMonthJa(notice.workingMonth);
  if (answer.accept) {
    return {
      kind: "paymentNotice.approved",
      title: {
        ja: `支払通知書 ${notice.number} が承認されました`,
        en: `${notice.number} was accepted`,
      },
      body: {
        ja: `${about.partner} さんが「${about.contract}」${month}分の支払通知書を承認しました。`,
        en: `${about.partner} accepted the payment notice for ${notice.workingMonth} of "${about.contract}".`,
      },
      link: link(notice),
    };
  }
  return {
    kind: "paymentNotice.returned",
    title: {
      ja: `支払通知書 ${notice.number} が差し戻されました`,
      en: `${notice.number} was returned`,
    },
    body: {
      ja: `${about.partner} さんが${month}分の支払通知書を差し戻しました。理由: ${answer.reason}。業務登録または通知書を修正して再送付してください。`,
      en: `${about.partner} returned the payment notice for ${notice.workingMonth}: ${answer.reason}. Correct the entries or the notice and send it again.`,
    },
    link: link(notice),
  };
}

/** To both: no answer by the confirmation deadline, so the notice counts as accepted. */
export function noticeAutoAcceptedText(
  notice: About & { acceptBy: Date | null },
  contract: string,
): NotificationInput {
  const deadlineJa = notice.acceptBy ? formatInstantJa(notice.acceptBy.toISOString()) : "";
  const deadlineEn = notice.acceptBy ? formatJst(notice.acceptBy) : "";
  return {
    kind: "paymentNotice.autoAccepted",
    title: {
      ja: `支払通知書 ${notice.number} が自動承認されました`,
      en: `${notice.number} was accepted automatically`,
    },
    body: {
      ja: `「${contract}」${formatYearMonthJa(notice.workingMonth)}分の支払通知書 ${notice.number} は確認期限（${deadlineJa}）までに回答がなかったため、承認されました。`,
      en: `The payment notice ${notice.number} for ${notice.workingMonth} of "${contract}" had no answer by its confirmation deadline ${deadlineEn} and is now accepted.`,
    },
    link: link(notice),
  };
}
