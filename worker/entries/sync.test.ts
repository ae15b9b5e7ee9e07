import { asc } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { workEntries } from "../db/schema";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";

// PUT /v1/contracts/{id}/months/{month}/entries: the add-on's timesheet replacing a month,
// all or nothing, idempotent, every bad row reported by row.

let t: TestApp;
let c: Awaited<ReturnType<typeof approvedContract>>;
let url: string;

beforeEach(async () => {
  t = await testApp();
  c = await approvedContract(t);
  url = `/v1/contracts/${c.contractId}/months/2025-08/entries`;
});

const pad = (n: number) => String(n).padStart(2, "0");

/** The spec's month as timesheet rows: 123 h 50 min. */
function specRows() {
  const rows: Record<string, unknown>[] = [];
  for (let d = 1; d <= 15; d++) {
    rows.push({
      clientRowId: `r${d}`,
      date: `2025-08-${pad(d)}`,
      costCategoryId: "ses",
      start: "900",
      end: "1800",
      breakMinutes: 60,
      details: `作業 ${d}`,
    });
  }
  rows.push({
    clientRowId: "r16",
    date: "2025-07-28",
    costCategoryId: "ses",
    start: "9:00",
    end: "12:50",
  });
  return rows;
}

const sync = (rows: unknown[], token = c.partner) => t.call("PUT", url, { token, body: { rows } });
const stored = () => t.db.select().from(workEntries).orderBy(asc(workEntries.clientRowId));

describe("the month sync", () => {
  it("stores the rows, answers ids by row and the estimate; sending them again changes nothing", async () => {
    const first = await sync(specRows());
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.rows).toHaveLength(16);
    expect(first.body.rows[0]).toEqual({ clientRowId: "r1", id: expect.any(String) });
    expect(first.body.estimate.adjustments[0]).toMatchObject({
      kind: "excess",
      hours: 3.5,
      amount: 28000,
    });
    const rowsAfterFirst = await stored();
    expect(rowsAfterFirst).toHaveLength(16);

    t.clock.now = new Date("2025-07-20T02:00:00Z");
    const second = await sync(specRows());
    expect(second.status).toBe(200);
    expect(second.body.rows).toEqual(first.body.rows);
    expect(await stored()).toEqual(rowsAfterFirst); // not even updatedAt moves

    const listed = await t.call("GET", url, { token: c.owner });
    expect(listed.body).toHaveLength(16);
    expect(listed.body[0]).toMatchObject({
      date: "2025-07-28",
      start: "09:00",
      end: "12:50",
      workedMinutes: 230,
    });
  });

  it("updates changed rows in place, adds new ones and deletes the month's rows left out", async () => {
    const first = await sync(specRows());
    const single = await t.call("POST", `/v1/contracts/${c.contractId}/entries`, {
      token: c.partner,
      body: { date: "2025-08-20", costCategoryId: "ses", start: "1000", end: "1100" },
    });
    expect(single.status).toBe(201);
    // A September entry is another month: the August sync leaves it alone.
    const september = await t.call("POST", `/v1/contracts/${c.contractId}/entries`, {
      token: c.partner,
      body: { date: "2025-09-01", costCategoryId: "ses", start: "1000", end: "1100" },
    });
    expect(september.status).toBe(201);

    const rows = specRows().slice(1); // r1 removed
    rows[0] = { ...rows[0], end: "1900" }; // r2 changed
    rows.push({
      clientRowId: "r17",
      date: "2025-08-18",
      costCategoryId: "ses",
      start: "1000",
      end: "1200",
    });
    const res = await sync(rows);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ids = new Map(
      first.body.rows.map((r: { clientRowId: string; id: string }) => [r.clientRowId, r.id]),
    );
    expect(res.body.rows[0]).toEqual({ clientRowId: "r2", id: ids.get("r2") });
    const after = await stored();
    expect(after.map((r) => r.clientRowId)).toEqual([
      null,
      "r10",
      "r11",
      "r12",
      "r13",
      "r14",
      "r15",
      "r16",
      "r17",
      "r2",
      "r3",
      "r4",
      "r5",
      "r6",
      "r7",
      "r8",
      "r9",
    ]);
    expect(after.find((r) => r.clientRowId === null)?.id).toBe(september.body.id);
    expect(after.find((r) => r.clientRowId === "r2")?.endMinutes).toBe(19 * 60);
  });

  it("reports every bad row with its path and changes nothing", async () => {
    await sync(specRows());
    const before = await snapshot(t.db);
    const beforeRows = await stored();
    const rows = specRows();
    rows[2] = { ...rows[2], end: "0800" };
    rows[6] = { ...rows[6], date: "2025-08-26", details: "x".repeat(1001) };
    const res = await sync(rows);
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      {
        path: "rows.2.end",
        code: "end_not_after_start",
        message: expect.stringContaining("Row 3 (2025-08-03): end 08:00 must be after start 09:00"),
      },
      {
        path: "rows.6.date",
        code: "date_outside_period",
        message: expect.stringContaining("Row 7 (2025-08-26) is outside the working month 2025-08"),
      },
      {
        path: "rows.6.details",
        code: "details_too_long",
        message: expect.stringContaining("Row 7"),
      },
    ]);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await stored()).toEqual(beforeRows);
  });

  it("answers in Japanese when asked", async () => {
    const rows = specRows();
    rows[0] = { ...rows[0], start: "2500x" };
    const res = await t.call("PUT", url, {
      token: c.partner,
      body: { rows },
      headers: { "accept-language": "ja" },
    });
    expect(res.body.error.issues[0].message).toContain("1行目 (2025-08-01): 開始");
  });

  it("refuses a pasted duplicate week: the same times on the same dates overlap", async () => {
    const week = specRows().slice(0, 7);
    const pasted = week.map((row, i) => ({ ...row, clientRowId: `copy${i}` }));
    const before = await snapshot(t.db);
    const res = await sync([...week, ...pasted]);
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toHaveLength(7);
    expect(res.body.error.issues[0]).toMatchObject({
      path: "rows.7.start",
      code: "overlapping_entries",
    });
    expect(res.body.error.issues[0].message).toContain(
      "Row 8 (2025-08-01) 09:00-18:00 overlaps row 1 09:00-18:00",
    );
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses duplicate client row ids and a row id of another month", async () => {
    const rows = specRows();
    rows[3] = { ...rows[3], clientRowId: "r1" };
    const dup = await sync(rows);
    expect(dup.status).toBe(422);
    expect(dup.body.error.issues).toEqual([
      {
        path: "rows.3.clientRowId",
        code: "duplicate_client_row_id",
        message: 'Row 4: client row id "r1" is also used by row 1',
      },
    ]);

    const sept = await t.call("PUT", `/v1/contracts/${c.contractId}/months/2025-09/entries`, {
      token: c.partner,
      body: {
        rows: [
          {
            clientRowId: "s1",
            date: "2025-09-01",
            costCategoryId: "ses",
            start: "900",
            end: "1000",
          },
        ],
      },
    });
    expect(sept.status).toBe(200);
    const moved = await sync([
      { clientRowId: "s1", date: "2025-08-01", costCategoryId: "ses", start: "900", end: "1000" },
    ]);
    expect(moved.status).toBe(422);
    expect(moved.body.error.issues[0]).toMatchObject({
      path: "rows.0.clientRowId",
      code: "client_row_id_in_other_month",
    });
  });

  it("refuses rows outside the contract, a month it does not work in, and the company", async () => {
    const early = await t.call("PUT", `/v1/contracts/${c.contractId}/months/2025-10/entries`, {
      token: c.partner,
      body: { rows: [] },
    });
    expect(early.status).toBe(422);
    expect((await sync([], c.owner)).status).toBe(403);
    const missingId = await sync([
      { date: "2025-08-01", costCategoryId: "ses", start: "900", end: "1000" },
    ]);
    expect(missingId.status).toBe(422);
    expect(missingId.body.error.issues[0].path).toBe("rows.0.clientRowId");
  });

  it("syncs 1,000 rows and empties the month with no rows", async () => {
    const rows = [];
    for (let i = 0; i < 1000; i++) {
      const d = (i % 31) + 1;
      const date = d <= 25 ? `2025-08-${pad(d)}` : `2025-07-${pad(d)}`;
      const start = Math.floor(i / 31) * 30;
      const hhmm = (m: number) => `${pad(Math.floor(m / 60))}${pad(m % 60)}`;
      rows.push({
        clientRowId: `row-${i}`,
        date,
        costCategoryId: "ses",
        start: hhmm(start),
        end: hhmm(start + 20),
      });
    }
    // A handful of statements, not one round trip per row.
    const execute = vi.spyOn(t.db.$client, "execute");
    const batch = vi.spyOn(t.db.$client, "batch");
    const res = await sync(rows);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(execute.mock.calls.length).toBeLessThanOrEqual(12);
    vi.restoreAllMocks();
    expect(await stored()).toHaveLength(1000);
    expect((await sync(rows)).status).toBe(200);
    expect(await stored()).toHaveLength(1000);
    expect((await sync([])).body.rows).toEqual([]);
    expect(await stored()).toHaveLength(0);
  });

  it("names rows by the sheet row the add-on sends, in both languages", async () => {
    const rows: Record<string, unknown>[] = specRows()
      .slice(0, 3)
      .map((row, i) => ({ ...row, sheetRow: 4 + i * 2 }));
    rows[2] = { ...rows[2], end: "0800" };
    rows[1] = { ...rows[1], clientRowId: "r1" };
    const ja = await t.call("PUT", url, {
      token: c.partner,
      body: { rows },
      headers: { "accept-language": "ja" },
    });
    expect(ja.body.error.issues.map((i: { message: string }) => i.message)).toEqual([
      '6行目: 行ID "r1" は 4行目と重複しています',
    ]);
    rows[1] = { ...rows[1], clientRowId: "r2" };
    const en = await sync(rows);
    expect(en.body.error.issues[0].path).toBe("rows.2.end");
    expect(en.body.error.issues[0].message).toMatch(/^Row 8 \(2025-08-03\)/);
  });
});

describe("the month's rules, for the add-on's offline check", () => {
  it("answers the period, the days inside it, the conditions in force and no refusal", async () => {
    t = await testApp();
    c = await approvedContract(t, { startDate: "2025-08-05" });
    const base = `/v1/contracts/${c.contractId}/months`;
    const res = await t.call("GET", `${base}/2025-08/rules`, { token: c.partner });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.period).toEqual({ start: "2025-08-05", end: "2025-09-25" });
    expect(res.body.days[0]).toBe("2025-08-05");
    expect(res.body.days.at(-1)).toBe("2025-08-25");
    expect(res.body.days).toHaveLength(21);
    expect(res.body.request.costCategories.map((c: { id: string }) => c.id)).toEqual(["ses"]);
    expect(res.body.request.entries).toEqual([]);
    expect(res.body.refusal).toBeNull();
    expect((await t.call("GET", `${base}/2025-11/rules`, { token: c.partner })).status).toBe(422);
  });

  it("says why entries cannot be written once the month's invoice is submitted", async () => {
    const row = { clientRowId: "a", date: "2025-08-04", costCategoryId: "ses" };
    expect((await sync([{ ...row, start: "900", end: "1800" }])).status).toBe(200);
    const draft = await t.call("PUT", `/v1/contracts/${c.contractId}/months/2025-08/invoice`, {
      token: c.partner,
      body: {},
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    // A month is invoiced once it has closed (2025-08-25).
    t.clock.now = new Date("2025-08-26T01:00:00Z");
    c.partner = await signIn(t, "partner@demo.shimebi.test");
    const submitted = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: c.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const res = await t.call("GET", `${url.replace(/entries$/, "rules")}`, {
      token: c.partner,
      headers: { "accept-language": "ja" },
    });
    expect(res.body.refusal).toEqual({
      code: "month_locked",
      message: "2025-08 の請求書は提出済みか承認済みのため、勤務表は変更できません",
    });
  });
});
