import { type ApprovalRecord, DEFAULT_STEP, decideStep } from "../../shared";
import type { User } from "../accounts/sessions";
import type { Role } from "../db/schema";
import { ApiError, refusedBy } from "../http/errors";
import { personName } from "./service";

// One person's decision at the step in front of a document, for orders and invoices alike.
// The authorization table has already said the person may act on the document at all; the
// frozen step says whether they belong to it.

export type Decision = { approve: true } | { approve: false; reason: string };

/** What invoices submitted before approval routes existed carry: the default single step. */
export function legacyApproval(requestedAt: Date | null): ApprovalRecord {
  return {
    routeId: null,
    routeName: DEFAULT_STEP.name,
    requestedBy: { userId: "", name: "" },
    requestedAt: (requestedAt ?? new Date(0)).toISOString(),
    steps: [{ ...DEFAULT_STEP, people: [] }],
    decisions: [],
    outcome: "pending",
  };
}

/** The record after the decision, or the refusal as the API's error (403, 409 or 422). */
export function decideApproval(
  record: ApprovalRecord,
  actor: User,
  roles: readonly Role[],
  decision: Decision,
  now: Date,
) {
  const outcome = decideStep(
    record,
    { userId: actor.id, name: personName(actor), roles },
    decision,
    now.toISOString(),
  );
  if (!outcome.ok) throw refusedBy(outcome.status, outcome.issue);
  return outcome;
}

/** The history row's details for a step: which step of which route, and the reason if any. */
export function stepDetails(
  record: ApprovalRecord,
  outcome: { step: number; stepName: string },
  reason: string | null,
): Record<string, unknown> {
  // The default single step keeps today's rows: a reason on a return, nothing on approval.
  if (record.routeId === null) return reason ? { reason } : {};
  return {
    ...(reason ? { reason } : {}),
    route: record.routeName,
    step: outcome.step,
    stepName: outcome.stepName,
    steps: record.steps.length,
  };
}

/** What a conditional update answers when another decision changed the document first. */
const CHANGED = new Set(["invoice_changed", "order_changed", "payment_notice_changed"]);

/**
 * Two approvers of an "all" step deciding at the same moment both read the same approval;
 * the second update finds it changed. Decide again on the document as it now is (a few
 * times), so each approval counts, and a repeated click meets "already approved".
 */
export async function decideAfresh<D, R>(
  first: D,
  reload: () => Promise<D>,
  decide: (document: D) => Promise<R>,
): Promise<R> {
  let document = first;
  for (let attempt = 1; ; attempt++) {
    try {
      return await decide(document);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof ApiError) || !CHANGED.has(error.code)) throw error;
      document = await reload();
    }
  }
}
