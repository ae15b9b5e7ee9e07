import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  isLeapYear,
  parseIsoDate,
  parseYearMonth,
  previousMonth,
  toDayNumber,
} from "./calendar";

describe("leap years and month lengths", () => {
  it("follows the Gregorian rule", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe("parseIsoDate", () => {
  it("accepts days that exist", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate("2025-12-31")).toEqual({ year: 2025, month: 12, day: 31 });
  });

  it.each([
    "2025-02-29",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-1-01",
    "2025/01/01",
    " 2025-01-01",
    "2025-01-01T00:00",
    "0000-01-01",
    "",
  ])("refuses %j", (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });

  it("refuses non-strings", () => {
    expect(parseIsoDate(20250101)).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });
});

describe("parseYearMonth", () => {
  it("accepts YYYY-MM with a real month only", () => {
    expect(parseYearMonth("2025-08")).toEqual({ year: 2025, month: 8 });
    expect(parseYearMonth("2025-13")).toBeNull();
    expect(parseYearMonth("2025-00")).toBeNull();
    expect(parseYearMonth("2025-8")).toBeNull();
    expect(parseYearMonth("2025-08-01")).toBeNull();
    expect(parseYearMonth(202508)).toBeNull();
  });

  it("steps back across a year", () => {
    expect(previousMonth({ year: 2025, month: 1 })).toEqual({ year: 2024, month: 12 });
    expect(previousMonth({ year: 2025, month: 8 })).toEqual({ year: 2025, month: 7 });
  });
});

describe("day numbers", () => {
  it("count from 1970-01-01", () => {
    expect(toDayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(toDayNumber({ year: 2000, month: 3, day: 1 })).toBe(11017);
    expect(toDayNumber({ year: 1969, month: 12, day: 31 })).toBe(-1);
  });

  it("agree with Date.UTC and round-trip", () => {
    const dates = fc
      .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) })
      .chain(({ year, month }) =>
        fc.integer({ min: 1, max: daysInMonth(year, month) }).map((day) => ({ year, month, day })),
      );
    fc.assert(
      fc.property(dates, (date) => {
        const utc = new Date(0);
        utc.setUTCFullYear(date.year, date.month - 1, date.day);
        expect(toDayNumber(date)).toBe(Math.floor(utc.getTime() / 86_400_000));
        expect(fromDayNumber(toDayNumber(date))).toEqual(date);
        expect(parseIsoDate(formatIsoDate(date))).toEqual(date);
      }),
    );
  });

  it("addDays crosses months, years and leap days", () => {
    expect(formatIsoDate(addDays({ year: 2024, month: 2, day: 28 }, 1))).toBe("2024-02-29");
    expect(formatIsoDate(addDays({ year: 2025, month: 2, day: 28 }, 1))).toBe("2025-03-01");
    expect(formatIsoDate(addDays({ year: 2024, month: 12, day: 31 }, 1))).toBe("2025-01-01");
  });
});
