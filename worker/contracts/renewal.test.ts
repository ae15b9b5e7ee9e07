import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  conditionVersions,
  contractRenewals,
  contracts,
  historyEvents,
  notifications,
  outbox,
  purchaseOrders,
} from "../db/schema";
import { seedDemoContract } from "../db/seedContract";
import { resolveDeps } from "../deps";
import { runScheduledJobs } from "../platform/scheduled";
import { TEST_HISTORY_KEY, type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";

// The seed's auto-renewal: 2025-07-26..2025-09-25 (closing on the 25th: August and September,
// the per-month terms 1,000,000 yen 100-120 h and 900,000 yen 90-110 h) renews for two months,
// 2025-09-26..2025-11-25, with the base terms: 1,000,000 yen, 100-120 h.

let t: TestApp;
let c: Awaited<ReturnType<typeof approvedContract>>;
/** The job at the clock's time; sessions of two months ago have expired, so sign in again. */
async function run() {
  const result = await runScheduledJobs(
    resolveDeps({ db: t.db, now: () => t.clock.now, config: { historyKey: TEST_HISTORY_KEY } }),
  );
  await signInAgain();
  return result;
}

async function signInAgain() {
  c.owner = await signIn(t, "owner@demo.shimebi.test");
  c.partner = await signIn(t, "partner@demo.shimebi.test");
}

beforeEach(async () => {
  t = await testApp();
  c = await approvedContract(t, { autoRenewal: true });
});

const day = (date: string) => ({
  date,
  costCategoryId: "ses",
  start: "0900",
  end: "1800",
  breakMinutes: 60,
});

describe("automatic renewal by the scheduled job", () => {
  it("renews the day after the end for the same term, with the base terms and an order to approve", async () => {
    t.clock.now = new Date("2025-09-25T14:59:00Z"); // 23:59 JST on the end date
    expect(await run()).toMatchObject({ renewedContracts: 0 });
    t.clock.now = new Date("2025-09-25T15:00:00Z"); // 2025-09-26 in Japan
    expect(await run()).toMatchObject({ renewedContracts: 1 });

    const contract = await t.call("GET", `/v1/contracts/${c.contractId}`, { token: c.owner });
    expect(contract.body).toMatchObject({ startDate: "2025-07-26", endDate: "2025-11-25" });

    const [version] = await t.db
      .select()
      .from(conditionVersions)
      .where(and(eq(conditionVersions.contractId, c.contractId), eq(conditionVersions.version, 2)));
    expect(version?.effectiveFrom).toBe("2025-10");
    expect(version?.costCategories).toEqual([
      {
        id: "ses",
        name: "月額固定",
        type: "monthlyRange",
        monthlyFee: 1000000,
        lowerHours: 100,
        upperHours: 120,
        excessRate: 8000,
        deductionRate: 10000,
      },
    ]);

    const [order] = await t.db
      .select()
      .from(purchaseOrders)
      .where(eq(purchaseOrders.conditionVersionId, version?.id ?? ""));
    expect(order).toMatchObject({
      status: "underReview",
      number: "PO-000002",
      subject: "SES 開発支援（自動更新 2025-09-26〜2025-11-25）",
    });
    expect(order?.document).toMatchObject({
      workingMonths: ["2025-10", "2025-11"],
      totalAmount: 2000000,
    });

    const [renewal] = await t.db.select().from(contractRenewals);
    expect(renewal).toMatchObject({
      sequence: 1,
      previousEndDate: "2025-09-25",
      startDate: "2025-09-26",
      endDate: "2025-11-25",
      termMonths: 2,
      orderId: order?.id,
    });

    const bell = await t.db.select().from(notifications).orderBy(sql`rowid`);
    const renewedNotices = bell.filter((n) => n.kind === "contract.renewed");
    expect(new Set(renewedNotices.map((n) => n.userId)).size).toBe(2);
    expect(renewedNotices.map((n) => n.userId)).toContain(c.partnerUserId);
    expect(renewedNotices).toHaveLength(2);
    const toPartner = renewedNotices.find((n) => n.userId === c.partnerUserId);
    expect(toPartner?.body).toContain("2025-09-26〜2025-11-25 の期間で自動更新されました");
    expect(toPartner?.body).toContain("発注書 PO-000002 の承認後");
    expect(
      bell.filter((n) => n.kind === "order.sent" && n.link === `/v1/orders/${order?.id}`),
    ).toHaveLength(1);
    const mails = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.template, "notification.contract.renewed"));
    expect(mails.map((m) => m.to).sort()).toEqual([
      "owner@demo.shimebi.test",
      "partner@demo.shimebi.test",
    ]);

    const history = await t.db
      .select()
      .from(historyEvents)
      .where(eq(historyEvents.companyId, c.companyId))
      .orderBy(historyEvents.seq);
    expect(
      history
        .slice(-2)
        .map((e) => [e.documentType, e.event, e.actorName, e.transactionDate, e.amount]),
    ).toEqual([
      ["contract", "renewed", "system", "2025-09-26", 2000000],
      ["purchaseOrder", "sent", "system", expect.any(String), 2000000],
    ]);
    const verify = await t.call("GET", `/v1/companies/${c.companyId}/history/verify`, {
      token: c.owner,
    });
    expect(verify.body).toMatchObject({ valid: true });

    // Twice is once.
    expect(await run()).toMatchObject({ renewedContracts: 0 });
    expect(await t.db.select().from(contractRenewals)).toHaveLength(1);
    const orders = await t.db
      .select()
      .from(purchaseOrders)
      .where(eq(purchaseOrders.contractId, c.contractId));
    expect(orders).toHaveLength(2);
    expect(await t.db.select().from(notifications)).toHaveLength(bell.length);
    expect(await t.db.select().from(historyEvents)).toHaveLength(history.length);
  });

  it("records work in the renewed months only once the partner approves the renewal's order, at the base terms", async () => {
    t.clock.now = new Date("2025-09-26T01:00:00Z");
    await run();
    const base = `/v1/contracts/${c.contractId}`;
    const early = await t.call("POST", `${base}/entries`, {
      token: c.partner,
      body: day("2025-10-01"),
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("no_approved_order");

    const [renewal] = await t.db.select().from(contractRenewals);
    const approved = await t.call("POST", `/v1/orders/${renewal?.orderId}/approve`, {
      token: c.partner,
      body: {},
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    for (let d = 1; d <= 10; d++) {
      const date = `2025-10-${String(d).padStart(2, "0")}`;
      expect(
        (await t.call("POST", `${base}/entries`, { token: c.partner, body: day(date) })).status,
      ).toBe(201);
    }
    // 80 h against the base 100-120 h (not September's 900,000 yen, 90-110 h): 20 h x 10,000 less.
    const estimate = await t.call("GET", `${base}/months/2025-10/estimate`, { token: c.partner });
    expect(estimate.status, JSON.stringify(estimate.body)).toBe(200);
    expect(estimate.body.lines[0]).toMatchObject({ hours: 80, amount: 1000000 });
    expect(estimate.body.adjustments).toEqual([
      expect.objectContaining({ kind: "deduction", hours: 20, rate: 10000, amount: -200000 }),
    ]);
    expect(estimate.body.subtotal).toBe(800000);
  });

  it("holds invoices and entries to the same contract months: none after the end until renewed", async () => {
    t.clock.now = new Date("2025-09-20T01:00:00Z");
    await signInAgain();
    const base = `/v1/contracts/${c.contractId}/months/2025-10`;
    const invoice = await t.call("PUT", `${base}/invoice`, {
      token: c.partner,
      body: {},
      headers: { "accept-language": "ja" },
    });
    const estimate = await t.call("GET", `${base}/estimate`, { token: c.partner });
    for (const refused of [invoice, estimate]) {
      expect(refused.status).toBe(422);
      expect(refused.body.error.issues[0]).toMatchObject({
        path: "month",
        code: "month_not_working_month",
      });
    }
    expect(invoice.body.error.message).toBe(
      "2025-10 はこの契約の稼働月ではありません（2025-08〜2025-09）",
    );
    t.clock.now = new Date("2025-09-26T01:00:00Z");
    await run();
    // Renewed: a working month now, waiting for the renewal's order.
    const after = await t.call("GET", `${base}/estimate`, { token: c.partner });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe("no_approved_order");
  });

  it("leaves alone contracts without auto-renewal and those never approved", async () => {
    const plain = await approvedContract(t, {
      seeded: true,
      startDate: "2025-08-01",
      endDate: "2025-09-25",
    });
    const unapproved = await t.call("POST", `/v1/groups/${c.groupId}/contracts`, {
      token: c.owner,
      body: {
        title: "未承認",
        partnerUserId: c.partnerUserId,
        contractType: "quasiMandate",
        scope: "保守",
        startDate: "2025-08-01",
        endDate: "2025-09-30",
        closingDay: 31,
        paymentTerms: { monthsAfter: 1, day: 31 },
        billingMode: "invoice",
        autoRenewal: true,
        conditions: { costCategories: [{ id: "dev", type: "hourly", unitPrice: 5000 }] },
      },
    });
    expect(unapproved.status, JSON.stringify(unapproved.body)).toBe(201);
    t.clock.now = new Date("2025-10-01T01:00:00Z");
    expect(await run()).toMatchObject({ renewedContracts: 1 });
    for (const [id, end] of [
      [plain.contractId, "2025-09-25"],
      [unapproved.body.id, "2025-09-30"],
    ]) {
      const res = await t.call("GET", `/v1/contracts/${id}`, { token: c.owner });
      expect(res.body.endDate).toBe(end);
    }
  });

  it("ends when the partner lets the renewal's order expire unanswered", async () => {
    t.clock.now = new Date("2025-09-26T01:00:00Z");
    expect(await run()).toMatchObject({ renewedContracts: 1 });
    t.clock.now = new Date("2025-11-26T01:00:00Z");
    expect(await run()).toMatchObject({ expiredOrders: 1, renewedContracts: 0 });
    expect(await run()).toMatchObject({ renewedContracts: 0 });
    const contract = await t.call("GET", `/v1/contracts/${c.contractId}`, { token: c.owner });
    expect(contract.body.endDate).toBe("2025-11-25");
  });

  it("catches up every term missed when the job did not run", async () => {
    t.clock.now = new Date("2026-01-10T01:00:00Z");
    expect(await run()).toMatchObject({ renewedContracts: 2 });
    const contract = await t.call("GET", `/v1/contracts/${c.contractId}`, { token: c.owner });
    expect(contract.body.endDate).toBe("2026-01-25");
    const renewals = await t.db.select().from(contractRenewals).orderBy(contractRenewals.sequence);
    expect(renewals.map((r) => [r.startDate, r.endDate, r.orderId !== null])).toEqual([
      ["2025-09-26", "2025-11-25", true],
      ["2025-11-26", "2026-01-25", true],
    ]);
  });

  it("renews the demo contract of npm start, month-end closing, for its five months", async () => {
    const demo = await seedDemoContract(t.db, { config: { historyKey: TEST_HISTORY_KEY } });
    expect(demo?.autoRenewal).toBe(true);
    const end = demo?.endDate ?? "";
    const [y, m] = end.split("-").map(Number) as [number, number];
    // The day after the end, in Japan.
    t.clock.now = new Date(Date.UTC(y, m, 1, 0, 0));
    await run();
    const [renewed] = await t.db
      .select()
      .from(contracts)
      .where(eq(contracts.id, demo?.id ?? ""));
    const last = new Date(Date.UTC(y, m + 5, 0)).toISOString().slice(0, 10);
    expect(renewed?.endDate).toBe(last);
  });
});
