import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Gas, installGas } from "../testing";
import { API_BASE, CONTRACT_ID, contractApi } from "../testing/fixtures";
import { onEdit } from "./check";
import { COLUMN } from "./layout";
import { createTimesheet } from "./timesheet";

// Typing is never lost: the edit trigger writes only the cells that were edited and the
// add-on's own columns, so what a person types while it runs survives. The sheet shows each
// day's weekday and Japan's holidays, and the month's total worked hours.

let gas: Gas & { uninstall(): Promise<void> };

beforeEach(() => {
  gas = installGas({ locale: "ja", identityToken: "token-1", fetch: contractApi() });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
});
afterEach(() => gas.uninstall());

const cell = (row: number, column: number) => gas.activeSheet().cells[row - 1]?.[column - 1] ?? "";

/** The simple trigger as Sheets fires it after a user's edit of one cell. */
function edited(row: number, column: number) {
  onEdit({ range: gas.activeSheet().getRange(row, column) } as never);
}

describe("onEdit while the person keeps typing", () => {
  it("keeps both values when a second cell is typed while the first cell's trigger runs", () => {
    createTimesheet(CONTRACT_ID, "2025-08");
    const sheet = gas.activeSheet();
    sheet.write(2, COLUMN.start, "900");
    // While the trigger for R2C3 reads the sheet, the person types the end and the next row.
    sheet.whileReading.push(() => {
      sheet.write(2, COLUMN.end, "１８３０");
      sheet.write(3, COLUMN.start, "8:20");
    });
    edited(2, COLUMN.start);
    expect(sheet.whileReading).toEqual([]); // the edits did land during the trigger
    expect(cell(2, COLUMN.start)).toBe("09:00");
    expect(cell(2, COLUMN.end)).toBe("１８３０"); // as typed: its own trigger formats it
    expect(cell(3, COLUMN.start)).toBe("8:20");
    // Their own triggers then run, and nothing typed was lost on the way.
    edited(2, COLUMN.end);
    edited(3, COLUMN.start);
    expect([cell(2, COLUMN.start), cell(2, COLUMN.end), cell(3, COLUMN.start)]).toEqual([
      "09:00",
      "18:30",
      "08:20",
    ]);
    expect(cell(2, COLUMN.worked)).toBe("9:30");
  });

  it("reads a break typed with the IME on (６０) as 60 minutes, as it reads ９００ as 09:00", () => {
    createTimesheet(CONTRACT_ID, "2025-08");
    const sheet = gas.activeSheet();
    sheet.write(2, COLUMN.start, "９００");
    sheet.write(2, COLUMN.end, "１８：００");
    sheet.write(2, COLUMN.breakMinutes, "６０");
    edited(2, COLUMN.breakMinutes);
    expect(cell(2, COLUMN.errors)).toBe("");
    expect(cell(2, COLUMN.worked)).toBe("8:00");
  });

  it("reads a break typed as a duration (1:00, or the time the sheet made of it) as 60 minutes", () => {
    createTimesheet(CONTRACT_ID, "2025-08");
    const sheet = gas.activeSheet();
    for (const row of [2, 3]) {
      sheet.write(row, COLUMN.start, "900");
      sheet.write(row, COLUMN.end, "1800");
    }
    sheet.write(2, COLUMN.breakMinutes, "1:00");
    // Sheets holds a typed 1:00 as 01:00 on 1899-12-30 in the spreadsheet's time zone (Tokyo).
    sheet.write(3, COLUMN.breakMinutes, new Date("1899-12-29T16:00:00Z"));
    edited(2, COLUMN.breakMinutes);
    edited(3, COLUMN.breakMinutes);
    expect([cell(2, COLUMN.errors), cell(3, COLUMN.errors)]).toEqual(["", ""]);
    expect([cell(2, COLUMN.worked), cell(3, COLUMN.worked)]).toEqual(["8:00", "8:00"]);
  });

  it("never writes a typed cell it was not told about, even in the same row", () => {
    createTimesheet(CONTRACT_ID, "2025-08");
    const sheet = gas.activeSheet();
    sheet.write(4, COLUMN.details, "設計");
    sheet.whileReading.push(() => sheet.write(4, COLUMN.details, "設計とレビュー"));
    sheet.write(4, COLUMN.start, "1000");
    edited(4, COLUMN.start);
    expect(cell(4, COLUMN.details)).toBe("設計とレビュー");
    expect(cell(4, COLUMN.start)).toBe("10:00");
  });
});

describe("the calendar on the sheet", () => {
  it("shows each day's weekday and Japan's national holidays", () => {
    createTimesheet(CONTRACT_ID, "2025-08");
    // 2025-08-01 is a Friday; 2025-08-11 is 山の日 (Mountain Day), a Monday.
    expect(cell(2, COLUMN.day)).toBe("金");
    expect(cell(3, COLUMN.day)).toBe("土");
    expect(cell(12, COLUMN.day)).toBe("月・祝 山の日");
    expect(cell(13, COLUMN.day)).toBe("火");
    expect(cell(1, COLUMN.day)).toBe("曜日・祝日");
  });

  it("in English for an English locale, and follows a date typed over", () => {
    gas.setLocale("en-US");
    createTimesheet(CONTRACT_ID, "2025-08");
    expect(cell(12, COLUMN.day)).toBe("Mon, holiday: Mountain Day");
    gas.activeSheet().write(2, COLUMN.date, "2025-08-11");
    edited(2, COLUMN.date);
    expect(cell(2, COLUMN.day)).toBe("Mon, holiday: Mountain Day");
  });

  it("totals the month's worked hours in the worked column's header", () => {
    createTimesheet(CONTRACT_ID, "2025-08");
    const sheet = gas.activeSheet();
    for (const [row, start, end, rest] of [
      [2, "0900", "1800", "60"],
      [3, "1000", "1930", "30"],
    ] as const) {
      sheet.write(row, COLUMN.start, start);
      sheet.write(row, COLUMN.end, end);
      sheet.write(row, COLUMN.breakMinutes, Number(rest));
      edited(row, COLUMN.breakMinutes);
    }
    expect([cell(2, COLUMN.worked), cell(3, COLUMN.worked)]).toEqual(["8:00", "9:00"]);
    expect(cell(1, COLUMN.worked)).toBe("実働（計 17:00）");
  });
});
