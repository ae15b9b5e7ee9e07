import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Issue, validateQuoteRequest } from "../../shared";
import { type Gas, installGas } from "../testing";
import { API_BASE, CONTRACT_ID, contractApi, rulesResponse } from "../testing/fixtures";
import type { FakeDataValidation } from "../testing/spreadsheet";
import { checkTimesheet, onEdit } from "./check";
import { COLUMN } from "./layout";
import { createTimesheet } from "./timesheet";

let gas: Gas & { uninstall(): Promise<void> };

beforeEach(() => {
  gas = installGas({ locale: "ja", identityToken: "token-1", fetch: contractApi() });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
});
afterEach(() => gas.uninstall());

const cell = (row: number, column: number) => gas.activeSheet().cells[row - 1]?.[column - 1] ?? "";

describe("createTimesheet", () => {
  it("makes the month's sheet with the contract's categories as a dropdown", () => {
    const info = createTimesheet(CONTRACT_ID, "2025-08");
    expect(info).toEqual({
      sheetName: "2025-08 Shimebi 開発支援",
      contractId: CONTRACT_ID,
      month: "2025-08",
    });
    const sheet = gas.activeSheet();
    expect(sheet.getName()).toBe("2025-08 Shimebi 開発支援");
    expect(sheet.cells[0]).toEqual([
      "日付",
      "費目",
      "開始",
      "終了",
      "休憩（分）",
      "数量",
      "時間なし",
      "業務内容",
      "エラー",
      "実働（計 0:00）",
      "曜日・祝日",
      "行ID",
      "同期",
    ]);
    const dropdown = sheet.validationAt(2, COLUMN.category) as FakeDataValidation;
    expect(dropdown.getCriteriaType()).toBe("VALUE_IN_LIST");
    expect(dropdown.getCriteriaValues()[0]).toEqual(["月額固定"]);
    expect(dropdown.getAllowInvalid()).toBe(false);
    expect(sheet.validationAt(500, COLUMN.category)).toBe(dropdown);
    expect(sheet.validationAt(2, COLUMN.skipHours)?.getCriteriaType()).toBe("CHECKBOX");
    expect(sheet.isColumnHiddenByUser(COLUMN.rowId)).toBe(true);
    expect(sheet.isColumnHiddenByUser(COLUMN.errors)).toBe(false);
    // One row per day of August, the only category filled in.
    expect(sheet.getLastRow()).toBe(32);
    expect([cell(2, 1), cell(2, 2), cell(32, 1)]).toEqual(["2025-08-01", "月額固定", "2025-08-31"]);
    // The identity token went as the bearer.
    expect(gas.requests[0]?.headers.Authorization).toBe("Bearer token-1");
  });

  it("lists every category of a contract with several, and fills none", () => {
    gas.setFetch(
      contractApi([
        { id: "dev", name: "開発", type: "hourly", unitPrice: 5000 },
        { id: "docs", name: "資料作成", type: "quantity", unitPrice: 3000 },
      ]),
    );
    createTimesheet(CONTRACT_ID, "2025-08");
    const dropdown = gas.activeSheet().validationAt(2, COLUMN.category);
    expect(dropdown?.getCriteriaValues()[0]).toEqual(["開発", "資料作成"]);
    expect(cell(2, 2)).toBe("");
  });

  it("opens the existing sheet instead of making a second", () => {
    createTimesheet(CONTRACT_ID, "2025-08");
    createTimesheet(CONTRACT_ID, "2025-08");
    expect(gas.spreadsheet.sheets.map((s) => s.getName())).toEqual([
      "シート1",
      "2025-08 Shimebi 開発支援",
    ]);
  });

  it("refuses a month that is not YYYY-MM", () => {
    expect(() => createTimesheet(CONTRACT_ID, "2025/8")).toThrow("YYYY-MM");
  });
});

describe("checkTimesheet", () => {
  beforeEach(() => {
    createTimesheet(CONTRACT_ID, "2025-08");
  });

  it("shows 820 as 08:20 and marks a bad row with the engine's message", () => {
    const sheet = gas.activeSheet();
    sheet.write(2, COLUMN.start, "820");
    sheet.write(2, COLUMN.end, 1730);
    sheet.write(2, COLUMN.breakMinutes, 60);
    sheet.write(3, COLUMN.start, "1800");
    sheet.write(3, COLUMN.end, "9:00"); // ends before it starts
    gas.counter.reset();

    const result = checkTimesheet();

    expect([cell(2, COLUMN.start), cell(2, COLUMN.end)]).toEqual(["08:20", "17:30"]);
    expect([cell(3, COLUMN.start), cell(3, COLUMN.end)]).toEqual(["18:00", "09:00"]);
    expect(cell(2, COLUMN.errors)).toBe("");
    // The engine's own words for the same entry (the second entry sent).
    const validation = validateQuoteRequest({
      ...rulesResponse("2025-08").request,
      entries: [
        {
          date: "2025-08-01",
          costCategoryId: "ses",
          start: "08:20",
          end: "17:30",
          breakMinutes: 60,
        },
        { date: "2025-08-02", costCategoryId: "ses", start: "18:00", end: "09:00" },
      ],
    });
    const expected = validation.ok ? [] : validation.issues.map((i: Issue) => i.messageJa);
    expect(expected).toHaveLength(1);
    // ... naming the sheet row (3), not the entry's place in the month (2件目).
    expect(cell(3, COLUMN.errors)).toBe(expected[0]?.replace("2件目", "3行目"));
    expect(result).toEqual({ rows: 2, badRows: 1, issues: [] });
    // One read, one write of the times, one of the worked hours, one of the errors; no network.
    expect(gas.counter.of("getValues")).toBe(1);
    expect(gas.counter.of("setValues")).toBe(3);
    expect(cell(2, COLUMN.worked)).toBe("8:10");
    expect(gas.counter.of("fetch")).toBe(0);
  });

  it("clears the mark once the row is fixed, as the partner types (onEdit)", () => {
    const sheet = gas.activeSheet();
    sheet.write(2, COLUMN.start, "1800");
    sheet.write(2, COLUMN.end, "0900");
    checkTimesheet();
    expect(cell(2, COLUMN.errors)).not.toBe("");
    sheet.write(2, COLUMN.end, "2000");
    onEdit({ range: sheet.getRange(2, COLUMN.end) } as GoogleAppsScript.Events.SheetsOnEdit);
    expect(cell(2, COLUMN.end)).toBe("20:00");
    expect(cell(2, COLUMN.errors)).toBe("");
  });

  it("reads times the sheet parsed as dates", () => {
    const sheet = gas.activeSheet();
    // 08:20 on Sheets' epoch day, in the spreadsheet's zone
    sheet.write(2, COLUMN.start, new Date("1899-12-30T08:20:00+09:00"));
    sheet.write(2, COLUMN.end, "1200");
    checkTimesheet();
    expect(cell(2, COLUMN.start)).toBe("08:20");
    expect(cell(2, COLUMN.errors)).toBe("");
  });

  it("leaves sheets that are not timesheets alone", () => {
    gas.spreadsheet.setActiveSheet(gas.spreadsheet.sheets[0] as never);
    expect(checkTimesheet()).toBeNull();
  });
});
