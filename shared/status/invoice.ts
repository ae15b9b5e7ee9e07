// The invoice's (請求書) status machine: the partner drafts and submits, the company approves
// or returns. Every status change of an invoice goes through transitionInvoice.
//
//   draft --submit--> underReview --approve--> approved
//                      ^      \
//               submit |       return
//                      |        v
//                      returned
//
// Only a draft or a returned invoice is the partner's to change; a draft is the partner's
// alone (the company sees an invoice once it is submitted).

import { type Issue, IssueCode, makeIssue } from "../issues";

export const INVOICE_STATUSES = ["draft", "underReview", "approved", "returned"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The statuses of an invoice the company has received: every one but draft. */
export const SENT_INVOICE_STATUSES = ["underReview", "approved", "returned"] as const;

export const INVOICE_EVENTS = ["submit", "approve", "return"] as const;
export type InvoiceEvent = (typeof INVOICE_EVENTS)[number];

/**
 * `ja` names the invoice with its status where nothing else does (the sidebar, the business
 * report: 請求書確認中); `jaOnDocument` is the stamp on the document itself and the word in a
 * list that has a column for the kind (確認中).
 */
export const INVOICE_STATUS_LABELS: Record<
  InvoiceStatus,
  { en: string; ja: string; jaOnDocument: string }
> = {
  draft: { en: "Draft", ja: "下書き", jaOnDocument: "下書き" },
  underReview: { en: "Under review", ja: "請求書確認中", jaOnDocument: "確認中" },
  approved: { en: "Approved", ja: "承認済み", jaOnDocument: "承認済み" },
  returned: { en: "Returned", ja: "差し戻し", jaOnDocument: "差し戻し" },
};

/** The stamp on a document in its status (確認中), or the status itself when unknown. */
export function invoiceStatusStamp(status: string): string {
  return INVOICE_STATUS_LABELS[status as InvoiceStatus]?.jaOnDocument ?? status;
}

const RULES: Record<
  InvoiceEvent,
  { from: readonly InvoiceStatus[]; to: InvoiceStatus; en: string; ja: string }
> = {
  submit: { from: ["draft", "returned"], to: "underReview", en: "submitted", ja: "提出" },
  approve: { from: ["underReview"], to: "approved", en: "approved", ja: "承認" },
  return: { from: ["underReview"], to: "returned", en: "returned", ja: "差し戻し" },
};

export type InvoiceTransition = { ok: true; status: InvoiceStatus } | { ok: false; issue: Issue };

/** The status after `event`, or the one issue that refuses it. */
export function transitionInvoice(status: InvoiceStatus, event: InvoiceEvent): InvoiceTransition {
  const rule = RULES[event];
  if (rule.from.includes(status)) return { ok: true, status: rule.to };
  const label = INVOICE_STATUS_LABELS[status];
  const fromJa = rule.from.map((from) => INVOICE_STATUS_LABELS[from].jaOnDocument).join("・");
  return {
    ok: false,
    issue: makeIssue(
      "status",
      IssueCode.INVOICE_TRANSITION_NOT_ALLOWED,
      `An invoice that is ${label.en.toLowerCase()} cannot be ${rule.en}`,
      `${label.jaOnDocument}の請求書は${rule.ja}できません（${rule.ja}できるのは${fromJa}の請求書のみです）`,
    ),
  };
}

/** The events the status allows: what a screen may offer. */
export function invoiceEventsFrom(status: InvoiceStatus): InvoiceEvent[] {
  return INVOICE_EVENTS.filter((event) => RULES[event].from.includes(status));
}

/** Only a draft or a returned invoice is the partner's to change. */
export function isInvoiceEditable(status: InvoiceStatus): boolean {
  return status === "draft" || status === "returned";
}

/** Why the invoice cannot be changed now, or null when it can. */
export function invoiceEditIssue(status: InvoiceStatus): Issue | null {
  if (isInvoiceEditable(status)) return null;
  return status === "approved"
    ? makeIssue(
        "status",
        IssueCode.INVOICE_LOCKED,
        "approved invoices are never edited",
        "承認済みの請求書は変更できません",
      )
    : makeIssue(
        "status",
        IssueCode.INVOICE_LOCKED,
        "The invoice is under review: it can be edited once the company returns it",
        "請求書は確認中です。企業から差し戻されると変更できます",
      );
}
