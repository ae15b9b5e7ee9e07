// Multi-step approval (多段階承認): the steps a purchase order goes through before it is sent,
// and an invoice before it is approved. A company defines a route per group; the route in force
// is frozen on the document when it enters it, so a later edit of the route changes nothing
// for documents already in it.
//
//   pending (step 1) --approve--> pending (step 2) ... --approve (last step)--> approved
//        \                  \
//         return (reason)    return (reason) --> returned (back to the author)
//
// A step names a role (company owner, group owner) or people, and wants any one of them or
// all of them. Who reaches the document at all is the authorization table's business; this
// module only says whether that person belongs to the step in front of it.

import { type Issue, IssueCode, makeIssue } from "../issues";

export const APPROVER_ROLES = ["companyOwner", "groupOwner"] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

export const STEP_RULES = ["any", "all"] as const;
export type StepRule = (typeof STEP_RULES)[number];

export const APPROVAL_OUTCOMES = ["pending", "approved", "returned"] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];

export type Person = { userId: string; name: string };

/** A step as a route defines it: roles, or named people (userIds), never both. */
export type ApprovalStepDefinition = {
  name: string;
  rule: StepRule;
  roles: ApproverRole[];
  userIds: string[];
};

/**
 * A step as frozen on a document. `people` are the named approvers, or for an "all" step of a
 * role the holders of the role when the document entered the route: "all of them" must mean
 * a list that cannot grow while the document waits.
 */
export type FrozenStep = ApprovalStepDefinition & { people: Person[] };

export type StepDecision = {
  step: number;
  userId: string;
  name: string;
  decision: "approved" | "returned";
  reason: string | null;
  decidedAt: string;
};

export type ApprovalRecord = {
  /** null: no route defined, the one default step. */
  routeId: string | null;
  routeName: string;
  requestedBy: Person;
  requestedAt: string;
  steps: FrozenStep[];
  decisions: StepDecision[];
  outcome: ApprovalOutcome;
};

/** Today's behaviour when a company defines no route: any company or group owner approves. */
export const DEFAULT_STEP: ApprovalStepDefinition = {
  name: "承認",
  rule: "any",
  roles: ["companyOwner", "groupOwner"],
  userIds: [],
};

export const ROLE_LABELS: Record<ApproverRole, { en: string; ja: string }> = {
  companyOwner: { en: "company owner", ja: "企業オーナー" },
  groupOwner: { en: "group owner", ja: "グループオーナー" },
};

export const APPROVAL_OUTCOME_LABELS: Record<ApprovalOutcome, { en: string; ja: string }> = {
  pending: { en: "In approval", ja: "承認中" },
  approved: { en: "Approved", ja: "承認済み" },
  returned: { en: "Returned", ja: "差し戻し" },
};

/** The people the step waits for: its named people, or the role's holders frozen for "all". */
function peopleOf(step: FrozenStep): string[] {
  return step.userIds.length > 0 ? step.userIds : step.people.map((p) => p.userId);
}

function approvalsAt(record: ApprovalRecord, step: number): StepDecision[] {
  return record.decisions.filter((d) => d.step === step && d.decision === "approved");
}

function isStepComplete(record: ApprovalRecord, step: number): boolean {
  const frozen = record.steps[step - 1];
  if (!frozen) return true;
  const approvals = approvalsAt(record, step);
  const waitingFor = peopleOf(frozen);
  if (frozen.rule === "any" || waitingFor.length === 0) return approvals.length > 0;
  return waitingFor.every((userId) => approvals.some((d) => d.userId === userId));
}

/** The step (1-based) waiting for a decision, or null once the route is approved or returned. */
export function currentStepOf(record: ApprovalRecord): number | null {
  if (record.outcome !== "pending") return null;
  for (let step = 1; step <= record.steps.length; step++) {
    if (!isStepComplete(record, step)) return step;
  }
  return null;
}

/** Whether the person, holding these roles in the document's group, belongs to the step. */
export function belongsToStep(
  step: FrozenStep,
  actor: { userId: string; roles: readonly string[] },
) {
  if (step.userIds.length > 0) return step.userIds.includes(actor.userId);
  if (step.rule === "all" && step.people.length > 0) {
    return step.people.some((p) => p.userId === actor.userId);
  }
  return step.roles.some((role) => actor.roles.includes(role));
}

/** Who the step names, in words: "グループオーナー" or "鈴木 一郎・佐藤 花子". */
export function stepApprovers(step: FrozenStep): { en: string; ja: string } {
  if (step.userIds.length > 0) {
    const names = step.userIds.map((id) => step.people.find((p) => p.userId === id)?.name ?? id);
    return { en: names.join(", "), ja: names.join("・") };
  }
  return {
    en: step.roles.map((r) => ROLE_LABELS[r].en).join(" or "),
    ja: step.roles.map((r) => ROLE_LABELS[r].ja).join("・"),
  };
}

export type StepOutcome =
  | { ok: true; record: ApprovalRecord; step: number; stepName: string; completed: boolean }
  | { ok: false; status: 403 | 409 | 422; issue: Issue };

function refuse(status: 403 | 409 | 422, path: string, code: IssueCode, en: string, ja: string) {
  return { ok: false as const, status, issue: makeIssue(path, code, en, ja) };
}

/**
 * The record after one person's decision at the current step, or the refusal: nothing pending
 * (409), a person outside the step (403), a second approval by the same person in an "all"
 * step (409), a return without a reason (422). `completed` says the route is done (approved)
 * or the document goes back to its author (returned).
 */
export function decideStep(
  record: ApprovalRecord,
  actor: Person & { roles: readonly string[] },
  decision: { approve: true } | { approve: false; reason: string },
  now: string,
): StepOutcome {
  const current = currentStepOf(record);
  const step = current === null ? undefined : record.steps[current - 1];
  if (current === null || !step) {
    return refuse(
      409,
      "approval",
      IssueCode.APPROVAL_NOT_PENDING,
      "No approval step is waiting for a decision",
      "承認待ちのステップはありません",
    );
  }
  if (!belongsToStep(step, actor)) {
    const who = stepApprovers(step);
    return refuse(
      403,
      "approval",
      IssueCode.NOT_AN_APPROVER,
      `Step ${current} "${step.name}" is decided by ${who.en}, not by you`,
      `ステップ${current}「${step.name}」を判断できるのは${who.ja}です。あなたは承認者ではありません`,
    );
  }
  if (decision.approve && approvalsAt(record, current).some((d) => d.userId === actor.userId)) {
    return refuse(
      409,
      "approval",
      IssueCode.ALREADY_APPROVED_STEP,
      `You have already approved step ${current} "${step.name}": it waits for the others`,
      `ステップ${current}「${step.name}」はすでに承認済みです。ほかの承認者を待っています`,
    );
  }
  const reason = decision.approve ? null : decision.reason.trim();
  if (!decision.approve && !reason) {
    return refuse(
      422,
      "reason",
      IssueCode.RETURN_REASON_REQUIRED,
      "Give a reason for returning, so the author knows what to revise",
      "差し戻しの理由を入力してください。作成者が修正する内容の手がかりになります",
    );
  }
  const next: ApprovalRecord = {
    ...record,
    decisions: [
      ...record.decisions,
      {
        step: current,
        userId: actor.userId,
        name: actor.name,
        decision: decision.approve ? "approved" : "returned",
        reason,
        decidedAt: now,
      },
    ],
  };
  if (!decision.approve) next.outcome = "returned";
  else if (currentStepOf(next) === null) next.outcome = "approved";
  return {
    ok: true,
    record: next,
    step: current,
    stepName: step.name,
    completed: next.outcome !== "pending",
  };
}

/** A step as shown on the document: its decision, who made it, when, and why. */
export type StepView = {
  number: number;
  name: string;
  rule: StepRule;
  roles: ApproverRole[];
  people: Person[];
  decision: "approved" | "returned" | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  approvals: Array<{ userId: string; name: string; decidedAt: string }>;
};

export function stepViews(record: ApprovalRecord): StepView[] {
  return record.steps.map((step, index) => {
    const number = index + 1;
    const mine = record.decisions.filter((d) => d.step === number);
    const returned = mine.find((d) => d.decision === "returned");
    const complete = isStepComplete(record, number) && mine.length > 0;
    const last = returned ?? (complete ? mine.at(-1) : undefined);
    return {
      number,
      name: step.name,
      rule: step.rule,
      roles: step.userIds.length > 0 ? [] : step.roles,
      people: step.people,
      decision: returned ? "returned" : complete ? "approved" : null,
      decidedBy: last?.name ?? null,
      decidedAt: last?.decidedAt ?? null,
      reason: returned?.reason ?? null,
      approvals: mine
        .filter((d) => d.decision === "approved")
        .map((d) => ({ userId: d.userId, name: d.name, decidedAt: d.decidedAt })),
    };
  });
}
