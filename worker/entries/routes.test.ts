import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { invoices, workEntries } from "../db/schema";
import type { InvoiceInputs } from "../invoices/rules";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { approvedContract, HOUR_RANGE_CATEGORY } from "../testing/contracts";

// 業務登録 one entry at a time, the estimate, the CSV export, the locked month and the
// business report's status, on the seed's hour-range contract (2025-07-26..2025-09-25,
// closing day 25, settlement unit 30 minutes).

let t: TestApp;
let c: Awaited<ReturnType<typeof approvedContract>>;
let base: string;

beforeEach(async () => {
  t = await testApp();
  c = await approvedContract(t);
  base = `/v1/contracts/${c.contractId}`;
});

const day = (date: string, start = "0900", end = "1800", breakMinutes = 60) => ({
  date,
  costCategoryId: "ses",
  start,
  end,
  breakMinutes,
});

async function post(body: unknown) {
  return t.call("POST", `${base}/entries`, { token: c.partner, body });
}

describe("one entry", () => {
  it("is created, edited and deleted; 820 is stored as 08:20", async () => {
    const created = await post({ ...day("2025-08-01", "820", "1730"), details: "設計" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      date: "2025-08-01",
      workingMonth: "2025-08",
      start: "08:20",
      end: "17:30",
      breakMinutes: 60,
      workedMinutes: 490,
      quantity: null,
      skipHours: false,
      details: "設計",
    });
    const [stored] = await t.db.select().from(workEntries);
    expect(stored).toMatchObject({ startMinutes: 500, endMinutes: 1050, workingMonth: "2025-08" });

    // 2025-07-28 is after the closing day 25: it belongs to working month 2025-08.
    const edited = await t.call("PUT", `${base}/entries/${created.body.id}`, {
      token: c.partner,
      body: day("2025-07-28", "2630", "2745", 0),
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ start: "26:30", end: "27:45", workingMonth: "2025-08" });

    const listed = await t.call("GET", `${base}/months/2025-08/entries`, { token: c.owner });
    expect(listed.status).toBe(200);
    expect(listed.body.map((e: { id: string }) => e.id)).toEqual([created.body.id]);

    const gone = await t.call("DELETE", `${base}/entries/${created.body.id}`, { token: c.partner });
    expect(gone.status).toBe(204);
    expect(await t.db.select().from(workEntries)).toEqual([]);
  });

  it("is the partner's alone: the company cannot record work", async () => {
    expect(
      (await t.call("POST", `${base}/entries`, { token: c.owner, body: day("2025-08-01") })).status,
    ).toBe(403);
  });

  it("refuses overlapping times on one date, naming both entries, and changes nothing", async () => {
    const first = await post(day("2025-08-04", "0900", "1200", 0));
    expect(first.status).toBe(201);
    const before = await snapshot(t.db);
    const res = await post(day("2025-08-04", "1100", "1300", 0));
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toHaveLength(1);
    const [issue] = res.body.error.issues;
    expect(issue.path).toBe("start");
    expect(issue.message).toContain("This entry (2025-08-04) 11:00-13:00");
    expect(issue.message).toContain(`2025-08-04 09:00-12:00 (id ${first.body.id})`);
    expect(await snapshot(t.db)).toEqual(before);

    // Touching times do not overlap.
    expect((await post(day("2025-08-04", "1200", "1300", 0))).status).toBe(201);
  });

  it("refuses a month or date not of the calendar or the contract in Japanese by default", async () => {
    const before = await snapshot(t.db);
    const ja = { "accept-language": "ja" };
    const asked = (method: string, path: string, body?: unknown) =>
      t.call(method, path, { token: c.partner, headers: ja, ...(body ? { body } : {}) });
    const month = await asked("GET", `${base}/months/2025-13/entries`);
    expect(month.status).toBe(422);
    expect(month.body.error.message).toBe(
      '稼働月 "2025-13" は YYYY-MM の形で入力してください（例: 2025-08）',
    );
    expect(month.body.error.issues).toEqual([
      { path: "month", code: "invalid_value", message: month.body.error.message },
    ]);
    const estimate = await asked("GET", `${base}/months/202508/estimate`);
    expect(estimate.body.error.issues[0].message).toContain("YYYY-MM の形で");
    const date = await asked("POST", `${base}/entries`, day("2025-08-32"));
    expect(date.status).toBe(422);
    expect(date.body.error.issues[0]).toEqual({
      path: "date",
      code: "invalid_date",
      message:
        '日付 "2025-08-32" は暦にある日付を YYYY-MM-DD の形で入力してください（例: 2025-08-01）',
    });
    const outside = await asked("POST", `${base}/entries`, day("2025-07-25"));
    expect(outside.body.error.issues[0].message).toBe(
      "2025-07-25 は契約期間（2025-07-26〜2025-09-25）の外です",
    );
    const named = await asked("POST", `${base}/entries`, {
      ...day("2025-08-01"),
      workingMonth: "2025-8",
    });
    expect(named.body.error.issues[0]).toMatchObject({
      path: "workingMonth",
      message: '稼働月 "2025-8" は YYYY-MM の形で入力してください（例: 2025-08）',
    });
    // No header at all: Japanese too.
    const bare = await t.call("GET", `${base}/months/abc/rules`, {
      token: c.partner,
      headers: { "accept-language": "" },
    });
    expect(bare.body.error.issues[0].message).toContain("YYYY-MM の形で");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses dates outside the contract period, bad times and long details with 422", async () => {
    const before = await snapshot(t.db);
    const early = await post(day("2025-07-25"));
    expect(early.status).toBe(422);
    expect(early.body.error.issues[0]).toMatchObject({ path: "date" });
    expect(early.body.error.issues[0].message).toContain("outside the contract period");
    const late = await post(day("2025-09-26"));
    expect(late.status).toBe(422);

    const bad = await post({ ...day("2025-08-01", "0960", "1800"), details: "あ".repeat(1001) });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "details",
      "start",
    ]);
    expect(
      bad.body.error.issues.find((i: { path: string }) => i.path === "start").message,
    ).toContain('This entry (2025-08-01): start "0960" is not a time');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("needs an approved purchase order: 409 before approval", async () => {
    const draft = await t.call("POST", `/v1/groups/${c.groupId}/contracts`, {
      token: c.owner,
      body: {
        title: "未承認の契約",
        partnerUserId: c.partnerUserId,
        contractType: "quasiMandate",
        scope: "開発",
        startDate: "2025-07-26",
        endDate: "2025-09-25",
        closingDay: 25,
        paymentTerms: { monthsAfter: 1, day: 31 },
        billingMode: "invoice",
        settlementUnit: 30,
        conditions: { costCategories: [HOUR_RANGE_CATEGORY] },
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const res = await t.call("POST", `/v1/contracts/${draft.body.id}/entries`, {
      token: c.partner,
      body: day("2025-08-01"),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("No approved purchase order covers 2025-08");
    const estimate = await t.call("GET", `/v1/contracts/${draft.body.id}/months/2025-08/estimate`, {
      token: c.partner,
    });
    expect(estimate.status).toBe(409);
  });
});

/** The spec's example: fifteen 8-hour days and one of 3 h 50 min, 123 h 50 min. */
async function recordSpecMonth() {
  for (let d = 1; d <= 15; d++) {
    const res = await post(day(`2025-08-${String(d).padStart(2, "0")}`));
    expect(res.status).toBe(201);
  }
  expect((await post(day("2025-07-28", "9:00", "12:50", 0))).status).toBe(201);
}

describe("the estimate (概算請求額)", () => {
  it("settles 123 h 50 min to 123.5 h: 1,000,000 + excess 3.5 h x 8,000", async () => {
    await recordSpecMonth();
    const res = await t.call("GET", `${base}/months/2025-08/estimate`, { token: c.owner });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.lines[0]).toMatchObject({ minutes: 7410, hours: 123.5, amount: 1000000 });
    expect(res.body.adjustments).toEqual([
      expect.objectContaining({ kind: "excess", hours: 3.5, rate: 8000, amount: 28000 }),
    ]);
    expect(res.body).toMatchObject({ subtotal: 1028000, consumptionTax: 102800, total: 1130800 });
  });

  it("deducts below the lower bound: 80 h in 2025-09 (90-110 h) is 10 h x 10,000 less", async () => {
    for (let d = 1; d <= 10; d++) {
      expect((await post(day(`2025-09-${String(d).padStart(2, "0")}`))).status).toBe(201);
    }
    const res = await t.call("GET", `${base}/months/2025-09/estimate`, { token: c.partner });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.lines[0]).toMatchObject({ hours: 80, amount: 900000 });
    expect(res.body.adjustments).toEqual([
      expect.objectContaining({ kind: "deduction", hours: 10, rate: 10000, amount: -100000 }),
    ]);
    expect(res.body.subtotal).toBe(800000);
  });

  it("is 422 for a month the contract does not work in", async () => {
    expect(
      (await t.call("GET", `${base}/months/2025-12/estimate`, { token: c.owner })).status,
    ).toBe(422);
    expect(
      (await t.call("GET", `${base}/months/2025-13/estimate`, { token: c.owner })).status,
    ).toBe(422);
  });
});

describe("the CSV export", () => {
  it("is UTF-8 with a BOM, CRLF and a Japanese header, quoting details", async () => {
    await post({ ...day("2025-08-01", "820", "1730"), details: '設計, "レビュー"\n打合せ' });
    const res = await t.app.request(`${base}/months/2025-08/entries.csv`, {
      headers: { authorization: `Bearer ${c.partner}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="entries-2025-08.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(
      "\uFEFF日付,費目,開始,終了,休憩(分),稼働時間,数量,業務内容\r\n" +
        '2025-08-01,月額固定,08:20,17:30,60,08:10,,"設計, ""レビュー""\n打合せ"\r\n',
    );
  });

  it("is refused for work contracts (請負)", async () => {
    const u = await testApp();
    const w = await approvedContract(u, { contractType: "workContract" });
    const res = await u.call("GET", `/v1/contracts/${w.contractId}/months/2025-08/entries.csv`, {
      token: w.partner,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe("CSV export is available for quasi-mandate contracts only");
  });
});

async function insertInvoice(status: "draft" | "underReview" | "approved" | "returned") {
  await t.db.delete(invoices);
  await t.db.insert(invoices).values({
    companyId: c.companyId,
    contractId: c.contractId,
    partnerUserId: c.partnerUserId,
    workingMonth: "2025-08",
    kind: "invoice",
    issuerId: c.partnerUserId,
    status,
    inputs: {} as InvoiceInputs,
  });
}

describe("a month whose invoice is submitted", () => {
  it("is locked while under review or approved; a returned invoice allows edits", async () => {
    const entry = await post(day("2025-08-01"));
    await insertInvoice("underReview");
    const before = await snapshot(t.db);
    const refused = [
      await post(day("2025-08-02")),
      await t.call("PUT", `${base}/entries/${entry.body.id}`, {
        token: c.partner,
        body: day("2025-08-03"),
      }),
      await t.call("DELETE", `${base}/entries/${entry.body.id}`, { token: c.partner }),
      await t.call("PUT", `${base}/months/2025-08/entries`, {
        token: c.partner,
        body: { rows: [] },
      }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe(
        "The invoice for 2025-08 is under review: entries can no longer change",
      );
    }
    expect(await snapshot(t.db)).toEqual(before);
    // Another month stays open.
    expect((await post(day("2025-08-30"))).status).toBe(201);

    await insertInvoice("approved");
    expect((await post(day("2025-08-02"))).body.error.message).toContain("is approved");
    await insertInvoice("returned");
    expect((await post(day("2025-08-02"))).status).toBe(201);
  });
});

describe("the business report (業務報告書)", () => {
  it("goes from no work recorded to in progress, then follows the invoice", async () => {
    const empty = await t.call("GET", `${base}/months/2025-08/report`, { token: c.partner });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      status: "noWorkRecorded",
      label: { en: "No work recorded", ja: "業務未登録" },
      entries: [],
      invoiceId: null,
    });
    expect(empty.body.estimate.adjustments[0]).toMatchObject({ kind: "deduction", hours: 100 });

    await recordSpecMonth();
    const working = await t.call("GET", `${base}/months/2025-08/report`, { token: c.owner });
    expect(working.body).toMatchObject({ status: "inProgress", label: { ja: "作成中" } });
    expect(working.body.entries).toHaveLength(16);
    expect(working.body.estimate.adjustments[0].amount).toBe(28000);

    await insertInvoice("underReview");
    const review = await t.call("GET", `${base}/months/2025-08/report`, { token: c.owner });
    expect(review.body).toMatchObject({
      status: "underReview",
      label: { en: "Invoice under review" },
    });
    expect(review.body.invoiceId).toEqual(expect.any(String));
    await insertInvoice("returned");
    const back = await t.call("GET", `${base}/months/2025-08/report`, { token: c.owner });
    expect(back.body.status).toBe("returned");
    await t.db.delete(workEntries).where(eq(workEntries.contractId, c.contractId));
    await insertInvoice("draft");
    const draft = await t.call("GET", `${base}/months/2025-08/report`, { token: c.owner });
    expect(draft.body.status).toBe("inProgress");
  });
});

describe("an estimate that cannot be computed", () => {
  it("says why in the caller's language, Japanese to Japanese callers", async () => {
    const huge = await approvedContract(t, {
      seeded: true,
      costCategories: [
        { id: "dev", name: "開発", type: "hourly", unitPrice: Number.MAX_SAFE_INTEGER },
      ],
    });
    await t.db.insert(workEntries).values({
      contractId: huge.contractId,
      workingMonth: "2025-08",
      date: "2025-08-01",
      costCategoryId: "dev",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    });
    const estimate = await t.call(
      "GET",
      `/v1/contracts/${huge.contractId}/months/2025-08/estimate`,
      {
        token: huge.partner,
        headers: { "accept-language": "ja" },
      },
    );
    expect(estimate.status).toBe(409);
    expect(estimate.body.error.code).toBe("estimate_unavailable");
    expect(estimate.body.error.message).toMatch(
      /^2025年8月の概算請求額を計算できません: 費目 1 件目/,
    );
    expect(estimate.body.error.issues[0].message).toMatch(/金額が大きすぎて正確に計算できません/);
  });
});
