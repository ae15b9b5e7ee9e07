import { beforeEach, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import { countStatements } from "../testing/statements";

// The contract lists carry what a reviewer reads beside each contract (partner, the conditions
// in force, each order's months and amount), in the same number of statements for 1 or 3
// contracts, so the add-on's review sheets need no request per contract.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

beforeEach(async () => {
  t = await testApp();
  ctx = await approvedContract(t);
});

const groupList = () => t.call("GET", `/v1/groups/${ctx.groupId}/contracts`, { token: ctx.owner });

describe("GET /v1/groups/{groupId}/contracts", () => {
  it("names the partner and gives the conditions in force and each order's months and total", async () => {
    const res = await groupList();
    expect(res.status).toBe(200);
    const [contract] = res.body;
    expect(contract.partner).toEqual({
      id: ctx.partnerUserId,
      name: "田中 美咲",
      kind: "individual",
      registeredName: null,
    });
    expect(contract.conditions).toMatchObject({ version: 1, effectiveFrom: "2025-08" });
    expect(contract.conditions.costCategories[0]).toMatchObject({ monthlyFee: 1000000 });
    // 2025-08 at 1,000,000 and 2025-09 at its own 900,000.
    expect(contract.orders).toEqual([
      expect.objectContaining({
        id: ctx.orderId,
        number: "PO-000001",
        status: "approved",
        workingMonths: ["2025-08", "2025-09"],
        totalAmount: 1900000,
      }),
    ]);
  });

  it("works out a draft's months and total, switches conditions in the month they start, and hides drafts from the partner", async () => {
    const change = await t.call("POST", `/v1/contracts/${ctx.contractId}/conditions`, {
      token: ctx.owner,
      body: {
        effectiveFrom: "2025-09",
        costCategories: [{ id: "fix", name: "月額", type: "monthly", monthlyFee: 1200000 }],
      },
    });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    const before = (await groupList()).body[0];
    expect(before.conditions.version).toBe(1);
    expect(before.orders.map((o: { status: string; totalAmount: number }) => o.status)).toEqual([
      "draft",
      "approved",
    ]);
    expect(before.orders[0]).toMatchObject({ workingMonths: ["2025-09"], totalAmount: 1200000 });

    t.clock.now = new Date("2025-08-30T01:00:00Z"); // working month 2025-09 (closing on the 25th)
    ctx.owner = await signIn(t, "owner@demo.shimebi.test");
    ctx.partner = await signIn(t, "partner@demo.shimebi.test");
    // The change bills 2025-09 once its order is approved, not before.
    const changeOrder = before.orders[0].id;
    expect(
      (await t.call("POST", `/v1/orders/${changeOrder}/send`, { token: ctx.owner })).status,
    ).toBe(200);
    const approved = await t.call("POST", `/v1/orders/${changeOrder}/approve`, {
      token: ctx.partner,
      body: {},
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const after = (await groupList()).body[0];
    expect(after.conditions).toMatchObject({ version: 2, effectiveFrom: "2025-09" });
    expect(after.conditions.costCategories).toEqual([
      { id: "fix", name: "月額", type: "monthly", monthlyFee: 1200000 },
    ]);
    expect(after.pendingConditions).toBeNull();

    const mine = await t.call("GET", "/v1/me/contracts", { token: ctx.partner });
    expect(mine.status).toBe(200);
    expect(mine.body[0].orders.map((o: { status: string }) => o.status)).toEqual([
      "approved",
      "approved",
    ]);
    expect(mine.body[0].partner.name).toBe("田中 美咲");
  });

  it("lists the approved conditions as in force while a later change's order is a draft, as the month is billed", async () => {
    const change = await t.call("POST", `/v1/contracts/${ctx.contractId}/conditions`, {
      token: ctx.owner,
      body: {
        effectiveFrom: "2025-09",
        costCategories: [{ id: "fix", name: "月額", type: "monthly", monthlyFee: 1200000 }],
      },
    });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    t.clock.now = new Date("2025-08-30T01:00:00Z"); // working month 2025-09, B's first
    ctx.owner = await signIn(t, "owner@demo.shimebi.test");
    ctx.partner = await signIn(t, "partner@demo.shimebi.test");

    const [listed] = (await groupList()).body;
    expect(listed.conditions).toMatchObject({ version: 1, effectiveFrom: "2025-08" });
    // A's own 2025-09 terms (900,000 yen for 90-110 hours), not B's 1,200,000.
    expect(listed.conditions.costCategories[0]).toMatchObject({
      monthlyFee: 1000000,
      months: expect.arrayContaining([
        expect.objectContaining({ month: "2025-09", monthlyFee: 900000 }),
      ]),
    });
    expect(listed.pendingConditions).toEqual({
      version: 2,
      effectiveFrom: "2025-09",
      costCategories: [{ id: "fix", name: "月額", type: "monthly", monthlyFee: 1200000 }],
    });
    const [mine] = (await t.call("GET", "/v1/me/contracts", { token: ctx.partner })).body;
    expect(mine.conditions.version).toBe(1);
    expect(mine.pendingConditions.version).toBe(2);

    // The month's estimate reads the same conditions: A's fixed fee for 2025-09.
    const estimate = await t.call(
      "GET",
      `/v1/contracts/${ctx.contractId}/months/2025-09/estimate`,
      { token: ctx.partner },
    );
    expect(estimate.status, JSON.stringify(estimate.body)).toBe(200);
    expect(JSON.stringify(estimate.body)).toContain("900000");
    expect(JSON.stringify(estimate.body)).not.toContain("1200000");
  });

  it("lists no conditions in force before the first order is approved, and the proposed ones as pending", async () => {
    const res = await t.call("POST", `/v1/groups/${ctx.groupId}/contracts`, {
      token: ctx.owner,
      body: {
        title: "未承認",
        partnerUserId: ctx.partnerUserId,
        contractType: "quasiMandate",
        scope: "開発",
        startDate: "2025-08-01",
        endDate: "2025-10-31",
        closingDay: 31,
        paymentTerms: { monthsAfter: 1, day: 31 },
        conditions: { costCategories: [{ id: "h", type: "hourly", unitPrice: 5000 }] },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const listed = (await groupList()).body.find((c: { title: string }) => c.title === "未承認");
    expect(listed.conditions).toBeNull();
    expect(listed.pendingConditions).toMatchObject({
      version: 1,
      costCategories: [{ id: "h", type: "hourly", unitPrice: 5000 }],
    });
  });

  it("answers 3 contracts in as many statements as 1", async () => {
    const counter = countStatements(t.db);
    try {
      const one = await counter.during(groupList);
      for (const title of ["二件目", "三件目"]) {
        const res = await t.call("POST", `/v1/groups/${ctx.groupId}/contracts`, {
          token: ctx.owner,
          body: {
            title,
            partnerUserId: ctx.partnerUserId,
            contractType: "quasiMandate",
            scope: "開発",
            startDate: "2025-08-01",
            endDate: "2025-10-31",
            closingDay: 31,
            paymentTerms: { monthsAfter: 1, day: 31 },
            conditions: { costCategories: [{ id: "h", type: "hourly", unitPrice: 5000 }] },
          },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      const three = await counter.during(groupList);
      expect(three.value.body).toHaveLength(3);
      expect(three.statements).toBe(one.statements);
    } finally {
      counter.restore();
    }
  });
});
