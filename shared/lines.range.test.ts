import { describe, expect, it } from "vitest";
import { issueCodes, quoteOf } from "./testing";
import type { MonthlyRangeCostCategory, WorkEntry } from "./types";

describe("monthly range lines (時間幅・超過/控除)", () => {
  const ses = (overrides: Partial<MonthlyRangeCostCategory> = {}): MonthlyRangeCostCategory => ({
    id: "ses",
    type: "monthlyRange",
    monthlyFee: 1000000,
    lowerHours: 100,
    upperHours: 120,
    excessRate: 8000,
    deductionRate: 10000,
    ...overrides,
  });
  /** Entries worth `minutes` in 2025-08 (calendar month), at most 10 h a day. */
  const worked = (minutes: number, month = "2025-08"): WorkEntry[] => {
    const entries: WorkEntry[] = [];
    for (let day = 1; minutes > 0; day++) {
      const today = Math.min(minutes, 600);
      const end = 8 * 60 + today;
      entries.push({
        date: `${month}-${String(day).padStart(2, "0")}`,
        costCategoryId: "ses",
        start: "0800",
        end: `${Math.floor(end / 60)}${String(end % 60).padStart(2, "0")}`,
      });
      minutes -= today;
    }
    return entries;
  };
  const range = (hours: number, category = ses(), month = "2025-08") =>
    quoteOf({ month, costCategories: [category], entries: worked(Math.round(hours * 60), month) });

  it("inside the range: the fee, nothing else", () => {
    const result = range(110);
    expect(result.lines[0]).toMatchObject({
      type: "monthlyRange",
      minutes: 6600,
      hours: 110,
      quantity: 1,
      unitPrice: 1000000,
      amount: 1000000,
    });
    expect(result.adjustments).toEqual([]);
    expect(result.subtotal).toBe(1000000);
  });

  it("exactly at the lower or the upper bound: nothing", () => {
    expect(range(100).adjustments).toEqual([]);
    expect(range(120).adjustments).toEqual([]);
  });

  it("above: an excess of floor((H - upper) x excessRate)", () => {
    const result = range(123.5);
    expect(result.adjustments).toEqual([
      {
        costCategoryId: "ses",
        kind: "excess",
        hours: 3.5,
        minutes: 210,
        rate: 8000,
        amount: 28000,
      },
    ]);
    expect(result.subtotal).toBe(1028000);
    // 1 minute above: 133.33 -> 133
    expect(range(120 + 1 / 60).adjustments[0]?.amount).toBe(133);
  });

  it("below: a deduction of floor((lower - H) x deductionRate), negative", () => {
    const result = range(98.5);
    expect(result.adjustments).toEqual([
      {
        costCategoryId: "ses",
        kind: "deduction",
        hours: 1.5,
        minutes: 90,
        rate: 10000,
        amount: -15000,
      },
    ]);
    expect(result.subtotal).toBe(985000);
    expect(result.consumptionTax).toBe(98500);
    // 1 minute short: 166.67 -> 166 off
    expect(range(100 - 1 / 60).adjustments[0]?.amount).toBe(-166);
  });

  it("lower == upper: only that exact figure is free of adjustment", () => {
    const point = ses({ lowerHours: 140.5, upperHours: 140.5 });
    expect(range(140.5, point).adjustments).toEqual([]);
    expect(range(141, point).adjustments[0]).toMatchObject({
      kind: "excess",
      hours: 0.5,
      amount: 4000,
    });
    expect(range(140, point).adjustments[0]).toMatchObject({
      kind: "deduction",
      hours: 0.5,
      amount: -5000,
    });
  });

  it("half-hour bounds compare with settled minutes exactly", () => {
    const half = ses({ lowerHours: 99.5, upperHours: 140.5 });
    expect(range(140.5, half).adjustments).toEqual([]);
    expect(range(99.5, half).adjustments).toEqual([]);
    expect(range(99, half).adjustments[0]).toMatchObject({
      kind: "deduction",
      hours: 0.5,
      amount: -5000,
    });
  });

  it("zero rates still report the hours, at 0 yen", () => {
    const free = ses({ excessRate: 0, deductionRate: 0 });
    expect(range(130, free).adjustments).toEqual([
      { costCategoryId: "ses", kind: "excess", hours: 10, minutes: 600, rate: 0, amount: 0 },
    ]);
    expect(range(90, free).adjustments[0]?.amount).toBe(0);
    expect(range(90, free).subtotal).toBe(1000000);
  });

  it("the month's override applies to its month, the base terms to the others", () => {
    const withMonths = ses({
      months: [
        { month: "2025-09", monthlyFee: 900000, lowerHours: 90, upperHours: 110 },
        { month: "2025-10", monthlyFee: 950000, lowerHours: 95.5, upperHours: 115 },
      ],
    });
    const september = range(112, withMonths, "2025-09");
    expect(september.lines[0]).toMatchObject({ unitPrice: 900000, amount: 900000 });
    expect(september.lines[0]?.appliedTerms).toMatchObject({
      source: "month",
      month: "2025-09",
      lowerHours: 90,
      upperHours: 110,
    });
    expect(september.adjustments[0]).toMatchObject({ kind: "excess", hours: 2, amount: 16000 });
    const november = range(112, withMonths, "2025-11");
    expect(november.lines[0]).toMatchObject({ unitPrice: 1000000, amount: 1000000 });
    expect(november.lines[0]?.appliedTerms).toMatchObject({
      source: "base",
      month: null,
      lowerHours: 100,
      upperHours: 120,
    });
    expect(november.adjustments).toEqual([]);
  });

  it("no entries at all is a deduction of the whole lower bound", () => {
    const result = quoteOf({ month: "2025-08", costCategories: [ses()] });
    expect(result.adjustments[0]).toMatchObject({
      kind: "deduction",
      hours: 100,
      amount: -1000000,
    });
    expect(result.subtotal).toBe(0);
  });

  it("a deduction larger than the fee makes a negative invoice, taxed symmetrically", () => {
    const result = quoteOf({
      month: "2025-08",
      costCategories: [ses({ monthlyFee: 500005 })],
      partner: { kind: "individual" },
      withholding: { enabled: true },
    });
    expect(result.subtotal).toBe(-499995);
    expect(result.consumptionTax).toBe(-49999);
    expect(result.total).toBe(-549994);
    expect(result.withholdingTax).toBe(0);
    expect(result.payable).toBe(-549994);
  });

  it("may be accompanied by extra items but not by another category", () => {
    const result = quoteOf({
      month: "2025-08",
      costCategories: [ses()],
      entries: worked(110 * 60),
      extraItems: [{ name: "追加作業", amount: 40000 }],
    });
    expect(result.subtotal).toBe(1040000);
    expect(
      issueCodes({
        month: "2025-08",
        costCategories: [ses(), { id: "dev", type: "hourly", unitPrice: 1 }],
      }),
    ).toMatchObject({ "costCategories.0.type": "monthly_range_not_alone" });
  });
});
