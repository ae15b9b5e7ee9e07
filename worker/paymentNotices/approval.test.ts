import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { historyEvents, workEntries } from "../db/schema";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract } from "../testing/contracts";
import { staff } from "../testing/staff";

// Issue 15: a payment notice goes through the group's approval route before it reaches the
// partner, whose acceptance approves it. Held as the company's draft (unseen by the partner),
// returned to its author at a step, sent again into the route, and sent by the last step.

let t: TestApp;
let c: Awaited<ReturnType<typeof approvedContract>>;
let tokens: Record<"groupOwner" | "suzuki", string>;
let suzukiId: string;

beforeEach(async () => {
  // Every answer is held to the schema its route declares (http/responseCheck.ts).
  t = await testApp({ config: { checkResponses: true } });
  c = await approvedContract(t, {
    // 10:00 in Tokyo on 2025-09-25: 2025-08 has closed, so its notice can be sent.
    now: new Date("2025-09-25T01:00:00Z"),
    billingMode: "paymentNotice",
    confirmationDays: 7,
    costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }],
    settlementUnit: 15,
  });
  await t.db.insert(workEntries).values(
    ["2025-08-01", "2025-08-04"].map((date) => ({
      contractId: c.contractId,
      workingMonth: "2025-08",
      date,
      costCategoryId: "dev",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    })),
  );
  const suzuki = await staff(t, "member@demo.shimebi.test");
  tokens = {
    groupOwner: (await staff(t, "groupowner@demo.shimebi.test")).token,
    suzuki: suzuki.token,
  };
  suzukiId = suzuki.userId;
});

describe("a payment notice before sending", () => {
  it("is held in a two-step route, returned, and sent to the partner by the last step", async () => {
    const route = await t.call("POST", `/v1/groups/${c.groupId}/approval-routes`, {
      token: c.owner,
      body: {
        documentType: "paymentNotice",
        name: "支払通知の承認",
        steps: [
          { name: "担当確認", userIds: [suzukiId] },
          { name: "グループ承認", roles: ["groupOwner"] },
        ],
      },
    });
    expect(route.status, JSON.stringify(route.body)).toBe(201);
    const url = `/v1/contracts/${c.contractId}/months/2025-08/payment-notice`;
    const held = await t.call("POST", url, { token: c.owner, body: { remarks: "8月分" } });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    expect(held.body).toMatchObject({
      kind: "paymentNotice",
      status: "draft",
      number: null,
      approval: { status: "pending", currentStep: 1 },
    });
    const id = held.body.id as string;
    const path = (action: string) => `/v1/invoices/${id}/${action}`;
    // The partner neither sees nor answers it yet; the author cannot send it around the route.
    expect((await t.call("GET", `/v1/invoices/${id}`, { token: c.partner })).status).toBe(404);
    expect((await t.call("POST", path("accept"), { token: c.partner })).status).toBe(404);
    expect((await t.call("POST", url, { token: c.owner, body: {} })).status).toBe(409);
    expect((await t.call("POST", path("approve"), { token: tokens.groupOwner })).status).toBe(403);

    expect((await t.call("POST", path("approve"), { token: tokens.suzuki })).body).toMatchObject({
      status: "draft",
      approval: { currentStep: 2 },
    });
    const returned = await t.call("POST", path("return"), {
      token: tokens.groupOwner,
      body: { reason: "書籍代の領収書を確認してください" },
    });
    expect(returned.body).toMatchObject({
      status: "draft",
      approval: { status: "returned" },
    });
    expect(returned.body.approval.steps[1]).toMatchObject({
      decision: "returned",
      decidedBy: "佐藤 花子",
      reason: "書籍代の領収書を確認してください",
    });

    const again = await t.call("POST", url, {
      token: c.owner,
      body: { remarks: "8月分（確認済み）" },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ status: "draft", approval: { currentStep: 1 } });
    await t.call("POST", path("approve"), { token: tokens.suzuki });
    // A day of work registered meanwhile: the last step may not send a total no step approved.
    const [extra] = await t.db
      .insert(workEntries)
      .values({
        contractId: c.contractId,
        workingMonth: "2025-08",
        date: "2025-08-05",
        costCategoryId: "dev",
        startMinutes: 540,
        endMinutes: 600,
        breakMinutes: 0,
      })
      .returning();
    const stale = await t.call("POST", path("approve"), {
      token: tokens.groupOwner,
      headers: { "accept-language": "ja" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe(
      "承認中に稼働の登録が変わり、支払通知書の合計が承認された 88,000円 から 93,500円 に変わります。差し戻して、もう一度承認経路に送ってください",
    );
    await t.db.delete(workEntries).where(eq(workEntries.id, extra?.id ?? ""));
    const sent = await t.call("POST", path("approve"), { token: tokens.groupOwner });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({
      status: "underReview",
      number: "PN-000001",
      inputs: { remarks: "8月分（確認済み）" },
      approval: { status: "approved" },
    });
    // Now the partner's to answer, as before.
    const accepted = await t.call("POST", path("accept"), { token: c.partner });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe("approved");

    const rows = await t.db
      .select()
      .from(historyEvents)
      .where(eq(historyEvents.documentId, id))
      .orderBy(asc(historyEvents.seq));
    expect(rows.map((r) => [r.event, r.actorName])).toEqual([
      ["approvalRequested", "山田 太郎"],
      ["stepApproved", "鈴木 一郎"],
      ["approvalReturned", "佐藤 花子"],
      ["approvalRequested", "山田 太郎"],
      ["stepApproved", "鈴木 一郎"],
      ["stepApproved", "佐藤 花子"],
      ["sent", "佐藤 花子"],
      ["approved", "田中 美咲"],
    ]);
  });
});
