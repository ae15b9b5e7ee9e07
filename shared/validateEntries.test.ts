import { describe, expect, it } from "vitest";
import { IssueCode } from "./issues";
import { quote } from "./quote";
import { issueCodes, issuesOf, quoteOf } from "./testing";
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

describe("entry dates", () => {
  it("must lie inside the working month's period, both ends included", () => {
    expect(
      quote(month([dev("2025-07-26", "0900", "1000"), dev("2025-08-25", "0900", "1000")])).ok,
    ).toBe(true);
    const issues = issuesOf(
      month([dev("2025-07-25", "0900", "1000"), dev("2025-08-26", "0900", "1000")]),
    );
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["entries.0.date", IssueCode.DATE_OUTSIDE_PERIOD],
      ["entries.1.date", IssueCode.DATE_OUTSIDE_PERIOD],
    ]);
    expect(issues[1]?.message).toBe(
      "Entry 2 (2025-08-26) is outside the working month 2025-08 (2025-07-26 to 2025-08-25): record it in the month it belongs to",
    );
    expect(issues[1]?.messageJa).toBe(
      "2件目 (2025-08-26) は稼働月 2025-08（2025-07-26〜2025-08-25）の期間外です。該当する稼働月に登録してください",
    );
  });

  it("January closing on the 25th starts on 26 December of the year before", () => {
    const january = { ...month([dev("2024-12-26", "0900", "1000")]), month: "2025-01" };
    expect(quoteOf(january).period).toEqual({ from: "2024-12-26", to: "2025-01-25" });
    expect(issueCodes({ ...january, entries: [dev("2024-12-25", "0900", "1000")] })).toEqual({
      "entries.0.date": IssueCode.DATE_OUTSIDE_PERIOD,
    });
  });

  it("29 February exists in 2024 only", () => {
    const leap = {
      ...month([dev("2024-02-29", "0900", "1000")]),
      month: "2024-02",
      closingDay: 31,
    };
    expect(quote(leap).ok).toBe(true);
    const common = {
      ...month([dev("2025-02-29", "0900", "1000")]),
      month: "2025-02",
      closingDay: 31,
    };
    expect(issueCodes(common)).toEqual({ "entries.0.date": IssueCode.INVALID_DATE });
  });

  it("must be real YYYY-MM-DD dates", () => {
    const issues = issuesOf(
      month([
        dev("2025-08-32", "0900", "1000"),
        dev("2025/08/01", "0900", "1000"),
        { costCategoryId: "dev", start: "0900", end: "1000" },
      ]),
    );
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["entries.0.date", IssueCode.INVALID_DATE],
      ["entries.1.date", IssueCode.INVALID_DATE],
      ["entries.2.date", IssueCode.REQUIRED],
    ]);
    expect(issues[0]?.message).toContain('date "2025-08-32" is not a real date: use YYYY-MM-DD');
  });
});

describe("entry categories", () => {
  it("an unknown costCategoryId names the allowed ones", () => {
    const issues = issuesOf(
      month([{ date: "2025-08-01", costCategoryId: "ops", start: "0900", end: "1000" }]),
    );
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["entries.0.costCategoryId", IssueCode.UNKNOWN_COST_CATEGORY],
    ]);
    expect(issues[0]?.message).toContain("dev, sup, fix");
  });

  it("entries that are not objects are refused one by one", () => {
    expect(issueCodes(month([dev("2025-08-01", "0900", "1000"), "x", null]))).toEqual({
      "entries.1": IssueCode.INVALID_TYPE,
      "entries.2": IssueCode.INVALID_TYPE,
    });
    expect(issueCodes({ ...month([]), entries: "none" })).toEqual({
      entries: IssueCode.INVALID_TYPE,
    });
  });
});

describe("entry times", () => {
  it("accept 820, 0820, 08:20, numbers, and hours past midnight up to 47:59", () => {
    const result = quoteOf(
      month([
        dev("2025-08-01", "820", "0920"),
        dev("2025-08-02", "08:20", 920),
        dev("2025-08-03", "2200", "2630"),
        dev("2025-08-04", "0000", "4759"),
      ]),
    );
    expect(result.lines[0]?.minutes).toBe(60 + 60 + 270 + 2879);
  });

  it("take stored minutes as they are: startMinutes and endMinutes, never reparsed as HHMM", () => {
    const stored = {
      date: "2025-08-01",
      costCategoryId: "dev",
      startMinutes: 540,
      endMinutes: 1590,
    };
    expect(quoteOf(month([stored])).lines[0]?.minutes).toBe(1590 - 540);
    // 900 minutes is 15:00, not the HHMM 09:00 a number given as `start` would mean.
    const late = { date: "2025-08-02", costCategoryId: "dev", startMinutes: 900, endMinutes: 960 };
    expect(quoteOf(month([late])).lines[0]?.minutes).toBe(60);
  });

  it.each([-1, 2880, 8.5, "540"])("refuse startMinutes %j, naming the field", (bad) => {
    const entry = { date: "2025-08-03", costCategoryId: "dev", startMinutes: bad, endMinutes: 600 };
    const issues = issuesOf(month([entry]));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["entries.0.startMinutes", IssueCode.INVALID_TIME],
    ]);
    expect(issues[0]?.messageJa).toContain("0〜2879");
  });

  it.each(["4800", "0860", "8:2", "abc", "", "9", 8.5, true])(
    "refuse %j with the allowed forms",
    (bad) => {
      const issues = issuesOf(month([dev("2025-08-03", bad, "1000")]));
      expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
        ["entries.0.start", IssueCode.INVALID_TIME],
      ]);
      expect(issues[0]?.message).toContain("hours 0-47 and minutes 0-59");
      expect(issues[0]?.messageJa).toContain("1件目 (2025-08-03): 開始");
    },
  );

  it("end must be after start, named with both times", () => {
    const issues = issuesOf(
      month([
        dev("2025-08-01", "0900", "1000"),
        dev("2025-08-02", "0900", "1000"),
        dev("2025-08-02", "1100", "1200"),
        dev("2025-08-03", "0900", "0800"),
      ]),
    );
    expect(issues).toEqual([
      {
        path: "entries.3.end",
        code: IssueCode.END_NOT_AFTER_START,
        message:
          "Entry 4 (2025-08-03): end 08:00 must be after start 09:00 (for work past midnight use hours up to 47, such as 2630 for 02:30)",
        messageJa:
          "4件目 (2025-08-03): 終了 08:00 は開始 09:00 より後にしてください（日をまたぐ場合は 2630 のように 47 時まで入力できます）",
      },
    ]);
    expect(issueCodes(month([dev("2025-08-03", "0900", "0900")]))).toEqual({
      "entries.0.end": IssueCode.END_NOT_AFTER_START,
    });
  });

  it("break must be whole minutes, 0 or more, shorter than the span", () => {
    expect(
      quoteOf(month([dev("2025-08-01", "0900", "1000", { breakMinutes: 59 })])).lines[0]?.minutes,
    ).toBe(1);
    const codes = issueCodes(
      month([
        dev("2025-08-01", "0900", "1000", { breakMinutes: 60 }),
        dev("2025-08-02", "0900", "1000", { breakMinutes: -1 }),
        dev("2025-08-03", "0900", "1000", { breakMinutes: 1.5 }),
        dev("2025-08-04", "0900", "1000", { breakMinutes: "10" }),
      ]),
    );
    expect(codes).toEqual({
      "entries.0.breakMinutes": IssueCode.BREAK_NOT_SHORTER_THAN_SPAN,
      "entries.1.breakMinutes": IssueCode.INVALID_BREAK,
      "entries.2.breakMinutes": IssueCode.INVALID_BREAK,
      "entries.3.breakMinutes": IssueCode.INVALID_BREAK,
    });
  });

  it("hourly and monthly entries need start and end; skipHours only for monthly types", () => {
    const codes = issueCodes(
      month([
        { date: "2025-08-01", costCategoryId: "dev" },
        { date: "2025-08-02", costCategoryId: "fix", start: "0900" },
        { date: "2025-08-03", costCategoryId: "dev", skipHours: true, start: "0900", end: "1000" },
        { date: "2025-08-04", costCategoryId: "sup", skipHours: true, quantity: 1 },
        { date: "2025-08-05", costCategoryId: "fix", skipHours: true, start: "0900", end: "1000" },
        { date: "2025-08-06", costCategoryId: "fix", skipHours: "yes" },
      ]),
    );
    expect(codes).toEqual({
      "entries.0.start": IssueCode.TIME_REQUIRED,
      "entries.0.end": IssueCode.TIME_REQUIRED,
      "entries.1.end": IssueCode.TIME_REQUIRED,
      "entries.2.skipHours": IssueCode.SKIP_HOURS_NOT_ALLOWED,
      "entries.3.skipHours": IssueCode.SKIP_HOURS_NOT_ALLOWED,
      "entries.4.start": IssueCode.TIMES_NOT_ALLOWED,
      "entries.4.end": IssueCode.TIMES_NOT_ALLOWED,
      "entries.5.skipHours": IssueCode.INVALID_TYPE,
      "entries.5.start": IssueCode.TIME_REQUIRED,
      "entries.5.end": IssueCode.TIME_REQUIRED,
    });
  });

  it("details are at most 1,000 characters (counted as characters, not UTF-16 units)", () => {
    const ok = (details: string) =>
      quote(month([dev("2025-08-01", "0900", "1000", { details })])).ok;
    expect(ok("あ".repeat(1000))).toBe(true);
    expect(ok("😀".repeat(1000))).toBe(true);
    expect(ok("あ".repeat(1001))).toBe(false);
    expect(issueCodes(month([dev("2025-08-01", "0900", "1000", { details: 5 })]))).toEqual({
      "entries.0.details": IssueCode.DETAILS_TOO_LONG,
    });
  });
});

describe("quantity entries", () => {
  const sup = (quantity: unknown, extra: Record<string, unknown> = {}) => ({
    date: "2025-08-02",
    costCategoryId: "sup",
    quantity,
    ...extra,
  });

  it("need a quantity above 0 with at most two decimals", () => {
    expect(quoteOf(month([sup(2.5), sup(0.01)])).lines[1]).toMatchObject({
      quantity: 2.51,
      amount: 11295,
    });
    const issues = issuesOf(month([sup(1.005), sup(0), sup(-1), sup("2"), sup(undefined)]));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["entries.0.quantity", IssueCode.INVALID_QUANTITY],
      ["entries.1.quantity", IssueCode.INVALID_QUANTITY],
      ["entries.2.quantity", IssueCode.INVALID_QUANTITY],
      ["entries.3.quantity", IssueCode.INVALID_QUANTITY],
      ["entries.4.quantity", IssueCode.QUANTITY_REQUIRED],
    ]);
    expect(issues[0]?.message).toBe(
      "Entry 1 (2025-08-02): quantity 1.005 is not allowed: use a number above 0 with at most two decimals, such as 2.5",
    );
  });

  it("take no times, and other types take no quantity", () => {
    expect(
      issueCodes(
        month([
          sup(1, { start: "0900", end: "1000", breakMinutes: 10 }),
          dev("2025-08-03", "0900", "1000", { quantity: 1 }),
        ]),
      ),
    ).toEqual({
      "entries.0.start": IssueCode.TIMES_NOT_ALLOWED,
      "entries.0.end": IssueCode.TIMES_NOT_ALLOWED,
      "entries.0.breakMinutes": IssueCode.TIMES_NOT_ALLOWED,
      "entries.1.quantity": IssueCode.QUANTITY_NOT_ALLOWED,
    });
    expect(quote(month([sup(1, { breakMinutes: 0, skipHours: false })])).ok).toBe(true);
  });
});
