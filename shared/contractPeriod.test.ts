import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate, fromDayNumber, parseYearMonth, toDayNumber } from "./calendar";
import {
  firstWorkingMonth,
  lastWorkingMonth,
  partialWorkingMonths,
  validateContractPeriod,
  workingMonthOfDate,
  workingMonthsOf,
} from "./contractPeriod";
import { periodDayRange, workingMonthPeriod } from "./workingMonth";

const closingDays = fc.constantFrom(1, 10, 15, 25, 28, 31);
/** Day numbers from 2020-01-01 over about eight years. */
const dayNumbers = fc.integer({ min: 18262, max: 18262 + 3000 });

function days(month: string, closingDay: number) {
  const parsed = parseYearMonth(month);
  if (parsed === null) throw new Error(month);
  return periodDayRange(workingMonthPeriod(parsed, closingDay));
}

describe("working months of a contract (稼働月)", () => {
  it("the seed's example: 2025-07-26..2025-09-25 closing on the 25th is August and September", () => {
    const period = { start: "2025-07-26", end: "2025-09-25" };
    expect(workingMonthsOf(period, 25)).toEqual(["2025-08", "2025-09"]);
    expect(firstWorkingMonth(period, 25)).toBe("2025-08");
    expect(lastWorkingMonth(period, 25)).toBe("2025-09");
  });

  it.each([
    ["2025-07-25", 25, "2025-07"],
    ["2025-07-26", 25, "2025-08"],
    ["2025-12-26", 25, "2026-01"],
    ["2025-07-31", 31, "2025-07"],
    ["2025-03-01", 28, "2025-03"],
    ["2025-02-28", 28, "2025-02"],
    ["2024-02-29", 28, "2024-03"],
    ["2025-01-02", 1, "2025-02"],
  ])("%s with closing day %i is in %s", (date, closingDay, month) => {
    expect(workingMonthOfDate(date, closingDay)).toBe(month);
  });

  it("a partial month at either end still counts, and a year boundary is crossed", () => {
    expect(workingMonthsOf({ start: "2025-11-10", end: "2026-01-05" }, 31)).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
    ]);
    expect(workingMonthsOf({ start: "2025-12-20", end: "2025-12-30" }, 25)).toEqual([
      "2025-12",
      "2026-01",
    ]);
    expect(workingMonthsOf({ start: "2025-08-01", end: "2025-08-01" }, 25)).toEqual(["2025-08"]);
  });

  it("lists exactly the working months whose period shares a day with the contract", () => {
    fc.assert(
      fc.property(dayNumbers, fc.integer({ min: 0, max: 800 }), closingDays, (from, length, d) => {
        const period = {
          start: formatIsoDate(fromDayNumber(from)),
          end: formatIsoDate(fromDayNumber(from + length)),
        };
        const months = workingMonthsOf(period, d);
        for (const month of months) {
          const range = days(month, d);
          expect(range.first <= from + length && range.last >= from).toBe(true);
        }
        // The start is in the first month, the end in the last, and they are consecutive.
        expect(days(months[0] ?? "", d).first).toBeLessThanOrEqual(from);
        expect(days(months.at(-1) ?? "", d).last).toBeGreaterThanOrEqual(from + length);
        for (let i = 1; i < months.length; i++) {
          expect(days(months[i] ?? "", d).first).toBe(days(months[i - 1] ?? "", d).last + 1);
        }
      }),
    );
  });

  it("refuses what it cannot compute", () => {
    expect(() => workingMonthsOf({ start: "2025-09-01", end: "2025-08-01" }, 25)).toThrow(
      RangeError,
    );
    expect(() => workingMonthsOf({ start: "2025-02-30", end: "2025-03-01" }, 25)).toThrow(
      RangeError,
    );
    expect(() => workingMonthsOf({ start: "2025-08-01", end: "2025-09-01" }, 30)).toThrow(
      RangeError,
    );
  });
});

describe("contract period validation (契約期間)", () => {
  it("accepts real dates in order, a single day included", () => {
    const check = validateContractPeriod({ start: "2025-07-26", end: "2025-09-25" });
    expect(check.ok).toBe(true);
    expect(validateContractPeriod({ start: "2025-08-01", end: "2025-08-01" }).ok).toBe(true);
    if (check.ok) expect(toDayNumber(check.end) - toDayNumber(check.start)).toBe(61);
  });

  it("names each field at fault, with the caller's paths", () => {
    const check = validateContractPeriod(
      { start: "2025-02-30", end: undefined },
      { start: "startDate", end: "endDate" },
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["startDate", "invalid_date"],
      ["endDate", "required"],
    ]);
    expect(check.issues[0]?.message).toBe(
      'The contract\'s start date "2025-02-30" is not a date: use YYYY-MM-DD, such as 2025-07-26',
    );
  });

  it("refuses an end before the start", () => {
    const check = validateContractPeriod({ start: "2025-09-25", end: "2025-07-26" });
    expect(check).toEqual({
      ok: false,
      issues: [
        {
          path: "end",
          code: "end_before_start",
          message:
            "The contract ends on 2025-07-26 before it starts on 2025-09-25: the end date must be on or after the start date",
          messageJa:
            "契約期間の終了日 2025-07-26 が開始日 2025-09-25 より前です。終了日は開始日以降にしてください",
        },
      ],
    });
  });
});

describe("partialWorkingMonths", () => {
  it("names the months a contract covers only in part, with its dates in them", () => {
    // 12/1..5/31 closing on the 25th: 2026-12 from 12/1 (not 11/26), 2027-06 for 5/26..5/31.
    expect(partialWorkingMonths({ start: "2026-12-01", end: "2027-05-31" }, 25)).toEqual([
      { month: "2026-12", from: "2026-12-01", to: "2026-12-25" },
      { month: "2027-06", from: "2027-05-26", to: "2027-05-31" },
    ]);
    // Aligned with the closing day, or month-end closing over whole months: none.
    expect(partialWorkingMonths({ start: "2025-07-26", end: "2025-09-25" }, 25)).toEqual([]);
    expect(partialWorkingMonths({ start: "2026-12-01", end: "2027-05-31" }, 31)).toEqual([]);
  });
});
