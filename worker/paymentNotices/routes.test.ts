import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  contracts,
  historyEvents,
  invoices,
  notifications,
  outbox,
  workEntries,
} from "../db/schema";
import { resolveDeps } from "../deps";
import { monthQuote } from "../entries/monthQuote";
import type { InvoiceDocument } from "../invoices/document";
import { runScheduledJobs } from "../platform/scheduled";
import { snapshot, TEST_HISTORY_KEY, type TestApp, testApp } from "../testing/app";
import { approvedContract } from "../testing/contracts";
import { pdfText } from "../testing/pdfText";

// Payment-notice mode (支払通知書): the company sends the notice built from the month's entries,
// the partner returns it, the company resends, the partner accepts; a notice left unanswered is
// accepted by the scheduled job once its confirmation deadline passes.

const NOTICE_CONTRACT = {
  // 10:00 in Tokyo on 2025-09-25: 2025-08 and 2025-09 have closed, so their notices can be sent.
  now: new Date("2025-09-25T01:00:00Z"),
  billingMode: "paymentNotice" as const,
  confirmationDays: 7,
  costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }],
  settlementUnit: 15,
};
const DAY_MS = 24 * 60 * 60 * 1000;

let t: TestApp;
let c: Awaited<ReturnType<typeof approvedContract>>;

/** Timesheet rows as the partner would register them: 09:00 to 18:07 with an hour's break. */
async function work(month: string, dates: string[]) {
  for (const date of dates) {
    await t.db.insert(workEntries).values({
      contractId: c.contractId,
      workingMonth: month,
      date,
      costCategoryId: "dev",
      startMinutes: 9 * 60,
      endMinutes: 18 * 60 + 7,
      breakMinutes: 60,
      details: "実装",
    });
  }
}

const noticeUrl = (month: string) => `/v1/contracts/${c.contractId}/months/${month}/payment-notice`;

async function historyOf(id: string) {
  const rows = await t.db.select().from(historyEvents).where(eq(historyEvents.documentId, id));
  return rows.map((r) => [r.event, r.actorName]);
}

beforeEach(async () => {
  t = await testApp();
  c = await approvedContract(t, NOTICE_CONTRACT);
});

describe("payment notices", () => {
  it("are sent with the engine's figures, returned, resent and accepted", async () => {
    await work("2025-08", ["2025-08-01", "2025-08-04", "2025-08-05"]);
    const body = {
      extraItems: [{ name: "調整", amount: 3000 }],
      expenses: [{ name: "書籍", amount: 2200 }],
      remarks: "8月分",
    };
    const sent = await t.call("POST", noticeUrl("2025-08"), { token: c.owner, body });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({
      kind: "paymentNotice",
      status: "underReview",
      number: "PN-000001",
      revision: 1,
      inputs: { withholding: { enabled: true, base: "includingTax" } },
    });

    // Every yen is the engine's: the same month through monthQuote with the same choices.
    const [contract] = await t.db.select().from(contracts).where(eq(contracts.id, c.contractId));
    if (!contract) throw new Error("no contract");
    const { outcome } = await monthQuote(t.db, contract, "2025-08", {
      ...body,
      consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
      withholding: { enabled: true, base: "includingTax" },
    });
    if (!outcome.ok) throw new Error("quote failed");
    expect(sent.body.figures).toEqual(outcome.quote);
    // 3 days of 8 h 07 min: the month's 24 h 21 min settle to 24 h 15 min (15-minute unit).
    expect(sent.body.figures.lines[0].amount).toBe(121250);
    expect(sent.body.figures.subtotal).toBe(124250);
    expect(sent.body.figures.withholdingTax).toBeGreaterThan(0);
    expect(sent.body.total).toBe(outcome.quote.total);

    const [row] = await t.db.select().from(invoices).where(eq(invoices.id, sent.body.id));
    expect(row?.issuerId).toBe(c.companyId);
    expect(row?.acceptBy?.getTime()).toBe(t.clock.now.getTime() + 7 * DAY_MS);
    // The confirmation deadline is a field of the notice, not only words in a mail.
    expect(sent.body.acceptBy).toBe(row?.acceptBy?.toISOString());
    expect((sent.body.document as InvoiceDocument).title).toBe("支払通知書");

    // The partner hears of it in the bell and by mail, with the deadline.
    const bell = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, c.partnerUserId));
    const notice = bell.find((n) => n.kind === "paymentNotice.sent");
    expect(notice?.body).toContain("2025年10月2日 10:00までに承認または差し戻してください");
    expect(notice?.bodyEn).toContain("Accept or return it by 2025-10-02 10:00 JST");
    const mails = await t.db.select().from(outbox);
    expect(mails.some((m) => m.subject.includes("PN-000001"))).toBe(true);

    // Sending the same month again while it is under review is refused, changing nothing.
    const before = await snapshot(t.db);
    const twice = await t.call("POST", noticeUrl("2025-08"), { token: c.owner, body: {} });
    expect(twice.status).toBe(409);
    expect(await snapshot(t.db)).toEqual(before);

    const rejected = await t.call("POST", `/v1/invoices/${sent.body.id}/reject`, {
      token: c.partner,
      body: { reason: "8/5 の稼働は半日です" },
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({
      status: "returned",
      returnReason: "8/5 の稼働は半日です",
    });

    const resent = await t.call("POST", noticeUrl("2025-08"), {
      token: c.owner,
      body: { remarks: "8/5 を修正" },
    });
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({
      status: "underReview",
      number: "PN-000001",
      revision: 2,
      returnReason: null,
      inputs: { remarks: "8/5 を修正", extraItems: body.extraItems },
    });

    const accepted = await t.call("POST", `/v1/invoices/${sent.body.id}/accept`, {
      token: c.partner,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe("approved");

    const after = await snapshot(t.db);
    for (const path of ["accept", "reject"]) {
      const again = await t.call("POST", `/v1/invoices/${sent.body.id}/${path}`, {
        token: c.partner,
        body: path === "reject" ? { reason: "やはり" } : undefined,
      });
      expect(again.status).toBe(409);
    }
    const more = await t.call("POST", noticeUrl("2025-08"), { token: c.owner, body: {} });
    expect(more.status).toBe(409);
    expect(await snapshot(t.db)).toEqual(after);

    expect(await historyOf(sent.body.id)).toEqual([
      ["sent", "山田 太郎"],
      ["returned", expect.any(String)],
      ["resent", "山田 太郎"],
      ["approved", expect.any(String)],
    ]);

    // Both sides read the notice through the invoice routes, as a 支払通知書.
    for (const token of [c.owner, c.partner]) {
      const shown = await t.call("GET", `/v1/invoices/${sent.body.id}`, { token });
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ kind: "paymentNotice", status: "approved" });
    }
    const page = await t.app.request(`/v1/invoices/${sent.body.id}/document`, {
      headers: { authorization: `Bearer ${c.partner}` },
    });
    expect(await page.text()).toContain("支払通知書");
    const pdf = await t.app.request(`/v1/invoices/${sent.body.id}/document.pdf`, {
      headers: { authorization: `Bearer ${c.owner}` },
    });
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain("支払通知書");
    expect(text).not.toContain("適格請求書");
  });

  it("left unanswered past the deadline are accepted by the scheduled job, once", async () => {
    await work("2025-08", ["2025-08-01"]);
    await work("2025-09", ["2025-08-27", "2025-08-28"]);
    const answered = await t.call("POST", noticeUrl("2025-08"), { token: c.owner, body: {} });
    const silent = await t.call("POST", noticeUrl("2025-09"), { token: c.owner, body: {} });
    expect(silent.status, JSON.stringify(silent.body)).toBe(201);
    expect(silent.body.number).toBe("PN-000002");
    await t.call("POST", `/v1/invoices/${answered.body.id}/accept`, { token: c.partner });

    const deps = resolveDeps({
      db: t.db,
      now: () => t.clock.now,
      config: { historyKey: TEST_HISTORY_KEY },
    });
    t.clock.now = new Date(t.clock.now.getTime() + 7 * DAY_MS - 60_000);
    expect(await runScheduledJobs(deps)).toMatchObject({ expiredOrders: 0, acceptedNotices: 0 });
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    expect(await runScheduledJobs(deps)).toMatchObject({ expiredOrders: 0, acceptedNotices: 1 });
    expect(await runScheduledJobs(deps)).toMatchObject({ expiredOrders: 0, acceptedNotices: 0 });

    const [row] = await t.db.select().from(invoices).where(eq(invoices.id, silent.body.id));
    expect(row).toMatchObject({ status: "approved", autoAccepted: true });
    expect(row?.decidedAt?.getTime()).toBe(t.clock.now.getTime());
    expect(await historyOf(silent.body.id)).toEqual([
      ["sent", "山田 太郎"],
      ["autoAccepted", "system"],
    ]);
    const told = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "paymentNotice.autoAccepted"));
    expect(told).toHaveLength(2);
    expect(told.map((n) => n.userId)).toContain(c.partnerUserId);

    const late = await t.call("POST", `/v1/invoices/${silent.body.id}/accept`, {
      token: c.partner,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain("accepted automatically");

    const verify = await t.call("GET", `/v1/companies/${c.companyId}/history/verify`, {
      token: c.owner,
    });
    expect(verify.status).toBe(200);
    expect(verify.body.valid).toBe(true);
  });

  it("answered after the deadline but before the job: accepted automatically, then 409", async () => {
    await work("2025-08", ["2025-08-01"]);
    const sent = await t.call("POST", noticeUrl("2025-08"), { token: c.owner, body: {} });
    t.clock.now = new Date(t.clock.now.getTime() + 8 * DAY_MS);
    const late = await t.call("POST", `/v1/invoices/${sent.body.id}/reject`, {
      token: c.partner,
      body: { reason: "遅れて差し戻し" },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("payment_notice_auto_accepted");
    const [row] = await t.db.select().from(invoices).where(eq(invoices.id, sent.body.id));
    expect(row).toMatchObject({ status: "approved", autoAccepted: true, returnReason: null });
  });

  it("refuses a notice before the month closes, which silence would accept at 0 yen", async () => {
    // 23:30 in Tokyo on 2025-09-24: 2025-09 closes on the 25th; no work is registered yet.
    t.clock.now = new Date("2025-09-24T14:30:00Z");
    const before = await snapshot(t.db);
    const early = await t.call("POST", noticeUrl("2025-09"), {
      token: c.owner,
      body: {},
      headers: { "accept-language": "ja" },
    });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({
      code: "month_not_closed",
      message: "2025年9月の稼働月は2025年9月25日に締まります。支払通知書はその日から送付できます",
    });
    expect(early.body.error.issues[0].path).toBe("workingMonth");
    expect(await snapshot(t.db)).toEqual(before);
    // From the closing date on, it is sent.
    t.clock.now = new Date("2025-09-24T15:30:00Z");
    await work("2025-09", ["2025-09-01"]);
    const sent = await t.call("POST", noticeUrl("2025-09"), { token: c.owner, body: {} });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.status).toBe("underReview");
  });

  it("refuses the partner, invoice-mode contracts and bad input, changing nothing", async () => {
    await work("2025-08", ["2025-08-01"]);
    const before = await snapshot(t.db);
    const byPartner = await t.call("POST", noticeUrl("2025-08"), { token: c.partner, body: {} });
    expect(byPartner.status).toBe(403);
    const outside = await t.call("POST", noticeUrl("2025-12"), { token: c.owner, body: {} });
    expect(outside.status).toBe(422);
    expect(outside.body.error.issues[0].path).toBe("month");
    const past = await t.call("POST", noticeUrl("2025-08"), {
      token: c.owner,
      body: { dueDate: "2025-07-01" },
    });
    expect(past.status).toBe(422);
    expect(past.body.error.issues[0].path).toBe("dueDate");
    const badAmount = await t.call("POST", noticeUrl("2025-08"), {
      token: c.owner,
      body: { extraItems: [{ name: "x", amount: 1.5 }] },
    });
    expect(badAmount.status).toBe(422);
    expect(await snapshot(t.db)).toEqual(before);

    const other = await approvedContract(t, {
      ...NOTICE_CONTRACT,
      billingMode: "invoice",
      seeded: true,
    });
    const beforeInvoice = await snapshot(t.db);
    const wrongMode = await t.call(
      "POST",
      `/v1/contracts/${other.contractId}/months/2025-08/payment-notice`,
      { token: other.owner, body: {} },
    );
    expect(wrongMode.status).toBe(409);
    expect(wrongMode.body.error.message).toContain("billed by the partner's invoices");
    expect(await snapshot(t.db)).toEqual(beforeInvoice);
    const stored = await t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.contractId, other.contractId), eq(invoices.kind, "paymentNotice")));
    expect(stored).toHaveLength(0);
  });
});
