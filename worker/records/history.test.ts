import { beforeEach, describe, expect, it } from "vitest";
import { memberships } from "../db/schema";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, HOUR_RANGE_CATEGORY, signIn } from "../testing/contracts";

// The company history shows each caller what the invoice list and the document search show
// them: a company owner every group, group owners and members their own groups only.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;
let otherOrderId: string;

beforeEach(async () => {
  t = await testApp();
  ctx = await approvedContract(t);
  const group = await t.call("POST", `/v1/companies/${ctx.companyId}/groups`, {
    token: ctx.owner,
    body: { name: "営業チーム" },
  });
  expect(group.status).toBe(201);
  // The demo partner works for the second group too.
  await t.db.insert(memberships).values({
    userId: ctx.partnerUserId,
    companyId: ctx.companyId,
    groupId: group.body.id,
    role: "partner",
  });
  const contract = await t.call("POST", `/v1/groups/${group.body.id}/contracts`, {
    token: ctx.owner,
    body: {
      title: "営業支援 機密",
      partnerUserId: ctx.partnerUserId,
      contractType: "quasiMandate",
      scope: "営業資料の作成",
      workPlace: "リモート",
      startDate: "2025-07-26",
      endDate: "2025-09-25",
      closingDay: 25,
      paymentTerms: { monthsAfter: 1, day: 31 },
      billingMode: "invoice",
      settlementUnit: 30,
      conditions: { costCategories: [{ ...HOUR_RANGE_CATEGORY, monthlyFee: 777_000 }] },
    },
  });
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  const order = await t.call("POST", `/v1/contracts/${contract.body.id}/orders`, {
    token: ctx.owner,
    body: {},
  });
  otherOrderId = order.body.id;
  expect(
    (await t.call("POST", `/v1/orders/${otherOrderId}/send`, { token: ctx.owner })).status,
  ).toBe(200);
});

const eventsOf = (body: { documentId: string; event: string }[]) =>
  body.map(
    (e) =>
      `${e.documentId === ctx.orderId ? "mine" : e.documentId === otherOrderId ? "other" : "?"}:${e.event}`,
  );

describe("GET /v1/companies/{companyId}/history", () => {
  it("shows the company owner every group's events", async () => {
    const res = await t.call("GET", `/v1/companies/${ctx.companyId}/history`, { token: ctx.owner });
    expect(res.status).toBe(200);
    expect(eventsOf(res.body)).toEqual(["mine:sent", "mine:approved", "other:sent"]);
  });

  it("shows a group owner and a member only their group's events", async () => {
    for (const email of ["groupowner@demo.shimebi.test", "member@demo.shimebi.test"]) {
      const token = await signIn(t, email);
      const all = await t.call("GET", `/v1/companies/${ctx.companyId}/history`, { token });
      expect(all.status).toBe(200);
      expect(eventsOf(all.body), email).toEqual(["mine:sent", "mine:approved"]);
      const filtered = await t.call(
        "GET",
        `/v1/companies/${ctx.companyId}/history?documentType=purchaseOrder&counterparty=田中`,
        { token },
      );
      expect(eventsOf(filtered.body), email).toEqual(["mine:sent", "mine:approved"]);
    }
  });
});
