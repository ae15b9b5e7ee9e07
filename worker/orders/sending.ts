import { and, eq } from "drizzle-orm";
import type { ApprovalRecord } from "../../shared";
import type { User } from "../accounts/sessions";
import {
  type OrderEvent,
  orderDocumentContent,
  rangeMonthIssues,
  transitionOrder,
} from "../contracts/rules";
import { purchaseOrders } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { notify } from "../notifications/service";
import { contentHashOf } from "../platform/history";
import { loadParts, type PurchaseOrder } from "./drafts";
import { recordEvent, refuse } from "./events";
import { orderSentText } from "./notificationTexts";

/** What sending needs: the per-month terms right and the status and deadline allowing it. */
export async function sendCheck(deps: Pick<Deps, "db" | "now">, order: PurchaseOrder) {
  const parts = await loadParts(deps, order);
  const monthIssues = rangeMonthIssues(
    parts.version.costCategories,
    parts.contract,
    parts.version.effectiveFrom,
  );
  if (monthIssues.length > 0) {
    throw new ApiError(
      422,
      "wrong_working_months",
      "The per-month terms do not match the contract's working months",
      monthIssues,
    );
  }
  const event: OrderEvent = order.status === "returned" ? "resend" : "send";
  const next = transitionOrder(order.status, event, {
    now: deps.now(),
    endDate: parts.contract.endDate,
  });
  refuse(next);
  return { parts, event, status: next.status };
}

/**
 * Send (or resend after a return): freezes the document, records it, tells the partner. With
 * `lastStep`, the last step of the order's approval route sends it: the step's approval and
 * the sending land in one transaction, on the approval the step read. The actor is null when
 * the system sends (the order of an automatic renewal).
 */
export async function sendOrder(
  deps: Deps,
  actor: User | null,
  order: PurchaseOrder,
  lastStep?: { approval: ApprovalRecord; details: Record<string, unknown> },
) {
  const { parts, event, status } = await sendCheck(deps, order);
  const document = orderDocumentContent({ ...parts, order, issuedOn: deps.now() });
  const hash = await contentHashOf(document);
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchaseOrders)
      .set({
        status,
        document,
        contentHash: hash,
        sentAt: deps.now(),
        revision: order.revision + 1,
        returnReason: null,
        // Sent without a route, the order carries no approval (not one of an earlier sending).
        approval: lastStep?.approval ?? null,
        approvalVersion: order.approvalVersion + 1,
      })
      .where(
        and(
          eq(purchaseOrders.id, order.id),
          eq(purchaseOrders.status, order.status),
          eq(purchaseOrders.approvalVersion, order.approvalVersion),
        ),
      )
      .returning();
    if (!row)
      throw new ApiError(409, "order_changed", "The purchase order changed meanwhile: reload it");
    if (lastStep)
      await recordEvent(tx, deps, row, document, "stepApproved", actor, lastStep.details);
    await recordEvent(tx, deps, row, document, event === "resend" ? "resent" : "sent", actor);
    return row;
  });
  await notify(
    deps,
    parts.partner.id,
    orderSentText(
      { id: order.id, number: order.number, subject: updated.subject },
      parts.company.name,
      parts.contract.endDate,
    ),
    { mail: { to: parts.partner.email } },
  );
  return updated;
}
