import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { formatYen, quote, type WorkEntry } from "../../shared";
import { historyEvents, invoices, notifications, users, workEntries } from "../db/schema";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { approvedContract, HOUR_RANGE_CATEGORY, signIn } from "../testing/contracts";

// Issue 6's invoice path on the seed's hour-range contract: 123 h 50 min of 2025-08, a draft
// with withholding, submitted (twice), returned, corrected, resubmitted, approved; the
// documents; and the refusals, each leaving the database as it was.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

const pad = (n: number) => String(n).padStart(2, "0");

/** Fifteen 8-hour days and one of 3 h 50 min: 7,430 minutes in the working month 2025-08. */
const ROWS = [
  ...Array.from({ length: 15 }, (_, i) => ({
    date: `2025-08-${pad(i + 1)}`,
    startMinutes: 540,
    endMinutes: 1080,
    breakMinutes: 60,
  })),
  { date: "2025-07-28", startMinutes: 540, endMinutes: 770, breakMinutes: 0 },
];

const DRAFT = {
  extraItems: [{ name: "追加作業", amount: 40000 }],
  expenses: [{ name: "交通費", amount: 1240 }],
  withholding: { enabled: true, base: "includingTax" },
  remarks: "8月分の稼働です",
};

/** The engine's figures for the same month, computed here without the API. */
function expectedFigures(extraItems = DRAFT.extraItems) {
  const entries: WorkEntry[] = ROWS.map((r) => ({
    date: r.date,
    costCategoryId: "ses",
    start: `${pad(Math.floor(r.startMinutes / 60))}${pad(r.startMinutes % 60)}`,
    end: `${pad(Math.floor(r.endMinutes / 60))}${pad(r.endMinutes % 60)}`,
    breakMinutes: r.breakMinutes,
  }));
  const outcome = quote({
    month: "2025-08",
    closingDay: 25,
    settlementUnit: 30,
    costCategories: [HOUR_RANGE_CATEGORY] as never,
    entries,
    extraItems,
    expenses: DRAFT.expenses,
    partner: { kind: "individual", nonResident: false },
    consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
    withholding: { enabled: true, base: "includingTax" },
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.quote;
}

const pick = (f: Record<string, number>) => ({
  subtotal: f.subtotal,
  consumptionTax: f.consumptionTax,
  total: f.total,
  withholdingTax: f.withholdingTax,
  payable: f.payable,
});

const invoicePath = (month = "2025-08") =>
  `/v1/contracts/${ctx.contractId}/months/${month}/invoice`;

async function events(invoiceId: string) {
  const rows = await t.db
    .select()
    .from(historyEvents)
    .where(eq(historyEvents.documentId, invoiceId))
    .orderBy(asc(historyEvents.seq));
  return rows.map((r) => r.event);
}

beforeEach(async () => {
  t = await testApp();
  ctx = await approvedContract(t);
  await t.db.insert(workEntries).values(
    ROWS.map((r) => ({
      ...r,
      contractId: ctx.contractId,
      workingMonth: "2025-08",
      costCategoryId: "ses",
    })),
  );
  t.clock.now = new Date("2025-08-26T01:00:00Z"); // 10:00 JST, the day after the closing day
  // Sessions last 30 days: sign in again on the day of invoicing.
  ctx.owner = await signIn(t, "owner@demo.shimebi.test");
  ctx.partner = await signIn(t, "partner@demo.shimebi.test");
});

describe("the invoice of a working month", () => {
  it("is drafted with withholding, submitted once, returned, resubmitted and approved", async () => {
    const expected = expectedFigures();
    const draft = await t.call("PUT", invoicePath(), { token: ctx.partner, body: DRAFT });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({
      status: "draft",
      number: null,
      month: "2025-08",
      dueDate: "2025-09-30", // 翌月末払い: Tuesday 30 September
      warnings: [],
      inputs: {
        withholding: { enabled: true, base: "includingTax" },
        issuer: { name: "田中 美咲", registrationNumber: "T7000012050002" },
        consumptionTax: { enabled: true },
      },
    });
    expect(draft.body.inputs.bankAccountId).toEqual(expect.any(String));
    expect(pick(draft.body.figures)).toEqual(pick(expected as never));
    expect(expected.withholdingTax).toBeGreaterThan(0);

    // The company does not see the partner's draft.
    expect(
      (await t.call("GET", `/v1/invoices/${draft.body.id}`, { token: ctx.owner })).status,
    ).toBe(404);

    const id = draft.body.id as string;
    const submitPath = `/v1/invoices/${id}/submit`;
    const headers = { "idempotency-key": "click-1" };
    const first = await t.call("POST", submitPath, {
      token: ctx.partner,
      headers,
      body: { confirmMonth: "2025-08" },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      status: "underReview",
      number: "INV-000001",
      total: expected.total,
    });
    expect(pick(first.body.figures)).toEqual(pick(expected as never));
    expect(first.body.document).toMatchObject({
      title: "請求書",
      number: "INV-000001",
      transactionDate: "2025-08-25",
      period: { from: "2025-07-26", to: "2025-08-25" },
      recipient: { name: "Demo" },
      issuer: { registrationNumber: "T7000012050002" },
      taxByRate: [
        { rate: 10, taxableAmount: expected.subtotal, consumptionTax: expected.consumptionTax },
      ],
    });
    expect(first.body.document.entries).toHaveLength(16);
    expect(first.body.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const again = await t.call("POST", submitPath, {
      token: ctx.partner,
      headers,
      body: { confirmMonth: "2025-08" },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const noKey = await t.call("POST", submitPath, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(noKey.status).toBe(200);
    expect(noKey.body).toMatchObject({ status: "underReview", number: "INV-000001", revision: 1 });
    expect(await events(id)).toEqual(["submitted"]);

    // The contract's creator hears of it, in the bell and by mail.
    const [ownerUser] = await t.db
      .select()
      .from(users)
      .where(eq(users.email, "owner@demo.shimebi.test"));
    const bell = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, ownerUser?.id ?? ""));
    expect(bell.map((n) => n.kind)).toContain("invoice.submitted");

    // Under review, the partner cannot edit.
    const locked = await t.call("PUT", invoicePath(), {
      token: ctx.partner,
      body: { remarks: "x" },
    });
    expect(locked.status).toBe(409);

    const returned = await t.call("POST", `/v1/invoices/${id}/return`, {
      token: ctx.owner,
      body: { reason: "追加作業の内容を備考に書いてください" },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({
      status: "returned",
      returnReason: "追加作業の内容を備考に書いてください",
    });
    const partnerBell = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, ctx.partnerUserId));
    expect(partnerBell.map((n) => n.kind)).toContain("invoice.returned");

    const edited = await t.call("PUT", invoicePath(), {
      token: ctx.partner,
      body: {
        remarks: "追加作業: 管理画面の改修",
        extraItems: [{ name: "追加作業", amount: 50000 }],
      },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      status: "returned",
      inputs: { withholding: { enabled: true } },
    });
    const resubmitted = await t.call("POST", submitPath, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(resubmitted.status).toBe(200);
    const expected2 = expectedFigures([{ name: "追加作業", amount: 50000 }]);
    expect(resubmitted.body).toMatchObject({
      status: "underReview",
      number: "INV-000001",
      revision: 2,
      returnReason: null,
    });
    const [returnedEvent] = await t.db
      .select()
      .from(historyEvents)
      .where(and(eq(historyEvents.documentId, id), eq(historyEvents.event, "returned")));
    expect(JSON.parse(returnedEvent?.details ?? "{}")).toEqual({
      reason: "追加作業の内容を備考に書いてください",
    });
    expect(pick(resubmitted.body.figures)).toEqual(pick(expected2 as never));

    const approved = await t.call("POST", `/v1/invoices/${id}/approve`, { token: ctx.owner });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe("approved");
    expect(await events(id)).toEqual(["submitted", "returned", "resubmitted", "approved"]);
    const [approvedEvent] = await t.db
      .select()
      .from(historyEvents)
      .where(and(eq(historyEvents.documentId, id), eq(historyEvents.event, "approved")));
    expect(approvedEvent).toMatchObject({
      documentNumber: "INV-000001",
      transactionDate: "2025-08-25",
      amount: expected2.total,
      counterparty: "田中 美咲",
    });
    const verify = await t.call("GET", `/v1/companies/${ctx.companyId}/history/verify`, {
      token: ctx.owner,
    });
    expect(verify.body).toMatchObject({ valid: true });

    const before = await snapshot(t.db);
    const never = await t.call("PUT", invoicePath(), {
      token: ctx.partner,
      body: { remarks: "x" },
    });
    expect(never.status).toBe(409);
    expect(never.body.error.message).toBe("approved invoices are never edited");
    expect(await snapshot(t.db)).toEqual(before);

    // The withholding choice carries to the next month's new draft.
    const september = await t.call("PUT", invoicePath("2025-09"), { token: ctx.partner, body: {} });
    expect(september.status, JSON.stringify(september.body)).toBe(200);
    expect(september.body.inputs.withholding).toEqual({ enabled: true, base: "includingTax" });
  });

  it("submits once when two clicks arrive together", async () => {
    const draft = await t.call("PUT", invoicePath(), { token: ctx.partner, body: DRAFT });
    const id = draft.body.id as string;
    const click = () =>
      t.call("POST", `/v1/invoices/${id}/submit`, {
        token: ctx.partner,
        body: { confirmMonth: "2025-08" },
      });
    const answers = await Promise.all([click(), click(), click()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.number))).toEqual(new Set(["INV-000001"]));
    expect(await events(id)).toEqual(["submitted"]);
  });

  it("renders the qualified invoice and the business report", async () => {
    const draft = await t.call("PUT", invoicePath(), { token: ctx.partner, body: DRAFT });
    const id = draft.body.id as string;
    await t.call("POST", `/v1/invoices/${id}/submit`, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    const expected = expectedFigures();
    for (const token of [ctx.partner, ctx.owner]) {
      const page = await t.call("GET", `/v1/invoices/${id}/document`, { token });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      const text = String(page.body);
      for (const needle of [
        "請求書",
        "登録番号 T7000012050002",
        "田中 美咲",
        "Demo 御中",
        "2025年7月26日〜2025年8月25日",
        "消費税（10%対象",
        formatYen(expected.subtotal),
        formatYen(expected.consumptionTax),
        formatYen(expected.total),
        `-${formatYen(expected.withholdingTax)}`,
        formatYen(expected.payable),
        "交通費",
        "2025年9月30日",
        "みずほ銀行",
        "8月分の稼働です",
        "INV-000001",
      ]) {
        expect(text, needle).toContain(needle);
      }
    }
    const report = await t.call("GET", `/v1/invoices/${id}/report`, { token: ctx.owner });
    expect(report.status).toBe(200);
    const text = String(report.body);
    for (const needle of [
      "業務報告書",
      "2025年8月1日",
      "09:00〜18:00",
      "2025年7月28日",
      "09:00〜12:50",
      "123:50",
      "123.5時間",
    ]) {
      expect(text, needle).toContain(needle);
    }
  });
});

describe("refusals leave the invoice as it was", () => {
  it("refuses a due date in the past and warns past the Freelance Act's 60 days", async () => {
    const before = await snapshot(t.db);
    const past = await t.call("PUT", invoicePath(), {
      token: ctx.partner,
      body: { dueDate: "2025-08-25" },
    });
    expect(past.status).toBe(422);
    expect(past.body.error.issues).toEqual([
      expect.objectContaining({ path: "dueDate", message: expect.stringContaining("in the past") }),
    ]);
    expect(await snapshot(t.db)).toEqual(before);

    const late = await t.call("PUT", invoicePath(), {
      token: ctx.partner,
      body: { dueDate: "2025-10-31" },
    });
    expect(late.status).toBe(200);
    expect(late.body.dueDate).toBe("2025-10-31");
    expect(late.body.warnings).toEqual([
      { path: "dueDate", message: expect.stringContaining("the Freelance Act's 60-day limit") },
    ]);
    const lateJa = await t.call("PUT", invoicePath(), {
      token: ctx.partner,
      body: { dueDate: "2025-10-31" },
      headers: { "accept-language": "ja" },
    });
    expect(lateJa.body.warnings).toEqual([
      {
        path: "dueDate",
        message:
          "支払期日 2025年10月31日 は締め日から67日後で、フリーランス保護法の60日以内を超えています。できれば会社と早い日付で合意してください",
      },
    ]);
    const [row] = await t.db.select().from(invoices);
    expect(row?.dueDate).toBe("2025-10-31");
  });

  it("refuses withholding for a corporation", async () => {
    await t.db
      .update(users)
      .set({ partnerKind: "corporation" })
      .where(eq(users.id, ctx.partnerUserId));
    const before = await snapshot(t.db);
    const res = await t.call("PUT", invoicePath(), { token: ctx.partner, body: DRAFT });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "withholding.enabled",
    ]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a submission whose confirmed month is another", async () => {
    const draft = await t.call("PUT", invoicePath(), { token: ctx.partner, body: DRAFT });
    const before = await snapshot(t.db);
    const res = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: ctx.partner,
      headers: { "idempotency-key": "k" },
      body: { confirmMonth: "2025-09" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe("Confirm the month you are invoicing");
    expect(res.body.error.issues[0].path).toBe("confirmMonth");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("lets only owners decide and only the partner submit", async () => {
    const draft = await t.call("PUT", invoicePath(), { token: ctx.partner, body: DRAFT });
    const id = draft.body.id as string;
    expect((await t.call("PUT", invoicePath(), { token: ctx.owner, body: {} })).status).toBe(403);
    await t.call("POST", `/v1/invoices/${id}/submit`, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(
      (await t.call("POST", `/v1/invoices/${id}/approve`, { token: ctx.partner })).status,
    ).toBe(403);
    const member = await signIn(t, "member@demo.shimebi.test");
    expect((await t.call("POST", `/v1/invoices/${id}/approve`, { token: member })).status).toBe(
      403,
    );
    const other = await signIn(t, "owner@other.shimebi.test");
    expect((await t.call("GET", `/v1/invoices/${id}`, { token: other })).status).toBe(404);
    const noReason = await t.call("POST", `/v1/invoices/${id}/return`, {
      token: ctx.owner,
      body: {},
    });
    expect(noReason.status).toBe(422);
  });
});
