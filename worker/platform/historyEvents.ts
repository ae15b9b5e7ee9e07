// The words of the history (電子帳簿保存法): which documents it records and what can happen to
// them. The API's schema, the webhooks and the services all name events from this one list.

export const DOCUMENT_TYPES = ["purchaseOrder", "invoice", "paymentNotice", "contract"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const HISTORY_EVENTS = [
  "sent",
  "resent",
  "submitted",
  "resubmitted",
  "approved",
  "returned",
  "expired",
  "superseded",
  "autoAccepted",
  "paid",
  "transferFailed",
  // A contract renewed automatically at its end (contracts/renewal).
  "renewed",
  // A company's own approval route, before a document goes out or is approved (approvals/).
  "approvalRequested",
  "stepApproved",
  "approvalReturned",
] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

/** What an event adds beside the document: a reason, a deadline, a payment. */
export type HistoryDetails = {
  reason?: string;
  acceptBy?: string | null;
  endDate?: string;
  /** A renewal (renewed): the end it replaced, the renewed period and its working months. */
  previousEndDate?: string;
  startDate?: string;
  months?: string[];
  paymentRunId?: string;
  paymentDate?: string;
  amountPaid?: number;
  amount?: number;
  /** Approval routes: the route, the step decided (1-based) and how many it has. */
  route?: string;
  step?: number;
  stepName?: string;
  steps?: number;
};
