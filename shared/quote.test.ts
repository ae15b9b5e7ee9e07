import { describe, expect, it } from "vitest";
import { quote } from "./quote";
import { hourlyRequest, quoteOf, specFields } from "./testing";
import type { QuoteRequest, WorkEntry } from "./types";

describe("the spec's example request (dev / sup / fix)", () => {
  const request: QuoteRequest = {
    month: "2025-08",
    closingDay: 25,
    settlementUnit: 30,
    costCategories: [
      { id: "dev", name: "開発", type: "hourly", unitPrice: 5000 },
      { id: "sup", name: "保守対応", type: "quantity", unitPrice: 4500 },
      { id: "fix", name: "月額", type: "monthly", monthlyFee: 300000 },
    ],
    entries: [
      { date: "2025-08-01", costCategoryId: "dev", start: "0900", end: "1800", breakMinutes: 60 },
      { date: "2025-08-02", costCategoryId: "sup", quantity: 3 },
      { date: "2025-08-03", costCategoryId: "fix", skipHours: true, details: "顧客紹介" },
    ],
    extraItems: [{ name: "追加作業", amount: 20000 }],
    expenses: [{ name: "交通費", amount: 1240 }],
    partner: { kind: "individual", nonResident: false },
    consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
    withholding: { enabled: true, base: "includingTax" },
  };

  it("answers the figures worked out by hand", () => {
    // dev: 09:00-18:00 less 60 min = 480 min = 8 h x 5,000 = 40,000
    // sup: 3 x 4,500 = 13,500; fix: 300,000 whatever the entries
    // subtotal 40,000 + 13,500 + 300,000 + 20,000 = 373,500; tax floor(37,350) = 37,350
    // total 410,850; withholding floor(410,850 x 10.21 %) = floor(41,947.785) = 41,947
    // payable 410,850 - 41,947 + 1,240 = 370,143
    expect(specFields(quoteOf(request))).toEqual({
      month: "2025-08",
      period: { from: "2025-07-26", to: "2025-08-25" },
      lines: [
        {
          costCategoryId: "dev",
          type: "hourly",
          minutes: 480,
          hours: 8,
          quantity: 8,
          unitPrice: 5000,
          amount: 40000,
        },
        {
          costCategoryId: "sup",
          type: "quantity",
          minutes: 0,
          hours: 0,
          quantity: 3,
          unitPrice: 4500,
          amount: 13500,
        },
        {
          costCategoryId: "fix",
          type: "monthly",
          minutes: 0,
          hours: 0,
          quantity: 1,
          unitPrice: 300000,
          amount: 300000,
        },
      ],
      adjustments: [],
      subtotal: 373500,
      consumptionTax: 37350,
      total: 410850,
      withholdingTax: 41947,
      expensesTotal: 1240,
      payable: 370143,
    });
  });

  it("adds the names and the extra items' total", () => {
    const result = quoteOf(request);
    expect(result.lines.map((line) => line.name)).toEqual(["開発", "保守対応", "月額"]);
    expect(result.extraItemsTotal).toBe(20000);
  });
});

describe("the spec's hour-range response", () => {
  // 14 days of 8 h, 2025-07-26 10:00-13:50 and a night 22:00-30:00 past midnight:
  // 6,720 + 230 + 480 = 7,430 minutes = 123 h 50 min.
  const days = ["04", "05", "06", "07", "08", "11", "12", "13", "14", "15", "18", "19", "21", "22"];
  const entries: WorkEntry[] = [
    ...days.map((day) => ({
      date: `2025-08-${day}`,
      costCategoryId: "ses",
      start: "0900",
      end: "18:00",
      breakMinutes: 60,
    })),
    { date: "2025-07-26", costCategoryId: "ses", start: "1000", end: "1350" },
    { date: "2025-08-20", costCategoryId: "ses", start: "2200", end: "3000" },
  ];
  const request: QuoteRequest = {
    month: "2025-08",
    closingDay: 25,
    settlementUnit: 30,
    costCategories: [
      {
        id: "ses",
        name: "月額固定",
        type: "monthlyRange",
        monthlyFee: 1000000,
        lowerHours: 100,
        upperHours: 120,
        excessRate: 8000,
        deductionRate: 10000,
        months: [{ month: "2025-09", monthlyFee: 900000, lowerHours: 90, upperHours: 110 }],
      },
    ],
    entries,
    extraItems: [{ name: "追加作業", amount: 40000 }],
    expenses: [{ name: "交通費", amount: 1240 }],
    partner: { kind: "corporation", nonResident: false },
  };

  it("is exactly the spec's JSON", () => {
    const result = quoteOf(request);
    expect(result.lines[0]?.rawMinutes).toBe(7430);
    expect(specFields(result)).toEqual({
      month: "2025-08",
      period: { from: "2025-07-26", to: "2025-08-25" },
      lines: [
        {
          costCategoryId: "ses",
          type: "monthlyRange",
          minutes: 7410,
          hours: 123.5,
          quantity: 1,
          unitPrice: 1000000,
          amount: 1000000,
        },
      ],
      adjustments: [
        { costCategoryId: "ses", kind: "excess", hours: 3.5, rate: 8000, amount: 28000 },
      ],
      subtotal: 1068000,
      consumptionTax: 106800,
      total: 1174800,
      withholdingTax: 0,
      expensesTotal: 1240,
      payable: 1176040,
    });
  });

  it("keeps every spec field in the JSON it serialises to, integers as integers", () => {
    const json = JSON.parse(JSON.stringify(quoteOf(request)));
    expect(json).toMatchObject(specFields(quoteOf(request)));
    expect(JSON.stringify(json.subtotal)).toBe("1068000");
    expect(json.lines[0].appliedTerms).toEqual({
      source: "base",
      month: null,
      monthlyFee: 1000000,
      lowerHours: 100,
      upperHours: 120,
      excessRate: 8000,
      deductionRate: 10000,
    });
  });

  it("the same entries would be refused a day outside the period", () => {
    const outcome = quote({
      ...request,
      entries: [
        ...entries,
        { date: "2025-08-26", costCategoryId: "ses", start: "0900", end: "1000" },
      ],
    });
    expect(outcome.ok).toBe(false);
  });
});

describe("defaults", () => {
  it("are closing day 31, unit 0, corporation, resident, tax 10 % floor, no withholding", () => {
    const minimal: QuoteRequest = {
      month: "2024-02",
      costCategories: [{ id: "dev", type: "hourly", unitPrice: 1001 }],
      entries: [{ date: "2024-02-29", costCategoryId: "dev", start: "0900", end: "0950" }],
    };
    const explicit: QuoteRequest = {
      ...minimal,
      closingDay: 31,
      settlementUnit: 0,
      extraItems: [],
      expenses: [],
      partner: { kind: "corporation", nonResident: false },
      consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
      withholding: { enabled: false, base: "includingTax" },
    };
    const result = quoteOf(minimal);
    expect(result).toEqual(quoteOf(explicit));
    expect(result.period).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    // 50 min, no truncation: floor(50 x 1,001 / 60) = floor(834.17) = 834; tax floor(83.4) = 83
    expect(result.lines[0]?.minutes).toBe(50);
    expect(result.subtotal).toBe(834);
    expect(result.consumptionTax).toBe(83);
    expect(result.withholdingTax).toBe(0);
    expect(result.payable).toBe(917);
  });

  it("reads null as left out", () => {
    const withNulls = {
      ...hourlyRequest(),
      closingDay: null,
      settlementUnit: null,
      extraItems: null,
      expenses: null,
      partner: { kind: null, nonResident: null },
      consumptionTax: null,
      withholding: { enabled: null },
      entries: [
        {
          date: "2025-08-01",
          costCategoryId: "dev",
          start: "0900",
          end: "1800",
          breakMinutes: null,
          quantity: null,
        },
      ],
    };
    expect(quoteOf(withNulls)).toEqual(
      quoteOf({
        ...hourlyRequest(),
        entries: [{ date: "2025-08-01", costCategoryId: "dev", start: "0900", end: "1800" }],
      }),
    );
  });

  it("the name of a category defaults to its id", () => {
    const result = quoteOf(
      hourlyRequest({ costCategories: [{ id: "dev", type: "hourly", unitPrice: 1 }] }),
    );
    expect(result.lines[0]?.name).toBe("dev");
  });
});

describe("expenses (立替経費)", () => {
  it("stay outside subtotal, tax and withholding and are added to payable", () => {
    const base: QuoteRequest = {
      month: "2025-08",
      costCategories: [{ id: "fix", type: "monthly", monthlyFee: 500000 }],
      partner: { kind: "individual" },
      withholding: { enabled: true },
    };
    const without = quoteOf(base);
    const withExpenses = quoteOf({
      ...base,
      expenses: [
        { name: "交通費", amount: 1240 },
        { name: "宿泊費", amount: 10000 },
      ],
    });
    expect(withExpenses.subtotal).toBe(without.subtotal);
    expect(withExpenses.consumptionTax).toBe(without.consumptionTax);
    expect(withExpenses.withholdingTax).toBe(without.withholdingTax);
    expect(withExpenses.expensesTotal).toBe(11240);
    expect(withExpenses.payable).toBe(without.payable + 11240);
  });

  it("extra items are taxable and withheld from", () => {
    const result = quoteOf({
      month: "2025-08",
      costCategories: [{ id: "fix", type: "monthly", monthlyFee: 0 }],
      extraItems: [
        { name: "追加作業", amount: 100000 },
        { name: "資料作成", amount: 1 },
      ],
      partner: { kind: "individual" },
      withholding: { enabled: true, base: "excludingTax" },
    });
    expect(result.extraItemsTotal).toBe(100001);
    expect(result.subtotal).toBe(100001);
    expect(result.consumptionTax).toBe(10000);
    expect(result.withholdingTax).toBe(10210);
  });
});
