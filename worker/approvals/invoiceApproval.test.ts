import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { historyEvents, invoices, notifications, workEntries } from "../db/schema";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { approvedContract } from "../testing/contracts";
import { addStaff, staff } from "../testing/staff";

// Issue 15: an invoice through a three-step approval route of its group. The group owner
// checks it, two members of accounting must both approve, the company owner approves last.
// Returned at step 2, resubmitted, approved by all three steps; each step in the history.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;
let people: Record<"owner" | "groupOwner" | "suzuki" | "ito" | "partner" | "outsider", string>;
let ids: Record<"suzuki" | "ito", string>;

const ROUTE = (suzuki: string, ito: string) => ({
  documentType: "invoice",
  name: "請求書の3段階承認",
  steps: [
    { name: "課長確認", roles: ["groupOwner"] },
    { name: "経理確認", rule: "all", userIds: [suzuki, ito] },
    { name: "最終承認", roles: ["companyOwner"] },
  ],
});

beforeEach(async () => {
  // Every answer is held to the schema its route declares (http/responseCheck.ts).
  t = await testApp({ config: { checkResponses: true } });
  ctx = await approvedContract(t);
  await t.db.insert(workEntries).values(
    [4, 5, 6].map((day) => ({
      contractId: ctx.contractId,
      workingMonth: "2025-08",
      date: `2025-08-0${day}`,
      costCategoryId: "ses",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    })),
  );
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  const suzuki = await staff(t, "member@demo.shimebi.test");
  const ito = await addStaff(t, {
    email: "ito@demo.shimebi.test",
    fullName: "伊藤 蓮",
    role: "member",
    companyId: ctx.companyId,
    groupId: ctx.groupId,
  });
  people = {
    owner: (await staff(t, "owner@demo.shimebi.test")).token,
    groupOwner: (await staff(t, "groupowner@demo.shimebi.test")).token,
    suzuki: suzuki.token,
    ito: ito.token,
    partner: (await staff(t, "partner@demo.shimebi.test")).token,
    outsider: (await staff(t, "owner@other.shimebi.test")).token,
  };
  ids = { suzuki: suzuki.userId, ito: ito.userId };
});

async function historyOf(invoiceId: string) {
  const rows = await t.db
    .select()
    .from(historyEvents)
    .where(eq(historyEvents.documentId, invoiceId))
    .orderBy(asc(historyEvents.seq));
  return rows.map((r) => ({ event: r.event, actor: r.actorName, ...JSON.parse(r.details) }));
}

const decide = (id: string, who: keyof typeof people, reason?: string) =>
  t.call("POST", `/v1/invoices/${id}/${reason ? "return" : "approve"}`, {
    token: people[who],
    ...(reason ? { body: { reason } } : {}),
  });

async function submit() {
  const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
    token: people.partner,
    body: {},
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  const submitted = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
    token: people.partner,
    body: { confirmMonth: "2025-08" },
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

describe("an invoice through a three-step approval route", () => {
  it("is returned at step 2 with a reason, resubmitted, and approved only after the last step", async () => {
    const defined = await t.call("POST", `/v1/groups/${ctx.groupId}/approval-routes`, {
      token: people.owner,
      body: ROUTE(ids.suzuki, ids.ito),
    });
    expect(defined.status, JSON.stringify(defined.body)).toBe(201);
    expect(defined.body.steps).toEqual([
      { name: "課長確認", rule: "any", roles: ["groupOwner"], userIds: [] },
      { name: "経理確認", rule: "all", roles: [], userIds: [ids.suzuki, ids.ito] },
      { name: "最終承認", rule: "any", roles: ["companyOwner"], userIds: [] },
    ]);

    const submitted = await submit();
    const id = submitted.id as string;
    expect(submitted.approval).toMatchObject({
      route: { id: defined.body.id, name: "請求書の3段階承認" },
      status: "pending",
      currentStep: 1,
      requestedBy: { name: "田中 美咲" },
    });
    expect(submitted.approval.steps.map((s: { name: string }) => s.name)).toEqual([
      "課長確認",
      "経理確認",
      "最終承認",
    ]);
    expect(submitted.approval.steps[1].people).toEqual([
      { userId: ids.suzuki, name: "鈴木 一郎" },
      { userId: ids.ito, name: "伊藤 蓮" },
    ]);

    // Outside the step: the company owner is refused at step 1 (403, in Japanese by default
    // for ja), the partner by the table (403), another company's owner sees nothing (404).
    const before = await snapshot(t.db);
    const notYet = await t.call("POST", `/v1/invoices/${id}/approve`, {
      token: people.owner,
      headers: { "accept-language": "ja" },
    });
    expect(notYet.status).toBe(403);
    expect(notYet.body.error).toMatchObject({
      code: "not_an_approver",
      message:
        "ステップ1「課長確認」を判断できるのはグループオーナーです。あなたは承認者ではありません",
    });
    expect((await decide(id, "owner")).body.error.message).toBe(
      'Step 1 "課長確認" is decided by group owner, not by you',
    );
    expect((await decide(id, "suzuki")).status).toBe(403);
    expect((await decide(id, "partner")).status).toBe(403);
    expect((await decide(id, "outsider")).status).toBe(404);
    expect(await snapshot(t.db)).toEqual(before);

    const step1 = await decide(id, "groupOwner");
    expect(step1.status, JSON.stringify(step1.body)).toBe(200);
    expect(step1.body).toMatchObject({ status: "underReview", approval: { currentStep: 2 } });
    expect(step1.body.approval.steps[0]).toMatchObject({
      decision: "approved",
      decidedBy: "佐藤 花子",
      decidedAt: "2025-08-26T01:00:00.000Z",
    });

    // Step 2 wants both: one approval leaves it at step 2; the same person cannot count twice.
    // Each step's approvers hear of it when the invoice reaches their step.
    const waiting = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "approval.stepWaiting"));
    expect(waiting.map((n) => [n.userId, n.title, n.titleEn])).toEqual(
      expect.arrayContaining([
        [
          ids.suzuki,
          "請求書 INV-000001 の承認をお願いします（ステップ2「経理確認」）",
          "Approve invoice INV-000001 (step 2)",
        ],
        [
          ids.ito,
          "請求書 INV-000001 の承認をお願いします（ステップ2「経理確認」）",
          "Approve invoice INV-000001 (step 2)",
        ],
      ]),
    );
    expect(waiting.map((n) => n.title)).toContain(
      "請求書 INV-000001 の承認をお願いします（ステップ1「課長確認」）",
    );

    const first = await decide(id, "suzuki");
    expect(first.body).toMatchObject({ status: "underReview", approval: { currentStep: 2 } });
    expect(first.body.approval.steps[1]).toMatchObject({
      decision: null,
      approvals: [{ name: "鈴木 一郎" }],
    });
    const twice = await decide(id, "suzuki");
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("already_approved_step");
    expect((await decide(id, "groupOwner")).status).toBe(403);

    const returned = await decide(id, "ito", "交通費の領収書を添付してください");
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({
      status: "returned",
      returnReason: "交通費の領収書を添付してください",
      approval: { status: "returned", currentStep: null },
    });
    expect(returned.body.approval.steps[1]).toMatchObject({
      decision: "returned",
      decidedBy: "伊藤 蓮",
      reason: "交通費の領収書を添付してください",
    });
    expect((await decide(id, "owner")).status).toBe(409);
    const returnedPage = await t.call("GET", `/v1/invoices/${id}/document`, {
      token: people.partner,
    });
    expect(String(returnedPage.body)).toContain("交通費の領収書を添付してください");

    // Resubmitted: the route starts again from step 1.
    const again = await t.call("POST", `/v1/invoices/${id}/submit`, {
      token: people.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(again.body).toMatchObject({
      status: "underReview",
      approval: { status: "pending", currentStep: 1 },
    });
    expect(again.body.approval.steps.every((s: { decision: null }) => s.decision === null)).toBe(
      true,
    );
    for (const who of ["groupOwner", "suzuki", "ito"] as const) {
      const step = await decide(id, who);
      expect(step.status, JSON.stringify(step.body)).toBe(200);
      expect(step.body.status).toBe("underReview");
    }
    const [stored] = await t.db.select().from(invoices).where(eq(invoices.id, id));
    expect(stored?.status).toBe("underReview");
    expect(stored?.decidedAt).toBeNull();

    const last = await decide(id, "owner");
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(last.body).toMatchObject({
      status: "approved",
      approval: { status: "approved", currentStep: null },
    });
    expect(
      last.body.approval.steps.map((s: { decision: string; decidedBy: string }) => [
        s.decision,
        s.decidedBy,
      ]),
    ).toEqual([
      ["approved", "佐藤 花子"],
      ["approved", "伊藤 蓮"],
      ["approved", "山田 太郎"],
    ]);

    const step = (n: number, name: string) => ({
      route: "請求書の3段階承認",
      step: n,
      stepName: name,
      steps: 3,
    });
    expect(await historyOf(id)).toEqual([
      { event: "submitted", actor: "田中 美咲" },
      { event: "stepApproved", actor: "佐藤 花子", ...step(1, "課長確認") },
      { event: "stepApproved", actor: "鈴木 一郎", ...step(2, "経理確認") },
      {
        event: "returned",
        actor: "伊藤 蓮",
        reason: "交通費の領収書を添付してください",
        ...step(2, "経理確認"),
      },
      { event: "resubmitted", actor: "田中 美咲" },
      { event: "stepApproved", actor: "佐藤 花子", ...step(1, "課長確認") },
      { event: "stepApproved", actor: "鈴木 一郎", ...step(2, "経理確認") },
      { event: "stepApproved", actor: "伊藤 蓮", ...step(2, "経理確認") },
      { event: "approved", actor: "山田 太郎", ...step(3, "最終承認") },
    ]);
    const verify = await t.call("GET", `/v1/companies/${ctx.companyId}/history/verify`, {
      token: people.owner,
    });
    expect(verify.body).toMatchObject({ valid: true, breaks: [] });

    // The document's views show the steps: the JSON, and the HTML page.
    const view = await t.call("GET", `/v1/invoices/${id}`, { token: people.partner });
    expect(view.body.approval.steps[2]).toMatchObject({ name: "最終承認", decidedBy: "山田 太郎" });
    const page = await t.call("GET", `/v1/invoices/${id}/document`, { token: people.owner });
    const text = String(page.body)
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    expect(text).toContain("承認経路（請求書の3段階承認）");
    expect(text).toContain(
      "1. 課長確認 グループオーナー（いずれか1名） 承認 佐藤 花子 2025年8月26日 10:00",
    );
    expect(text).toContain("2. 経理確認 鈴木 一郎・伊藤 蓮（全員） 承認 伊藤 蓮");
    expect(text).toContain("3. 最終承認 企業オーナー（いずれか1名） 承認 山田 太郎");
  });

  it("keeps the route it entered with when the route is edited meanwhile", async () => {
    const defined = await t.call("POST", `/v1/groups/${ctx.groupId}/approval-routes`, {
      token: people.owner,
      body: ROUTE(ids.suzuki, ids.ito),
    });
    const { id } = await submit();
    const edited = await t.call(
      "PUT",
      `/v1/groups/${ctx.groupId}/approval-routes/${defined.body.id}`,
      { token: people.owner, body: { steps: [{ name: "社長承認", roles: ["companyOwner"] }] } },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    // The invoice still waits for step 1 of three: the company owner is not its approver.
    expect((await decide(id, "owner")).status).toBe(403);
    const shown = await t.call("GET", `/v1/invoices/${id}`, { token: people.owner });
    expect(shown.body.approval.steps).toHaveLength(3);
    const [row] = await t.db
      .select()
      .from(historyEvents)
      .where(and(eq(historyEvents.documentId, id), eq(historyEvents.event, "submitted")));
    expect(row?.actorName).toBe("田中 美咲");
  });

  it("counts two approvers of an all-step deciding at the same moment, and a double click once", async () => {
    await t.call("POST", `/v1/groups/${ctx.groupId}/approval-routes`, {
      token: people.owner,
      body: {
        documentType: "invoice",
        name: "経理の2名承認",
        steps: [
          { name: "経理確認", rule: "all", userIds: [ids.suzuki, ids.ito] },
          { name: "最終承認", roles: ["companyOwner"] },
        ],
      },
    });
    const { id } = await submit();
    const [a, b, again] = await Promise.all([
      decide(id, "suzuki"),
      decide(id, "ito"),
      decide(id, "suzuki"),
    ]);
    expect([a.status, b.status, again.status].sort()).toEqual([200, 200, 409]);
    const view = await t.call("GET", `/v1/invoices/${id}`, { token: people.owner });
    expect(view.body.approval.currentStep).toBe(2);
    expect(
      view.body.approval.steps[0].approvals.map((x: { name: string }) => x.name).sort(),
    ).toEqual(["伊藤 蓮", "鈴木 一郎"]);
    const events = (await historyOf(id)).map((e) => e.event);
    expect(events).toEqual(["submitted", "stepApproved", "stepApproved"]);
  });

  it("without a route: one step, any company or group owner, a member refused", async () => {
    const { id, approval } = await submit();
    expect(approval).toMatchObject({
      route: { id: null, name: "承認" },
      currentStep: 1,
      steps: [{ name: "承認", roles: ["companyOwner", "groupOwner"], rule: "any" }],
    });
    expect((await decide(id, "suzuki")).status).toBe(403);
    const approved = await decide(id, "groupOwner");
    expect(approved.body).toMatchObject({ status: "approved", approval: { status: "approved" } });
    expect((await historyOf(id)).map((e) => e.event)).toEqual(["submitted", "approved"]);
  });
});
