import { describe, expect, it } from "vitest";
import { IssueCode } from "./issues";
import { quote } from "./quote";
import { hourlyRequest, issueCodes, issuesOf } from "./testing";
import type { MonthlyRangeCostCategory } from "./types";
import { validateQuoteRequest } from "./validate";

describe("the request as a whole", () => {
  it.each([null, [], "x", 42])("refuses %j without throwing", (body) => {
    expect(issuesOf(body)).toEqual([
      expect.objectContaining({ path: "", code: IssueCode.INVALID_REQUEST }),
    ]);
  });

  it("reports every problem at once, each in English and Japanese", () => {
    const issues = issuesOf({
      month: "2025-13",
      closingDay: 30,
      settlementUnit: 20,
      costCategories: [{ id: "dev", type: "hourly", unitPrice: -1 }],
      entries: [{ date: "2025-08-01", costCategoryId: "dev", start: "0900", end: "0800" }],
      consumptionTax: { rate: 10.5, rounding: "up" },
      withholding: { base: "gross" },
      partner: { kind: "person", nonResident: "no" },
    });
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["month", IssueCode.INVALID_MONTH],
      ["closingDay", IssueCode.INVALID_CLOSING_DAY],
      ["settlementUnit", IssueCode.INVALID_SETTLEMENT_UNIT],
      ["partner.kind", IssueCode.INVALID_VALUE],
      ["partner.nonResident", IssueCode.INVALID_TYPE],
      ["consumptionTax.rate", IssueCode.INVALID_TAX_RATE],
      ["consumptionTax.rounding", IssueCode.INVALID_VALUE],
      ["withholding.base", IssueCode.INVALID_VALUE],
      ["costCategories.0.unitPrice", IssueCode.INVALID_AMOUNT],
      ["entries.0.end", IssueCode.END_NOT_AFTER_START],
    ]);
    for (const issue of issues) {
      expect(issue.message.length).toBeGreaterThan(10);
      expect(issue.messageJa).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
  });

  it("names what is allowed", () => {
    const byPath = Object.fromEntries(
      issuesOf({
        ...hourlyRequest(),
        closingDay: 29,
        settlementUnit: 45,
        withholding: { base: "x" },
      }).map((issue) => [issue.path, issue]),
    );
    expect(byPath.closingDay?.message).toContain("1 to 28, or 31");
    expect(byPath.closingDay?.messageJa).toContain("1〜28");
    expect(byPath.settlementUnit?.message).toContain("0 (none), 15, 30 or 60");
    expect(byPath["withholding.base"]?.message).toContain("includingTax, excludingTax");
  });

  it("validateQuoteRequest is exported for checking without quoting", () => {
    expect(validateQuoteRequest(hourlyRequest()).ok).toBe(true);
    expect(validateQuoteRequest({}).ok).toBe(false);
  });
});

describe("month, closing day, settlement unit", () => {
  it("month is required and must be a real YYYY-MM", () => {
    const { month: _, ...noMonth } = hourlyRequest();
    expect(issueCodes(noMonth)).toMatchObject({ month: IssueCode.REQUIRED });
    for (const month of ["2025-8", "2025-00", "2025/08", "Aug 2025", 202508]) {
      expect(issueCodes(hourlyRequest({ month: month as string, entries: [] }))).toEqual({
        month: IssueCode.INVALID_MONTH,
      });
    }
  });

  it("closing day is 1..28 or 31", () => {
    for (const closingDay of [1, 15, 28, 31]) {
      expect(quote(hourlyRequest({ closingDay, entries: [] })).ok).toBe(true);
    }
    for (const closingDay of [0, 29, 30, 32, 25.5, "25"]) {
      expect(issueCodes(hourlyRequest({ closingDay: closingDay as number }))).toEqual({
        closingDay: IssueCode.INVALID_CLOSING_DAY,
      });
    }
  });

  it("settlement unit is 0, 15, 30 or 60", () => {
    for (const unit of [0, 15, 30, 60] as const) {
      expect(quote(hourlyRequest({ settlementUnit: unit })).ok).toBe(true);
    }
    for (const unit of [10, 45, -30, "30"]) {
      expect(issueCodes(hourlyRequest({ settlementUnit: unit as 30 }))).toEqual({
        settlementUnit: IssueCode.INVALID_SETTLEMENT_UNIT,
      });
    }
  });
});

describe("taxes, partner, extra items and expenses", () => {
  it("consumption tax rate is a whole percent 0..100", () => {
    expect(quote(hourlyRequest({ consumptionTax: { rate: 0 } })).ok).toBe(true);
    expect(quote(hourlyRequest({ consumptionTax: { rate: 100 } })).ok).toBe(true);
    for (const rate of [-1, 101, 10.5, "10"]) {
      expect(issueCodes(hourlyRequest({ consumptionTax: { rate: rate as number } }))).toEqual({
        "consumptionTax.rate": IssueCode.INVALID_TAX_RATE,
      });
    }
  });

  it("groups must be objects and switches booleans", () => {
    expect(
      issueCodes({
        ...hourlyRequest(),
        partner: "individual",
        consumptionTax: [],
        withholding: { enabled: "yes" },
      }),
    ).toEqual({
      partner: IssueCode.INVALID_TYPE,
      consumptionTax: IssueCode.INVALID_TYPE,
      "withholding.enabled": IssueCode.INVALID_TYPE,
    });
  });

  it("items need a name and whole yen, 0 or more", () => {
    const codes = issueCodes({
      ...hourlyRequest(),
      extraItems: [{ name: "", amount: 100 }, { name: "作業", amount: -1 }, { amount: 1.5 }, "x"],
      expenses: [
        { name: "交通費", amount: 2 ** 53 },
        { name: "宿泊", amount: "1000" },
      ],
    });
    expect(codes).toEqual({
      "extraItems.0.name": IssueCode.INVALID_NAME,
      "extraItems.1.amount": IssueCode.INVALID_AMOUNT,
      "extraItems.2.name": IssueCode.REQUIRED,
      "extraItems.2.amount": IssueCode.INVALID_AMOUNT,
      "extraItems.3": IssueCode.INVALID_TYPE,
      "expenses.0.amount": IssueCode.INVALID_AMOUNT,
      "expenses.1.amount": IssueCode.INVALID_AMOUNT,
    });
    expect(issueCodes({ ...hourlyRequest(), expenses: { name: "x", amount: 1 } })).toEqual({
      expenses: IssueCode.INVALID_TYPE,
    });
  });
});

describe("cost categories", () => {
  const ses = (overrides: Record<string, unknown> = {}): MonthlyRangeCostCategory =>
    ({
      id: "ses",
      type: "monthlyRange",
      monthlyFee: 1000000,
      lowerHours: 100,
      upperHours: 120,
      excessRate: 8000,
      deductionRate: 10000,
      ...overrides,
    }) as MonthlyRangeCostCategory;
  const alone = (category: MonthlyRangeCostCategory) => ({
    month: "2025-08",
    costCategories: [category],
  });

  it("are required, at least one", () => {
    expect(issueCodes({ month: "2025-08" })).toEqual({ costCategories: IssueCode.REQUIRED });
    expect(issueCodes({ month: "2025-08", costCategories: [] })).toEqual({
      costCategories: IssueCode.NO_COST_CATEGORIES,
    });
    expect(issueCodes({ month: "2025-08", costCategories: {} })).toEqual({
      costCategories: IssueCode.INVALID_TYPE,
    });
  });

  it("need unique ids, a known type and their prices", () => {
    const codes = issueCodes({
      month: "2025-08",
      costCategories: [
        { id: "a", type: "hourly", unitPrice: 5000 },
        { id: "a", type: "quantity", unitPrice: 1.5 },
        { id: "", type: "monthly" },
        { id: "d", type: "daily", unitPrice: 1 },
        { type: "hourly", unitPrice: 1, name: "" },
        7,
      ],
    });
    expect(codes).toEqual({
      "costCategories.1.id": IssueCode.DUPLICATE_COST_CATEGORY_ID,
      "costCategories.1.unitPrice": IssueCode.INVALID_AMOUNT,
      "costCategories.2.id": IssueCode.INVALID_COST_CATEGORY_ID,
      "costCategories.2.monthlyFee": IssueCode.REQUIRED,
      "costCategories.3.type": IssueCode.INVALID_COST_CATEGORY_TYPE,
      "costCategories.4.id": IssueCode.REQUIRED,
      "costCategories.4.name": IssueCode.INVALID_NAME,
      "costCategories.5": IssueCode.INVALID_TYPE,
    });
    const duplicate = issuesOf({
      month: "2025-08",
      costCategories: [
        { id: "a", type: "hourly", unitPrice: 1 },
        { id: "a", type: "hourly", unitPrice: 1 },
      ],
    })[0];
    expect(duplicate?.message).toContain("already used by cost category 1");
  });

  it("a monthlyRange category must be alone", () => {
    const issues = issuesOf({
      month: "2025-08",
      costCategories: [{ id: "fix", type: "monthly", monthlyFee: 1 }, ses()],
    });
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["costCategories.1.type", IssueCode.MONTHLY_RANGE_NOT_ALONE],
    ]);
    expect(issues[0]?.messageJa).toContain("他の費目と一緒に登録できません");
  });

  it("range bounds are multiples of 0.5, lower <= upper (equal allowed)", () => {
    expect(quote(alone(ses({ lowerHours: 140.5, upperHours: 140.5 }))).ok).toBe(true);
    expect(
      quote(alone(ses({ lowerHours: 0, upperHours: 0, excessRate: 0, deductionRate: 0 }))).ok,
    ).toBe(true);
    expect(issueCodes(alone(ses({ lowerHours: 100.4, upperHours: 120.25 })))).toEqual({
      "costCategories.0.lowerHours": IssueCode.INVALID_RANGE_HOURS,
      "costCategories.0.upperHours": IssueCode.INVALID_RANGE_HOURS,
    });
    expect(issueCodes(alone(ses({ lowerHours: -0.5 })))).toEqual({
      "costCategories.0.lowerHours": IssueCode.INVALID_RANGE_HOURS,
    });
    const above = issuesOf(alone(ses({ lowerHours: 120.5, upperHours: 120 })));
    expect(above.map((issue) => [issue.path, issue.code])).toEqual([
      ["costCategories.0.lowerHours", IssueCode.RANGE_LOWER_ABOVE_UPPER],
    ]);
    expect(above[0]?.message).toContain("120.5");
  });

  it("range rates and fee are whole yen, 0 or more, and required", () => {
    expect(
      issueCodes(alone(ses({ excessRate: -1, deductionRate: undefined, monthlyFee: 0.5 }))),
    ).toEqual({
      "costCategories.0.monthlyFee": IssueCode.INVALID_AMOUNT,
      "costCategories.0.excessRate": IssueCode.INVALID_AMOUNT,
      "costCategories.0.deductionRate": IssueCode.REQUIRED,
    });
  });

  it("at most 6 month overrides, each a real month given once, with valid terms", () => {
    const terms = (month: string) => ({
      month,
      monthlyFee: 900000,
      lowerHours: 90,
      upperHours: 110,
    });
    const six = ["2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01"].map(terms);
    expect(quote(alone(ses({ months: six }))).ok).toBe(true);
    const seven = issuesOf(alone(ses({ months: [...six, terms("2026-02")] })));
    expect(seven.map((issue) => [issue.path, issue.code])).toEqual([
      ["costCategories.0.months", IssueCode.TOO_MANY_MONTH_TERMS],
    ]);
    expect(seven[0]?.message).toContain("at most 6");
    expect(
      issueCodes(
        alone(
          ses({
            months: [
              terms("2025-09"),
              terms("2025-09"),
              terms("2025-13"),
              { month: "2025-10", monthlyFee: 1, lowerHours: 90.3, upperHours: 80 },
              { ...terms("2025-11"), lowerHours: 111 },
            ],
          }),
        ),
      ),
    ).toEqual({
      "costCategories.0.months.1.month": IssueCode.DUPLICATE_TERMS_MONTH,
      "costCategories.0.months.2.month": IssueCode.INVALID_MONTH,
      "costCategories.0.months.3.lowerHours": IssueCode.INVALID_RANGE_HOURS,
      "costCategories.0.months.4.lowerHours": IssueCode.RANGE_LOWER_ABOVE_UPPER,
    });
  });

  it("amounts too large to compute exactly are refused, not rounded", () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(
      issueCodes({
        month: "2025-08",
        costCategories: [{ id: "dev", type: "hourly", unitPrice: max }],
        entries: [{ date: "2025-08-01", costCategoryId: "dev", start: "0000", end: "4700" }],
      }),
    ).toEqual({ "costCategories.0": IssueCode.AMOUNT_TOO_LARGE });
    expect(
      issueCodes({
        month: "2025-08",
        costCategories: [{ id: "fix", type: "monthly", monthlyFee: max }],
        extraItems: [{ name: "x", amount: 1 }],
      }),
    ).toEqual({ "": IssueCode.AMOUNT_TOO_LARGE });
  });
});
