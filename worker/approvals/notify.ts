import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { type ApprovalRecord, currentStepOf } from "../../shared";
import { memberships } from "../db/schema";
import type { Deps } from "../deps";
import { type NotificationInput, notify, type Words } from "../notifications/service";

// The people a step waits for hear of it in the bell: the named approvers, or the holders of
// the step's role in the group. The default single step keeps today's notices alone.

async function waitingFor(
  deps: Pick<Deps, "db">,
  record: ApprovalRecord,
  scope: { companyId: string; groupId: string },
): Promise<string[]> {
  const number = currentStepOf(record);
  const step = number === null ? undefined : record.steps[number - 1];
  if (!step) return [];
  if (step.people.length > 0) return step.people.map((p) => p.userId);
  const rows = await deps.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.companyId, scope.companyId),
        or(eq(memberships.groupId, scope.groupId), isNull(memberships.groupId)),
        inArray(memberships.role, step.roles),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}

/** Tells the current step's approvers that a document waits for them; nothing once decided. */
export async function notifyStepApprovers(
  deps: Pick<Deps, "db" | "now" | "mail" | "config">,
  record: ApprovalRecord,
  document: { companyId: string; groupId: string; label: Words; link: string },
) {
  if (record.routeId === null || record.outcome !== "pending") return;
  const number = currentStepOf(record);
  const step = number === null ? undefined : record.steps[number - 1];
  if (!step) return;
  for (const userId of await waitingFor(deps, record, document)) {
    if (record.decisions.some((d) => d.step === number && d.userId === userId)) continue;
    await notify(deps, userId, {
      kind: "approval.stepWaiting",
      title: {
        ja: `${document.label.ja} の承認をお願いします（ステップ${number}「${step.name}」）`,
        en: `Approve ${document.label.en} (step ${number})`,
      },
      body: {
        ja: `${record.routeName}: 全${record.steps.length}ステップ中 ${number}「${step.name}」。申請者: ${record.requestedBy.name}`,
        en: `${record.routeName}: step ${number} of ${record.steps.length}, "${step.name}". Requested by ${record.requestedBy.name}`,
      },
      link: document.link,
    });
  }
}

/** To the author: a step of the approval route returned the document, with the reason. */
export function approvalReturnedText(
  kind: "order.approvalReturned" | "paymentNotice.approvalReturned",
  document: { label: Words; link: string },
  step: { who: string; stepName: string; reason: string },
): NotificationInput {
  return {
    kind,
    title: {
      ja: `${document.label.ja} が承認経路で差し戻されました`,
      en: `The ${document.label.en} was returned in approval`,
    },
    body: {
      ja: `${step.who}（${step.stepName}）: ${step.reason}`,
      en: `${step.who} (${step.stepName}): ${step.reason}`,
    },
    link: document.link,
  };
}
