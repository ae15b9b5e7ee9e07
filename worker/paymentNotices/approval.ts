import { and, eq } from "drizzle-orm";
import { formatThousands } from "../../shared";
import type { User } from "../accounts/sessions";
import { type Decision, decideApproval, stepDetails } from "../approvals/decision";
import { approvalReturnedText, notifyStepApprovers } from "../approvals/notify";
import { freezeApproval, routeInForce } from "../approvals/service";
import { invoices, type Role } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import type { Invoice } from "../invoices/rules";
import { loadParts, recordInvoiceEvent } from "../invoices/service";
import { notify } from "../notifications/service";
import { noticeLabel } from "./notificationTexts";
import type { NoticeInput } from "./rules";
import { prepareNotice, sendPaymentNotice } from "./sending";
import { changed, writeNotice } from "./store";

// A payment notice before it reaches the partner (whose acceptance approves it): when the
// company has an approval route for the group's notices, "send" holds the notice as the
// company's draft in the route, and the last step's approval sends it. A return at any step
// gives it back to its author, unsent. Without a route, "send" sends at once, as it always has.

/** POST .../payment-notice: straight to the partner, or into the group's approval route. */
export async function sendOrRequestNoticeApproval(
  deps: Deps,
  actor: User,
  contractId: string,
  month: string,
  body: NoticeInput,
) {
  const prepared = await prepareNotice(deps, contractId, month, body);
  const { contract } = prepared.parts;
  const route = await routeInForce(deps.db, contract.groupId, "paymentNotice");
  if (!route) return sendPaymentNotice(deps, actor, prepared);
  const approval = await freezeApproval(deps.db, {
    companyId: contract.companyId,
    groupId: contract.groupId,
    route,
    requestedBy: actor,
    now: deps.now(),
  });
  const { existing, inputs, figures } = prepared;
  const values = {
    inputs,
    figures: figures,
    total: figures.total,
    dueDate: inputs.dueDate,
    // What the approvers see: the notice as it would be sent, not yet numbered.
    document: prepared.document(existing?.number ?? null),
    approval,
  };
  const notice = await deps.db.transaction(async (tx) => {
    const row = await writeNotice(tx, { existing, contract, month, now: deps.now() }, values, {
      onUpdate: {},
      onInsert: { status: "draft", approvalVersion: 1 },
    });
    await recordInvoiceEvent(tx, deps, row, "approvalRequested", actor, {
      route: route.name,
      steps: route.steps.length,
    });
    return row;
  });
  await notifyStepApprovers(deps, approval, {
    ...contract,
    label: noticeLabel(month),
    link: `/v1/invoices/${notice.id}`,
  });
  return { notice, contract, created: !existing };
}

/**
 * One decision at the current step of the notice's approval route: the last approval sends
 * the notice to the partner; a return gives it back to its author with the reason.
 */
export async function decideNoticeStep(
  deps: Deps,
  actor: User,
  roles: readonly Role[],
  notice: Invoice,
  decision: Decision,
) {
  const record = notice.approval;
  const held = notice.status === "draft" || notice.status === "returned";
  if (!record || !held) {
    throw new ApiError(
      409,
      "approval_not_pending",
      "The payment notice is not waiting in an approval route: the partner answers it",
      [],
      "この支払通知書は承認待ちではありません。回答するのはパートナーです",
    );
  }
  const step = decideApproval(record, actor, roles, decision, deps.now());
  const reason = decision.approve ? null : decision.reason.trim();
  const details = stepDetails(record, step, reason);
  if (decision.approve && step.completed) {
    const prepared = await prepareNotice(
      deps,
      notice.contractId,
      notice.workingMonth,
      {},
      {
        lastStep: true,
      },
    );
    if (prepared.figures.total !== notice.total) {
      // The entries changed while the route ran: what the steps approved is not what would go.
      const [now, approved] = [prepared.figures.total, notice.total].map(formatThousands);
      throw new ApiError(
        409,
        "payment_notice_figures_changed",
        `The month's entries changed during approval: the notice would now total ${now} yen, not the ${approved} yen approved. Return it so that it is sent into the route again`,
        [],
        `承認中に稼働の登録が変わり、支払通知書の合計が承認された ${approved}円 から ${now}円 に変わります。差し戻して、もう一度承認経路に送ってください`,
      );
    }
    const { notice: sent } = await sendPaymentNotice(deps, actor, prepared, {
      approval: step.record,
      details,
    });
    return sent;
  }
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invoices)
      .set({ approval: step.record, approvalVersion: notice.approvalVersion + 1 })
      .where(
        and(
          eq(invoices.id, notice.id),
          eq(invoices.status, notice.status),
          eq(invoices.approvalVersion, notice.approvalVersion),
        ),
      )
      .returning();
    if (!row) throw changed();
    const event = decision.approve ? "stepApproved" : "approvalReturned";
    await recordInvoiceEvent(tx, deps, row, event, actor, details);
    return row;
  });
  if (decision.approve) {
    await notifyStepApprovers(deps, step.record, {
      companyId: notice.companyId,
      groupId: (await loadParts(deps, notice.contractId)).contract.groupId,
      label: noticeLabel(notice.workingMonth),
      link: `/v1/invoices/${notice.id}`,
    });
  } else {
    await notify(
      deps,
      record.requestedBy.userId,
      approvalReturnedText(
        "paymentNotice.approvalReturned",
        { label: noticeLabel(notice.workingMonth), link: `/v1/invoices/${notice.id}` },
        { who: actor.fullName ?? actor.email, stepName: step.stepName, reason: reason ?? "" },
      ),
    );
  }
  return updated;
}
