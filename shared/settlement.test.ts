import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isHalfHourMultiple,
  isSettlementUnit,
  rangeAdjustment,
  SETTLEMENT_UNITS,
  settleMinutes,
} from "./settlement";

describe("settlement unit (精算時間単位)", () => {
  it.each([
    [0, 7430, 7430],
    [15, 7430, 7425],
    [30, 7430, 7410],
    [60, 7430, 7380],
    [30, 7410, 7410],
    [60, 59, 0],
    [15, 0, 0],
  ] as const)("unit %i truncates %i minutes to %i", (unit, minutes, settled) => {
    expect(settleMinutes(minutes, unit)).toBe(settled);
  });

  it("allows 0, 15, 30 and 60 only", () => {
    for (const unit of SETTLEMENT_UNITS) expect(isSettlementUnit(unit)).toBe(true);
    for (const unit of [1, 10, 20, 45, 90, "30", null]) expect(isSettlementUnit(unit)).toBe(false);
  });

  it("settles to a multiple of the unit, never above the raw sum, and only once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.constantFrom(15, 30, 60),
        (minutes, unit: 15 | 30 | 60) => {
          const settled = settleMinutes(minutes, unit);
          expect(settled % unit).toBe(0);
          expect(settled).toBeLessThanOrEqual(minutes);
          expect(minutes - settled).toBeLessThan(unit);
          expect(settleMinutes(settled, unit)).toBe(settled);
        },
      ),
    );
  });

  it("unit 0 changes nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (minutes) => {
        expect(settleMinutes(minutes, 0)).toBe(minutes);
      }),
    );
  });
});

describe("hour range bounds", () => {
  it("are half hours, 0 or more", () => {
    for (const hours of [0, 0.5, 100, 140.5, 120]) expect(isHalfHourMultiple(hours)).toBe(true);
    for (const hours of [140.4, 140.6, 0.25, -0.5, Number.NaN, Number.POSITIVE_INFINITY, "100"]) {
      expect(isHalfHourMultiple(hours)).toBe(false);
    }
  });
});

describe("rangeAdjustment (超過/控除)", () => {
  const terms = {
    lowerMinutes: 100 * 60,
    upperMinutes: 120 * 60,
    excessRate: 8000,
    deductionRate: 10_000,
  };

  it("is nothing inside the range and exactly at either bound", () => {
    expect(rangeAdjustment(110 * 60, terms)).toBeNull();
    expect(rangeAdjustment(100 * 60, terms)).toBeNull();
    expect(rangeAdjustment(120 * 60, terms)).toBeNull();
  });

  it("pays floor(excess hours x excessRate) above the upper bound", () => {
    expect(rangeAdjustment(123 * 60 + 30, terms)).toEqual({
      kind: "excess",
      minutes: 210,
      rate: 8000,
      amount: 28_000,
    });
    // 1 minute at 8,000 yen/hour is 133.33 yen: floored.
    expect(rangeAdjustment(120 * 60 + 1, terms)?.amount).toBe(133);
  });

  it("deducts floor(missing hours x deductionRate), as a negative amount", () => {
    expect(rangeAdjustment(98 * 60 + 30, terms)).toEqual({
      kind: "deduction",
      minutes: 90,
      rate: 10_000,
      amount: -15_000,
    });
    // 1 minute at 10,000 yen/hour is 166.67 yen: the magnitude is floored to 166.
    expect(rangeAdjustment(100 * 60 - 1, terms)?.amount).toBe(-166);
  });

  it("reports the hours at 0 yen when a rate is 0, and never -0", () => {
    const free = { ...terms, excessRate: 0, deductionRate: 0 };
    expect(rangeAdjustment(130 * 60, free)).toEqual({
      kind: "excess",
      minutes: 600,
      rate: 0,
      amount: 0,
    });
    const deduction = rangeAdjustment(90 * 60, free);
    expect(deduction).toEqual({ kind: "deduction", minutes: 600, rate: 0, amount: 0 });
    expect(Object.is(deduction?.amount, 0)).toBe(true);
  });

  it("with lower == upper, any difference adjusts", () => {
    const point = { ...terms, lowerMinutes: 140 * 60 + 30, upperMinutes: 140 * 60 + 30 };
    expect(rangeAdjustment(140 * 60 + 30, point)).toBeNull();
    expect(rangeAdjustment(141 * 60, point)?.kind).toBe("excess");
    expect(rangeAdjustment(140 * 60, point)?.kind).toBe("deduction");
  });
});
