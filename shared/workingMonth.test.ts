import { describe, expect, it } from "vitest";
import { parseYearMonth } from "./calendar";
import { formatPeriod, isClosingDay, workingMonthPeriod } from "./workingMonth";

function period(month: string, closingDay: number) {
  const parsed = parseYearMonth(month);
  if (parsed === null) throw new Error(month);
  return formatPeriod(workingMonthPeriod(parsed, closingDay));
}

describe("working month (稼働月)", () => {
  it.each([
    ["2025-08", 25, "2025-07-26", "2025-08-25"],
    ["2025-01", 25, "2024-12-26", "2025-01-25"],
    ["2025-03", 1, "2025-02-02", "2025-03-01"],
    ["2025-01", 1, "2024-12-02", "2025-01-01"],
    ["2025-03", 28, "2025-03-01", "2025-03-28"],
    ["2024-03", 28, "2024-02-29", "2024-03-28"],
    ["2025-02", 28, "2025-01-29", "2025-02-28"],
    ["2024-02", 31, "2024-02-01", "2024-02-29"],
    ["2025-02", 31, "2025-02-01", "2025-02-28"],
    ["2025-04", 31, "2025-04-01", "2025-04-30"],
    ["2025-12", 31, "2025-12-01", "2025-12-31"],
    ["2025-08", 15, "2025-07-16", "2025-08-15"],
  ])("%s closing on day %i runs %s to %s", (month, closingDay, from, to) => {
    expect(period(month, closingDay)).toEqual({ from, to });
  });

  it("leaves no gap and no overlap between consecutive months", () => {
    for (const closingDay of [1, 10, 25, 28, 31]) {
      for (let m = 1; m <= 24; m++) {
        const year = 2024 + Math.floor((m - 1) / 12);
        const month = ((m - 1) % 12) + 1;
        const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
        const a = workingMonthPeriod({ year, month }, closingDay);
        const b = workingMonthPeriod(next, closingDay);
        const dayAfter = new Date(Date.UTC(a.to.year, a.to.month - 1, a.to.day + 1));
        expect([
          dayAfter.getUTCFullYear(),
          dayAfter.getUTCMonth() + 1,
          dayAfter.getUTCDate(),
        ]).toEqual([b.from.year, b.from.month, b.from.day]);
      }
    }
  });

  it("accepts closing days 1..28 and 31 only", () => {
    for (let day = 1; day <= 28; day++) expect(isClosingDay(day)).toBe(true);
    expect(isClosingDay(31)).toBe(true);
    for (const day of [0, 29, 30, 32, 25.5, -1, "25"]) expect(isClosingDay(day)).toBe(false);
    expect(() => workingMonthPeriod({ year: 2025, month: 8 }, 30)).toThrow(RangeError);
  });
});
