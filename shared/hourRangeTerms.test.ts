import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate, fromDayNumber, toDayNumber } from "./calendar";
import {
  defaultFirstTermsMonth,
  defaultTermsMonths,
  monthTermsContractIssues,
  termsForMonth,
  validateHourRangeTerms,
} from "./hourRangeTerms";
import { quoteOf } from "./testing";
import type { MonthlyRangeCostCategory, MonthTerms } from "./types";

const seedContract = { period: { start: "2025-07-26", end: "2025-09-25" }, closingDay: 25 };

const ses = (months?: MonthTerms[]): MonthlyRangeCostCategory => ({
  id: "ses",
  name: "月額固定",
  type: "monthlyRange",
  monthlyFee: 1000000,
  lowerHours: 100,
  upperHours: 120,
  excessRate: 8000,
  deductionRate: 10000,
  ...(months === undefined ? {} : { months }),
});

const terms = (month: string, monthlyFee = 1000000, lowerHours = 100, upperHours = 120) => ({
  month,
  monthlyFee,
  lowerHours,
  upperHours,
});

describe("per-month terms against the contract (月毎の単価)", () => {
  it("the seed: August and September pass, July is refused with the allowed months", () => {
    expect(
      validateHourRangeTerms(ses([terms("2025-08"), terms("2025-09", 900000)]), seedContract),
    ).toEqual([]);
    const issues = validateHourRangeTerms(ses([terms("2025-07"), terms("2025-08")]), seedContract);
    expect(issues).toEqual([
      {
        path: "costCategories.0.months.0.month",
        code: "month_not_working_month",
        message:
          "2025-07 is not a working month of this contract: with closing day 25 its working months are 2025-08, 2025-09",
        messageJa:
          "2025-07 はこの契約の稼働月ではありません。締め日が25日の場合、稼働月は 2025-08, 2025-09 です",
      },
    ]);
  });

  it("says month-end closing and shortens a long list to its ends", () => {
    const contract = { period: { start: "2025-04-01", end: "2026-03-31" }, closingDay: 31 };
    const [issue] = monthTermsContractIssues([{ month: "2026-04" }], contract);
    expect(issue?.message).toBe(
      "2026-04 is not a working month of this contract: with month-end closing its working months are 2025-04 to 2026-03",
    );
    expect(issue?.messageJa).toContain("末日締めの場合、稼働月は 2025-04 から 2026-03 まで です");
  });

  it("a change of conditions refuses months before it takes effect", () => {
    const contract = { ...seedContract, effectiveFrom: "2025-09" };
    const issues = monthTermsContractIssues([{ month: "2025-08" }, { month: "2025-09" }], contract);
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [
        "months.0.month",
        "2025-08 is before 2025-09, the month these conditions take effect: use one of 2025-09",
      ],
    ]);
    expect(defaultTermsMonths(contract)).toEqual(["2025-09"]);
  });

  it("keeps the engine's shape checks: half hours, lower <= upper, unique, at most 6", () => {
    const bad = ses([
      terms("2025-08", 1000000, 100.4, 120),
      terms("2025-09", 1000000, 130, 120),
      terms("2025-09"),
    ]);
    const codes = validateHourRangeTerms(bad, seedContract, "conditions.costCategories.0").map(
      (issue) => [issue.path, issue.code],
    );
    expect(codes).toEqual([
      ["conditions.costCategories.0.months.0.lowerHours", "invalid_range_hours"],
      ["conditions.costCategories.0.months.1.lowerHours", "range_lower_above_upper"],
      ["conditions.costCategories.0.months.2.month", "duplicate_terms_month"],
    ]);
    const contract = { period: { start: "2025-01-01", end: "2025-12-31" }, closingDay: 31 };
    const seven = ses(["01", "02", "03", "04", "05", "06", "07"].map((mm) => terms(`2025-${mm}`)));
    expect(validateHourRangeTerms(seven, contract).map((issue) => issue.code)).toEqual([
      "too_many_month_terms",
    ]);
  });

  it("refuses another type and payment-notice billing", () => {
    const monthly = { id: "fix", type: "monthly", monthlyFee: 300000, months: [] };
    expect(validateHourRangeTerms(monthly, seedContract).map((issue) => issue.path)).toEqual([
      "costCategories.0.type",
    ]);
    const issues = validateHourRangeTerms(ses(), { ...seedContract, billingMode: "paymentNotice" });
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["billingMode", "range_requires_invoice_billing"],
    ]);
  });

  it("defaults to the working month of the service start, not its calendar month", () => {
    expect(defaultFirstTermsMonth(seedContract.period, 25)).toBe("2025-08");
    const long = { period: { start: "2025-05-15", end: "2026-07-31" }, closingDay: 31 };
    expect(defaultTermsMonths(long)).toEqual([
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
    ]);
  });

  it("every default month passes the check", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(5, 15, 25, 28, 31),
        (startOffset, length, closingDay) => {
          const first = toDayNumber({ year: 2025, month: 1, day: 1 }) + startOffset;
          const start = formatIsoDate(fromDayNumber(first));
          const end = formatIsoDate(fromDayNumber(first + length));
          const contract = { period: { start, end }, closingDay };
          const months = defaultTermsMonths(contract).map((month) => terms(month));
          expect(months.length).toBeGreaterThan(0);
          expect(months.length).toBeLessThanOrEqual(6);
          expect(validateHourRangeTerms(ses(months), contract)).toEqual([]);
        },
      ),
    );
  });
});

describe("terms of a month (基準条件 after the listed months)", () => {
  const category = ses([terms("2025-05", 900000, 90, 110), terms("2025-06")]);

  it("a listed month uses its terms, any other month the base terms", () => {
    expect(termsForMonth(category, "2025-05")).toEqual({
      source: "month",
      month: "2025-05",
      monthlyFee: 900000,
      lowerHours: 90,
      upperHours: 110,
      excessRate: 8000,
      deductionRate: 10000,
    });
    expect(termsForMonth(category, "2025-08")).toEqual({
      source: "base",
      month: null,
      monthlyFee: 1000000,
      lowerHours: 100,
      upperHours: 120,
      excessRate: 8000,
      deductionRate: 10000,
    });
  });

  it("agrees with the quote for listed months and for renewed months after them", () => {
    for (const month of ["2025-05", "2025-06", "2025-08", "2026-01"]) {
      const quote = quoteOf({ month, costCategories: [category], entries: [] });
      expect(quote.lines[0]?.appliedTerms).toEqual(termsForMonth(category, month));
    }
  });
});
