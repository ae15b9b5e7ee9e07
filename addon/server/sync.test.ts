import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { quote, type WorkEntry } from "../../shared";
import { type FetchHandler, type FetchRequest, type Gas, installGas } from "../testing";
import { API_BASE, CONTRACT_ID, contractApi, fillMonth } from "../testing/fixtures";
import { ApiError } from "./api";
import { getEstimate } from "./estimate";
import { COLUMN } from "./layout";
import { type SyncRow, syncSheet, syncTimesheet } from "./sync";
import { createTimesheet, requireTimesheet } from "./timesheet";

// Sync against a stand-in of PUT /v1/contracts/{id}/months/{month}/entries that checks the
// request's shape and answers as the API documents: { rows: [{ clientRowId, id }], estimate }.

const SYNC_PATH = `/v1/contracts/${CONTRACT_ID}/months/2025-08/entries`;
const ROW_KEYS = [
  "breakMinutes",
  "clientRowId",
  "costCategoryId",
  "date",
  "details",
  "end",
  "quantity",
  "sheetRow",
  "skipHours",
  "start",
];

let gas: Gas & { uninstall(): Promise<void> };
let sent: SyncRow[][];

/** The entries API in miniature: the request checked, ids kept per row id, the engine's quote. */
function entriesApi(): FetchHandler {
  const ids = new Map<string, string>();
  return (request: FetchRequest) => {
    expect(request.method).toBe("PUT");
    expect(request.url).toBe(`${API_BASE}${SYNC_PATH}`);
    expect(request.headers["Content-Type"]).toBe("application/json");
    const body = JSON.parse(request.payload ?? "") as { rows: SyncRow[] };
    expect(Object.keys(body)).toEqual(["rows"]);
    for (const row of body.rows) {
      expect(Object.keys(row).sort()).toEqual(ROW_KEYS);
      expect(row.clientRowId).toMatch(/^[0-9a-f-]{36}$/);
    }
    sent.push(body.rows);
    const entries = body.rows.map(
      ({ clientRowId: _id, sheetRow: _row, ...entry }) => entry,
    ) as WorkEntry[];
    const outcome = quote({
      month: "2025-08",
      closingDay: 31,
      settlementUnit: 15,
      costCategories: [
        {
          id: "ses",
          name: "月額固定",
          type: "monthlyRange",
          monthlyFee: 1000000,
          lowerHours: 140,
          upperHours: 180,
          excessRate: 5555,
          deductionRate: 7142,
        },
      ],
      entries,
      extraItems: [],
      expenses: [],
      partner: { kind: "individual", nonResident: false },
      consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
      withholding: { enabled: false },
    });
    if (!outcome.ok) {
      const issues = outcome.issues.map((i) => ({
        path: i.path.replace(/^entries\./, "rows."),
        code: i.code,
        message: i.messageJa,
      }));
      return {
        status: 422,
        body: { error: { code: "invalid_request", message: "入力内容に誤りがあります", issues } },
      };
    }
    const rows = body.rows.map((row) => {
      const id = ids.get(row.clientRowId) ?? `entry-${ids.size + 1}`;
      ids.set(row.clientRowId, id);
      return { clientRowId: row.clientRowId, id };
    });
    return { status: 200, body: { rows, estimate: outcome.quote } };
  };
}

beforeEach(() => {
  sent = [];
  gas = installGas({ locale: "ja", identityToken: "token-1", fetch: contractApi() });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
  createTimesheet(CONTRACT_ID, "2025-08");
  gas.setFetch(contractApi(undefined, entriesApi()));
});
afterEach(() => gas.uninstall());

const cell = (row: number, column: number) => gas.activeSheet().cells[row - 1]?.[column - 1] ?? "";

function syncCounts(rows: number) {
  fillMonth(gas.activeSheet(), "2025-08", rows);
  gas.counter.reset();
  const result = syncTimesheet();
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  expect(result.rows).toBe(rows);
  const { getUuid: _perRow, ...calls } = gas.counter.calls;
  return calls;
}

describe("syncTimesheet", () => {
  it("sends a 1,000-row month in one fetch, one read and one write", () => {
    const calls = syncCounts(1000);
    expect(calls.fetch).toBe(1);
    expect(calls.getValues).toBe(1);
    expect(calls.setValues).toBe(1);
    expect(sent[0]).toHaveLength(1000);
  });

  it("makes the same sheet and network calls for 10 rows as for 1,000", () => {
    const ten = syncCounts(10);
    gas.uninstall();
    gas = installGas({ locale: "ja", fetch: contractApi() });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    createTimesheet(CONTRACT_ID, "2025-08");
    gas.setFetch(contractApi(undefined, entriesApi()));
    expect(syncCounts(1000)).toEqual(ten);
  });

  it("writes row ids back and sends the same ids again: safe to repeat", () => {
    fillMonth(gas.activeSheet(), "2025-08", 40);
    syncTimesheet();
    const ids = Array.from({ length: 40 }, (_, i) => cell(2 + i, COLUMN.rowId));
    expect(new Set(ids).size).toBe(40);
    const second = syncTimesheet();
    expect(second.ok).toBe(true);
    expect(sent[1]?.map((r) => r.clientRowId)).toEqual(ids);
    expect(gas.counter.of("getUuid")).toBe(40);
  });

  it("gives a row copied with its hidden id a new one", () => {
    fillMonth(gas.activeSheet(), "2025-08", 2);
    syncTimesheet();
    gas.activeSheet().write(3, COLUMN.rowId, cell(2, COLUMN.rowId));
    syncTimesheet();
    const [first, second] = sent[1] ?? [];
    expect(first?.clientRowId).not.toBe(second?.clientRowId);
  });

  it("marks each row the API refused beside it, by the row's path", () => {
    fillMonth(gas.activeSheet(), "2025-08", 5);
    // The third prefilled day is left as a date alone; the 4th entry ends before it starts.
    gas.activeSheet().write(3, COLUMN.start, "");
    gas.activeSheet().write(3, COLUMN.end, "");
    gas.activeSheet().write(3, COLUMN.details, "");
    gas.activeSheet().write(6, COLUMN.end, "0000");
    expect(() => syncTimesheet()).toThrow(ApiError);
    const result = syncSheet(requireTimesheet());
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe("invalid_request");
    expect(result.error?.issues[0]?.path).toBe("rows.3.end");
    expect(result.badRows).toBe(1);
    // rows.3 is the 4th entry sent: sheet row 6, since sheet row 3 carries no entry.
    expect(cell(6, COLUMN.errors)).toBe(result.error?.issues[0]?.message);
    expect([2, 3, 4, 5].map((r) => cell(r, COLUMN.errors))).toEqual(["", "", "", ""]);
    // Fixed and synced again: the mark goes.
    gas.activeSheet().write(6, COLUMN.end, "2300");
    expect(syncTimesheet().ok).toBe(true);
    expect(cell(6, COLUMN.errors)).toBe("");
  });

  it("reports a refusal without row issues and keeps the sheet's marks", () => {
    fillMonth(gas.activeSheet(), "2025-08", 3);
    gas.activeSheet().write(2, COLUMN.errors, "earlier mark");
    gas.setFetch(() => ({
      status: 401,
      body: { error: { code: "unauthorized", message: "Sign in first", issues: [] } },
    }));
    const result = syncSheet(requireTimesheet());
    expect(result).toMatchObject({
      ok: false,
      error: { code: "unauthorized", message: "Sign in first", issues: [] },
    });
    expect(cell(2, COLUMN.errors)).toBe("earlier mark");
    // The ids are written all the same, so the next sync sends the same rows.
    expect(cell(2, COLUMN.rowId)).not.toBe("");
  });

  it("the offline estimate equals the API's after a sync", () => {
    fillMonth(gas.activeSheet(), "2025-08", 200);
    const result = syncTimesheet();
    gas.counter.reset();
    const estimate = getEstimate();
    expect(estimate.offline).toEqual({ ok: true, quote: result.estimate });
    expect(estimate.server?.estimate).toEqual(result.estimate);
    expect(gas.counter.of("fetch")).toBe(0);
    expect(gas.counter.of("getValues")).toBe(1);
  });
});
