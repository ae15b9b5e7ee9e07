import { describe, expect, it } from "vitest";
import { IssueCode } from "./issues";
import { quote } from "./quote";
import { issuesOf, quoteOf } from "./testing";
import type { QuoteRequest, WorkEntry } from "./types";

/** 2025-08 closing on the 25th (2025-07-26..2025-08-25) with one category of each type. */
function month(entries: unknown[]): QuoteRequest {
  return {
    month: "2025-08",
    closingDay: 25,
    costCategories: [
      { id: "dev", type: "hourly", unitPrice: 5000 },
      { id: "sup", type: "quantity", unitPrice: 4500 },
      { id: "fix", type: "monthly", monthlyFee: 300000 },
    ],
    entries: entries as WorkEntry[],
  };
}

const dev = (date: string, start: unknown, end: unknown, extra: Record<string, unknown> = {}) => ({
  date,
  costCategoryId: "dev",
  start,
  end,
  ...extra,
});

describe("overlapping entries", () => {
  it("13:00-14:00 after 12:00-13:00 is fine", () => {
    expect(
      quote(month([dev("2025-08-01", "1200", "1300"), dev("2025-08-01", "1300", "1400")])).ok,
    ).toBe(true);
  });

  it("are refused across categories, naming both entries and their times", () => {
    const issues = issuesOf(
      month([
        dev("2025-08-01", "1200", "1300"),
        { date: "2025-08-03", costCategoryId: "fix", start: "0900", end: "1200" },
        dev("2025-08-03", "1130", "1230"),
      ]),
    );
    expect(issues).toEqual([
      {
        path: "entries.2.start",
        code: IssueCode.OVERLAPPING_ENTRIES,
        message:
          "Entry 3 (2025-08-03) 11:30-12:30 overlaps entry 2 09:00-12:00 on the same date; times on one date must not overlap",
        messageJa:
          "3件目 (2025-08-03) 11:30〜12:30 は 2件目 (2025-08-03) 09:00〜12:00 と時間が重なっています。同じ日の業務時間は重ならないようにしてください",
      },
    ]);
  });

  it("the same times on different dates do not overlap, even past midnight", () => {
    expect(
      quote(month([dev("2025-08-01", "2200", "2600"), dev("2025-08-02", "0100", "0300")])).ok,
    ).toBe(true);
  });

  it("reports each overlapping entry, whatever the order given", () => {
    const issues = issuesOf(
      month([
        dev("2025-08-05", "1000", "1100"),
        dev("2025-08-05", "0900", "1800"),
        dev("2025-08-05", "1400", "1500"),
        dev("2025-08-06", "0900", "1000"),
      ]),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      "entries.0.start",
      "entries.2.start",
    ]);
    expect(issues.every((issue) => issue.message.includes("entry 2 09:00-18:00"))).toBe(true);
  });

  it("checks 10,000 entries with one sort, not pair by pair", () => {
    const entries: unknown[] = [];
    for (let i = 0; i < 10000; i++) {
      const day = (i % 31) + 1;
      const slot = Math.floor(i / 31) * 8;
      const start = `${String(Math.floor(slot / 60)).padStart(2, "0")}${String(slot % 60).padStart(2, "0")}`;
      const endMinutes = slot + 5;
      const end = `${String(Math.floor(endMinutes / 60)).padStart(2, "0")}${String(endMinutes % 60).padStart(2, "0")}`;
      entries.push(dev(`2025-08-${String(day).padStart(2, "0")}`, start, end));
    }
    const request = { ...month(entries), closingDay: 31 };
    expect(quoteOf(request).lines[0]?.minutes).toBe(50000);
    entries.push(dev("2025-08-31", "0001", "0002"));
    expect(issuesOf(request).map((issue) => issue.path)).toEqual(["entries.10000.start"]);
  });
});
