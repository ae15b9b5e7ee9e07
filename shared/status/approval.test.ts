import { describe, expect, it } from "vitest";
import {
  type ApprovalRecord,
  currentStepOf,
  DEFAULT_STEP,
  decideStep,
  type FrozenStep,
  stepViews,
} from "./approval";

const NOW = "2025-08-26T01:00:00.000Z";
const suzuki = { userId: "u-suzuki", name: "鈴木 一郎", roles: ["member"] };
const ito = { userId: "u-ito", name: "伊藤 蓮", roles: ["member"] };
const sato = { userId: "u-sato", name: "佐藤 花子", roles: ["groupOwner"] };
const yamada = { userId: "u-yamada", name: "山田 太郎", roles: ["companyOwner"] };

function record(steps: FrozenStep[]): ApprovalRecord {
  return {
    routeId: "r1",
    routeName: "請求書の承認",
    requestedBy: { userId: "u-partner", name: "田中 美咲" },
    requestedAt: NOW,
    steps,
    decisions: [],
    outcome: "pending",
  };
}

const THREE: FrozenStep[] = [
  { name: "課長確認", rule: "any", roles: ["groupOwner"], userIds: [], people: [] },
  {
    name: "経理確認",
    rule: "all",
    roles: [],
    userIds: [suzuki.userId, ito.userId],
    people: [suzuki, ito].map(({ userId, name }) => ({ userId, name })),
  },
  { name: "最終承認", rule: "any", roles: ["companyOwner"], userIds: [], people: [] },
];

function approve(r: ApprovalRecord, actor: typeof suzuki) {
  const out = decideStep(r, actor, { approve: true }, NOW);
  if (!out.ok) throw new Error(out.issue.message);
  return out;
}

describe("decideStep", () => {
  it("walks three steps, an all-step waiting for both people, and completes only at the last", () => {
    let r = record(THREE);
    expect(currentStepOf(r)).toBe(1);
    r = approve(r, sato).record;
    expect(currentStepOf(r)).toBe(2);
    const first = approve(r, suzuki);
    expect(first.completed).toBe(false);
    expect(currentStepOf(first.record)).toBe(2);
    const twice = decideStep(first.record, suzuki, { approve: true }, NOW);
    expect(twice).toMatchObject({ ok: false, status: 409 });
    r = approve(first.record, ito).record;
    expect(currentStepOf(r)).toBe(3);
    const last = approve(r, yamada);
    expect(last).toMatchObject({ completed: true, step: 3 });
    expect(last.record.outcome).toBe("approved");
    expect(currentStepOf(last.record)).toBeNull();
    expect(stepViews(last.record).map((s) => [s.decision, s.decidedBy])).toEqual([
      ["approved", "佐藤 花子"],
      ["approved", "伊藤 蓮"],
      ["approved", "山田 太郎"],
    ]);
  });

  it("refuses a person outside the step with 403, in Japanese and English", () => {
    const out = decideStep(record(THREE), suzuki, { approve: true }, NOW);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.status).toBe(403);
    expect(out.issue.code).toBe("not_an_approver");
    expect(out.issue.messageJa).toBe(
      "ステップ1「課長確認」を判断できるのはグループオーナーです。あなたは承認者ではありません",
    );
  });

  it("returns with a reason, which ends the route; a blank reason is refused", () => {
    const r = approve(record(THREE), sato).record;
    expect(decideStep(r, suzuki, { approve: false, reason: "  " }, NOW)).toMatchObject({
      ok: false,
      status: 422,
    });
    const out = decideStep(
      r,
      suzuki,
      { approve: false, reason: "交通費の領収書がありません" },
      NOW,
    );
    if (!out.ok) throw new Error(out.issue.message);
    expect(out).toMatchObject({ completed: true, step: 2, stepName: "経理確認" });
    expect(out.record.outcome).toBe("returned");
    expect(stepViews(out.record)[1]).toMatchObject({
      decision: "returned",
      decidedBy: "鈴木 一郎",
      reason: "交通費の領収書がありません",
    });
    expect(decideStep(out.record, ito, { approve: true }, NOW)).toMatchObject({ status: 409 });
  });

  it("the default step: any company or group owner, a member refused", () => {
    const r = record([{ ...DEFAULT_STEP, people: [] }]);
    expect(decideStep(r, suzuki, { approve: true }, NOW)).toMatchObject({ status: 403 });
    expect(approve(r, sato).completed).toBe(true);
    expect(approve(r, yamada).completed).toBe(true);
  });

  it("an all-step of a role waits for every holder frozen on the document", () => {
    const other = { userId: "u-kato", name: "加藤 翼", roles: ["groupOwner"] };
    const r = record([
      { name: "オーナー全員", rule: "all", roles: ["groupOwner"], userIds: [], people: [sato] },
    ]);
    // A group owner who was not one when the document entered the route is not in the step.
    expect(decideStep(r, other, { approve: true }, NOW)).toMatchObject({ status: 403 });
    expect(approve(r, sato).completed).toBe(true);
  });
});
