import { and, eq } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { type Decision, decideApproval, stepDetails } from "../approvals/decision";
import { approvalReturnedText, notifyStepApprovers } from "../approvals/notify";
import { freezeApproval, routeInForce } from "../approvals/service";
import { contracts, purchaseOrders, type Role } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { notify } from "../notifications/service";
import { documentFor, inApproval, type PurchaseOrder } from "./drafts";
import { recordEvent } from "./events";
import { orderLabel } from "./notificationTexts";
import { sendCheck, sendOrder } from "./sending";

// A purchase order before it is sent: when the company has an approval route for the group's
// orders, "send" puts the order into the route, and the last step's approval sends it. A
// return at any step gives the order back to its author, unsent (draft, or returned if it was
// being resent). Without a route, "send" sends at once, as it always has.

const changed = () =>
  new ApiError(409, "order_changed", "The purchase order changed meanwhile: reload it");

/** POST /v1/orders/{id}/send: straight to the partner, or into the group's approval route. */
export async function sendOrRequestApproval(deps: Deps, actor: User, order: PurchaseOrder) {
  if (order.approval?.outcome === "pending") throw inApproval();
  const { parts } = await sendCheck(deps, order);
  const route = await routeInForce(deps.db, parts.contract.groupId, "purchaseOrder");
  if (!route) return sendOrder(deps, actor, order);
  const approval = await freezeApproval(deps.db, {
    companyId: parts.contract.companyId,
    groupId: parts.contract.groupId,
    route,
    requestedBy: actor,
    now: deps.now(),
  });
  const document = await documentFor(deps, order);
  const requested = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchaseOrders)
      .set({ approval, approvalVersion: order.approvalVersion + 1 })
      .where(
        and(
          eq(purchaseOrders.id, order.id),
          eq(purchaseOrders.status, order.status),
          eq(purchaseOrders.approvalVersion, order.approvalVersion),
        ),
      )
      .returning();
    if (!row) throw changed();
    await recordEvent(tx, deps, row, document, "approvalRequested", actor, {
      route: route.name,
      steps: route.steps.length,
    });
    return row;
  });
  await notifyStepApprovers(deps, approval, {
    ...parts.contract,
    label: orderLabel(order.number),
    link: `/v1/orders/${order.id}`,
  });
  return requested;
}

/**
 * One decision at the current step of the order's approval route: the last approval sends
 * the order to the partner; a return gives it back to its author with the reason.
 */
export async function decideOrderStep(
  deps: Deps,
  actor: User,
  roles: readonly Role[],
  order: PurchaseOrder,
  decision: Decision,
) {
  const record = order.approval;
  const open = order.status === "draft" || order.status === "returned";
  if (!record || !open) {
    throw new ApiError(
      409,
      "approval_not_pending",
      "The purchase order is not waiting in an approval route",
      [],
      "この発注書は承認待ちではありません",
    );
  }
  const step = decideApproval(record, actor, roles, decision, deps.now());
  const reason = decision.approve ? null : decision.reason.trim();
  const details = stepDetails(record, step, reason);
  if (decision.approve && step.completed) {
    return sendOrder(deps, actor, order, { approval: step.record, details });
  }
  const document = await documentFor(deps, order);
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchaseOrders)
      .set({ approval: step.record, approvalVersion: order.approvalVersion + 1 })
      .where(
        and(
          eq(purchaseOrders.id, order.id),
          eq(purchaseOrders.status, order.status),
          eq(purchaseOrders.approvalVersion, order.approvalVersion),
        ),
      )
      .returning();
    if (!row) throw changed();
    const event = decision.approve ? "stepApproved" : "approvalReturned";
    await recordEvent(tx, deps, row, document, event, actor, details);
    return row;
  });
  if (decision.approve) {
    const [contract] = await deps.db
      .select({ companyId: contracts.companyId, groupId: contracts.groupId })
      .from(contracts)
      .where(eq(contracts.id, order.contractId));
    if (contract) {
      await notifyStepApprovers(deps, step.record, {
        ...contract,
        label: orderLabel(order.number),
        link: `/v1/orders/${order.id}`,
      });
    }
  } else {
    await notify(
      deps,
      record.requestedBy.userId,
      approvalReturnedText(
        "order.approvalReturned",
        { label: orderLabel(order.number), link: `/v1/orders/${order.id}` },
        { who: actor.fullName ?? actor.email, stepName: step.stepName, reason: reason ?? "" },
      ),
    );
  }
  return updated;
}
