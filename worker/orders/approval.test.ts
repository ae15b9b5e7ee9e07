import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { companies, groups, historyEvents, notifications, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { staff } from "../testing/staff";

// Issue 15: a purchase order goes through the group's two-step approval route before it is
// sent. The group owner checks it, then a named member; a return gives it back to its author
// unsent; the route frozen on the order holds even when the route is edited meanwhile.

let t: TestApp;
let tokens: Record<"owner" | "groupOwner" | "suzuki" | "partner", string>;
let ownerId: string;
let suzukiId: string;
let groupId: string;
let orderId: string;

beforeEach(async () => {
  // Every answer is held to the schema its route declares (http/responseCheck.ts).
  t = await testApp({ config: { checkResponses: true } });
  await seedDemo(t.db, "shimebi-demo");
  t.clock.now = new Date("2025-07-20T01:00:00Z");
  const owner = await staff(t, "owner@demo.shimebi.test");
  const suzuki = await staff(t, "member@demo.shimebi.test");
  tokens = {
    owner: owner.token,
    groupOwner: (await staff(t, "groupowner@demo.shimebi.test")).token,
    suzuki: suzuki.token,
    partner: (await staff(t, "partner@demo.shimebi.test")).token,
  };
  ownerId = owner.userId;
  suzukiId = suzuki.userId;
  const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
  const [group] = await t.db
    .select()
    .from(groups)
    .where(eq(groups.companyId, company?.id ?? ""));
  groupId = group?.id ?? "";
  const [partner] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, "partner@demo.shimebi.test"));
  const contract = await t.call("POST", `/v1/groups/${groupId}/contracts`, {
    token: tokens.owner,
    body: {
      title: "開発支援",
      partnerUserId: partner?.id,
      contractType: "quasiMandate",
      scope: "開発",
      startDate: "2025-08-01",
      endDate: "2025-12-31",
      closingDay: 31,
      paymentTerms: { monthsAfter: 1, day: 31 },
      conditions: { costCategories: [{ id: "dev", type: "hourly", unitPrice: 5000 }] },
    },
  });
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  const order = await t.call("POST", `/v1/contracts/${contract.body.id}/orders`, {
    token: tokens.owner,
    body: {},
  });
  orderId = order.body.id;
});

const step = (who: keyof typeof tokens, reason?: string) =>
  t.call("POST", `/v1/orders/${orderId}/approval/${reason ? "return" : "approve"}`, {
    token: tokens[who],
    ...(reason ? { body: { reason } } : {}),
  });

async function events() {
  const rows = await t.db
    .select()
    .from(historyEvents)
    .where(eq(historyEvents.documentId, orderId))
    .orderBy(asc(historyEvents.seq));
  return rows.map((r) => [r.event, r.actorName]);
}

describe("a purchase order before sending", () => {
  it("goes through a two-step route, is returned to its author, and is sent by the last step", async () => {
    const route = await t.call("POST", `/v1/groups/${groupId}/approval-routes`, {
      token: tokens.owner,
      body: {
        documentType: "purchaseOrder",
        name: "発注の承認",
        steps: [
          { name: "グループ確認", roles: ["groupOwner"] },
          { name: "予算確認", userIds: [suzukiId] },
        ],
      },
    });
    expect(route.status, JSON.stringify(route.body)).toBe(201);

    const requested = await t.call("POST", `/v1/orders/${orderId}/send`, { token: tokens.owner });
    expect(requested.status, JSON.stringify(requested.body)).toBe(200);
    expect(requested.body).toMatchObject({
      status: "draft",
      sentAt: null,
      approval: { status: "pending", currentStep: 1, requestedBy: { name: "山田 太郎" } },
    });
    // Not sent: the partner does not see it; the author can neither edit nor send it around.
    expect((await t.call("GET", `/v1/orders/${orderId}`, { token: tokens.partner })).status).toBe(
      404,
    );
    const before = await snapshot(t.db);
    const patch = await t.call("PATCH", `/v1/orders/${orderId}`, {
      token: tokens.owner,
      body: { remarks: "x" },
      headers: { "accept-language": "ja" },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.error.message).toBe("発注書は承認中です。差し戻されると変更できます");
    expect(
      (await t.call("POST", `/v1/orders/${orderId}/send`, { token: tokens.owner })).status,
    ).toBe(409);
    // Outside step 1: the member (not a group owner), the company owner; the partner by the table.
    expect((await step("suzuki")).status).toBe(403);
    expect((await step("owner")).status).toBe(403);
    expect((await step("partner")).status).toBe(403);
    expect(await snapshot(t.db)).toEqual(before);

    const first = await step("groupOwner");
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: "draft", approval: { currentStep: 2 } });
    expect((await step("groupOwner")).status).toBe(403);

    const returned = await step("suzuki", "予算超過のため単価を見直してください");
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({
      status: "draft",
      sentAt: null,
      approval: { status: "returned", currentStep: null },
    });
    expect(returned.body.approval.steps[1]).toMatchObject({
      decision: "returned",
      decidedBy: "鈴木 一郎",
      reason: "予算超過のため単価を見直してください",
    });
    const bell = await t.db.select().from(notifications).where(eq(notifications.userId, ownerId));
    expect(bell.map((n) => n.kind)).toContain("order.approvalReturned");

    // Back with its author: edited, and sent into the route again.
    const edited = await t.call("PATCH", `/v1/orders/${orderId}`, {
      token: tokens.owner,
      body: { remarks: "単価は据え置き、稼働上限を明記" },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const again = await t.call("POST", `/v1/orders/${orderId}/send`, { token: tokens.owner });
    expect(again.body).toMatchObject({ status: "draft", approval: { currentStep: 1 } });

    // The route gains a third step meanwhile: the order keeps the two it entered with.
    const edit = await t.call("PUT", `/v1/groups/${groupId}/approval-routes/${route.body.id}`, {
      token: tokens.owner,
      body: {
        steps: [
          { name: "グループ確認", roles: ["groupOwner"] },
          { name: "予算確認", userIds: [suzukiId] },
          { name: "社長承認", roles: ["companyOwner"] },
        ],
      },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body.steps).toHaveLength(3);

    expect((await step("groupOwner")).body.approval.currentStep).toBe(2);
    const sent = await step("suzuki");
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({
      status: "underReview",
      sentAt: "2025-07-20T01:00:00.000Z",
      approval: { status: "approved", currentStep: null },
    });
    expect(sent.body.approval.steps).toHaveLength(2);
    const seen = await t.call("GET", `/v1/orders/${orderId}`, { token: tokens.partner });
    expect(seen.status).toBe(200);
    expect(seen.body.approval.steps.map((s: { decidedBy: string }) => s.decidedBy)).toEqual([
      "佐藤 花子",
      "鈴木 一郎",
    ]);

    expect(await events()).toEqual([
      ["approvalRequested", "山田 太郎"],
      ["stepApproved", "佐藤 花子"],
      ["approvalReturned", "鈴木 一郎"],
      ["approvalRequested", "山田 太郎"],
      ["stepApproved", "佐藤 花子"],
      ["stepApproved", "鈴木 一郎"],
      ["sent", "鈴木 一郎"],
    ]);
    const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
    const verify = await t.call("GET", `/v1/companies/${company?.id}/history/verify`, {
      token: tokens.owner,
    });
    expect(verify.body).toMatchObject({ valid: true });

    const page = await t.call("GET", `/v1/orders/${orderId}/document`, { token: tokens.owner });
    const text = String(page.body)
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    expect(text).toContain("承認経路（発注の承認）");
    expect(text).toContain(
      "2. 予算確認 鈴木 一郎（いずれか1名） 承認 鈴木 一郎 2025年7月20日 10:00",
    );

    // The partner's answer is as before.
    const approved = await t.call("POST", `/v1/orders/${orderId}/approve`, {
      token: tokens.partner,
      body: {},
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe("approved");
  });

  it("is sent at once once the route is deleted, carrying no approval of the run before", async () => {
    const route = await t.call("POST", `/v1/groups/${groupId}/approval-routes`, {
      token: tokens.owner,
      body: {
        documentType: "purchaseOrder",
        name: "発注の承認",
        steps: [{ name: "確認", roles: ["groupOwner"] }],
      },
    });
    const listed = await t.call("GET", `/v1/groups/${groupId}/approval-routes`, {
      token: tokens.owner,
    });
    expect(listed.body.map((r: { name: string }) => r.name)).toEqual(["発注の承認"]);
    await t.call("POST", `/v1/orders/${orderId}/send`, { token: tokens.owner });
    expect((await step("groupOwner", "件名を修正してください")).body).toMatchObject({
      status: "draft",
      approval: { status: "returned" },
    });
    const removed = await t.call(
      "DELETE",
      `/v1/groups/${groupId}/approval-routes/${route.body.id}`,
      { token: tokens.owner },
    );
    expect(removed.status).toBe(200);
    const sent = await t.call("POST", `/v1/orders/${orderId}/send`, { token: tokens.owner });
    expect(sent.body).toMatchObject({ status: "underReview", approval: null });
    expect((await step("groupOwner")).status).toBe(409);
    expect(await events()).toEqual([
      ["approvalRequested", "山田 太郎"],
      ["approvalReturned", "佐藤 花子"],
      ["sent", "山田 太郎"],
    ]);
  });
});

describe("approval routes", () => {
  it("are the company owner's alone, and name only people of the group", async () => {
    const body = {
      documentType: "invoice",
      name: "請求書の承認",
      steps: [{ name: "確認", roles: ["groupOwner"] }],
    };
    const path = `/v1/groups/${groupId}/approval-routes`;
    expect((await t.call("POST", path, { token: tokens.groupOwner, body })).status).toBe(403);
    expect((await t.call("GET", path, { token: tokens.suzuki })).status).toBe(403);
    const outsider = await staff(t, "owner@other.shimebi.test");
    expect((await t.call("POST", path, { token: outsider.token, body })).status).toBe(404);

    const [partner] = await t.db
      .select()
      .from(users)
      .where(eq(users.email, "partner@demo.shimebi.test"));
    const wrong = await t.call("POST", path, {
      token: tokens.owner,
      headers: { "accept-language": "ja" },
      body: {
        ...body,
        steps: [
          { name: "確認", roles: ["groupOwner"], userIds: [suzukiId] },
          { name: "パートナー", userIds: [partner?.id] },
          { name: "空", rule: "all" },
        ],
      },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({
      code: "invalid_approval_route",
      message: "承認経路に修正が必要な項目があります",
    });
    expect(wrong.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "steps.0",
      "steps.1.userIds.0",
      "steps.2",
    ]);
    expect(wrong.body.error.issues[1].message).toBe(
      "このグループの企業オーナー・グループオーナー・メンバーではありません",
    );

    // A step of a role no one in the group holds could never be decided.
    const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
    const empty = await t.call("POST", `/v1/companies/${company?.id}/groups`, {
      token: tokens.owner,
      body: { name: "新規グループ" },
    });
    const nobody = await t.call("POST", `/v1/groups/${empty.body.id}/approval-routes`, {
      token: tokens.owner,
      body,
    });
    expect(nobody.status).toBe(422);
    expect(nobody.body.error.issues).toEqual([
      {
        path: "steps.0.roles",
        message: "No one in the group holds these roles: the step could never be decided",
      },
    ]);

    expect((await t.call("POST", path, { token: tokens.owner, body })).status).toBe(201);
    const twice = await t.call("POST", path, { token: tokens.owner, body });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("approval_route_exists");
  });
});
