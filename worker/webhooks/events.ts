import type { HistoryEventInput } from "../platform/history";
import type { DocumentType, HistoryEvent } from "../platform/historyEvents";

/**
 * The events a company can subscribe an endpoint to, each with the history events that raise
 * it: every webhook follows a row of the hash-chained history, so what integrators are told
 * and what the record holds cannot disagree.
 */
export const WEBHOOK_EVENTS = {
  "order.sent": { purchaseOrder: ["sent", "resent"] },
  "order.returned": { purchaseOrder: ["returned"] },
  "order.approved": { purchaseOrder: ["approved"] },
  "invoice.submitted": { invoice: ["submitted", "resubmitted"] },
  "invoice.returned": { invoice: ["returned"] },
  "invoice.approved": { invoice: ["approved"] },
  "paymentNotice.sent": { paymentNotice: ["sent", "resent"] },
  // A notice the partner accepts is recorded "approved", the status it takes.
  "paymentNotice.accepted": { paymentNotice: ["approved"] },
  "paymentNotice.deemedAccepted": { paymentNotice: ["autoAccepted"] },
  "paymentRun.paid": { paymentRun: ["paid"] },
} as const satisfies Record<
  string,
  Partial<Record<DocumentType | "paymentRun", readonly HistoryEvent[]>>
>;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [WebhookEvent, ...WebhookEvent[]];

/** The webhook event a history row raises, if any. */
export function webhookEventFor(
  documentType: HistoryEventInput["documentType"] | string,
  event: string,
): WebhookEvent | undefined {
  for (const type of WEBHOOK_EVENT_TYPES) {
    const raisedBy = (WEBHOOK_EVENTS[type] as Partial<Record<string, readonly string[]>>)[
      documentType
    ];
    if (raisedBy?.includes(event)) return type;
  }
  return undefined;
}
