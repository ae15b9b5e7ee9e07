import { type NamedAmount, transitionPaymentNotice } from "../../shared";
import type { contracts, users } from "../db/schema";
import { ApiError, refusedBy } from "../http/errors";
import type { InvoiceDocument } from "../invoices/document";
import type { Invoice, Withholding } from "../invoices/rules";

// 支払通知書 (payment notice): the company's side of billing. Its status machine and the
// choices the company makes, apart from storage. A notice is sent at once, or held as the
// company's draft while its approval route runs (approval.ts).

type Contract = typeof contracts.$inferSelect;
type Partner = typeof users.$inferSelect;

/** What the company may say beside the work; the rest comes from the partner's settings. */
export type NoticeInput = {
  extraItems?: NamedAmount[];
  expenses?: NamedAmount[];
  withholding?: { enabled: boolean; base: "includingTax" | "excludingTax" };
  dueDate?: string;
  remarks?: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The confirmation deadline (確認期限): silence until then counts as acceptance. */
export function acceptByOf(contract: Contract, now: Date): Date {
  // contracts.ts requires confirmationDays for this billing mode; 7 guards older rows.
  return new Date(now.getTime() + (contract.confirmationDays ?? 7) * DAY_MS);
}

/**
 * The company withholds tax (源泉徴収) from an individual's compensation unless it says
 * otherwise, on the amount including tax; a corporation is never withheld from.
 */
export function defaultWithholding(partner: Partner): Withholding | null {
  return partner.partnerKind === "corporation" ? null : { enabled: true, base: "includingTax" };
}

export function assertNoticeMode(contract: Contract) {
  if (contract.billingMode !== "paymentNotice") {
    throw new ApiError(
      409,
      "invoice_mode",
      "This contract is billed by the partner's invoices, not by payment notices",
    );
  }
}

/** Only a returned (or held) notice may be sent again; one under review or approved stands. */
export function assertSendable(existing: Invoice | undefined) {
  const next = transitionPaymentNotice(existing, "send");
  if (!next.ok) throw refusedBy(409, next.issue);
}

/** The partner answers a notice under review, before its deadline. */
export function assertAnswerable(notice: Invoice, now: Date) {
  if (notice.kind !== "paymentNotice") {
    throw new ApiError(
      409,
      "not_a_payment_notice",
      "This is an invoice: the company approves or returns it",
    );
  }
  const next = transitionPaymentNotice(notice, "accept");
  if (!next.ok) throw refusedBy(409, next.issue);
  if (notice.acceptBy && notice.acceptBy.getTime() <= now.getTime()) {
    throw overdue(notice);
  }
}

export const overdue = (notice: Invoice) =>
  new ApiError(
    409,
    "payment_notice_auto_accepted",
    `The payment notice ${notice.number} was already accepted automatically: its confirmation deadline passed`,
  );

/** The engine-built document, titled as what it is, with the issuing company's address. */
export function asNoticeDocument(
  document: InvoiceDocument,
  contact: { address: string; phone: string } | null = null,
): InvoiceDocument {
  const recipient = contact
    ? { ...document.recipient, address: contact.address, phone: contact.phone }
    : document.recipient;
  return { ...document, kind: "paymentNotice", title: "支払通知書", recipient };
}

/** "2025-07-27 10:00 JST": deadlines are read by people in Japan. */
export function formatJst(instant: Date): string {
  const jst = new Date(instant.getTime() + 9 * 60 * 60 * 1000).toISOString();
  return `${jst.slice(0, 10)} ${jst.slice(11, 16)} JST`;
}
