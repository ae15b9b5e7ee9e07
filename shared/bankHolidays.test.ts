import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankHolidayPredicate, dayOfWeek, isWeekend, isYearEndHoliday } from "./bankHolidays";
import { formatIsoDate, fromDayNumber } from "./calendar";

describe("bank holidays (銀行休業日)", () => {
  it("knows the day of the week", () => {
    expect(dayOfWeek("1970-01-01")).toBe(4);
    expect(dayOfWeek("2025-08-31")).toBe(0);
    expect(isWeekend("2025-08-30")).toBe(true);
    expect(isWeekend("2025-08-29")).toBe(false);
  });

  it("agrees with the UTC calendar for any day", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (days) => {
        const iso = formatIsoDate(fromDayNumber(days));
        expect(dayOfWeek(iso)).toBe(new Date(days * 86_400_000).getUTCDay());
      }),
    );
  });

  it("closes 12/31 to 1/3 only", () => {
    for (const date of ["2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03"]) {
      expect(isYearEndHoliday(date)).toBe(true);
    }
    for (const date of ["2025-12-30", "2026-01-04"]) expect(isYearEndHoliday(date)).toBe(false);
  });

  it("combines weekends, year end and the given national holidays", () => {
    const closed = bankHolidayPredicate(new Set(["2025-09-15"]));
    expect(closed("2025-09-15")).toBe(true); // 敬老の日, a Monday
    expect(closed("2025-09-13")).toBe(true);
    expect(closed("2025-12-31")).toBe(true);
    expect(closed("2025-09-16")).toBe(false);
  });

  it("refuses a date that does not exist", () => {
    expect(() => isWeekend("2025-02-30")).toThrow(RangeError);
  });
});
