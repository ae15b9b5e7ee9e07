import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RateSuggestion, suggestRates } from "./sesRates";

function rates(monthlyFee: number, lowerHours: number, upperHours: number) {
  const outcome = suggestRates({ monthlyFee, lowerHours, upperHours });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const [upperLower, midpoint] = outcome.suggestions as [RateSuggestion, RateSuggestion];
  return { upperLower, midpoint };
}

const halfHours = fc.integer({ min: 0, max: 800 });

describe("SES rate suggestions (上下割・中間割)", () => {
  it("the seed's 1,000,000 yen for 100-120 h", () => {
    const { upperLower, midpoint } = rates(1000000, 100, 120);
    expect(upperLower).toMatchObject({
      labelJa: "上下割",
      excessRate: 8333,
      deductionRate: 10000,
      notes: [],
    });
    expect(midpoint).toMatchObject({
      labelJa: "中間割",
      excessRate: 9090,
      deductionRate: 9090,
      notes: [],
    });
  });

  it("half hours divide exactly, rounded down", () => {
    expect(rates(1000000, 100.5, 120.5).upperLower).toMatchObject({
      excessRate: 8298, // 1,000,000 / 120.5 = 8298.75...
      deductionRate: 9950, // 1,000,000 / 100.5 = 9950.24...
    });
    // Midpoint 110.5 h: 9049.77...
    expect(rates(1000000, 100.5, 120.5).midpoint.excessRate).toBe(9049);
    // Midpoint 110.25 h: 9070.29...
    expect(rates(1000000, 100, 120.5).midpoint.excessRate).toBe(9070);
    expect(rates(600000, 140, 180).midpoint.excessRate).toBe(3750);
  });

  it("a lower bound of 0 gives no deduction rate, and says why", () => {
    const { upperLower, midpoint } = rates(500000, 0, 100);
    expect(upperLower.excessRate).toBe(5000);
    expect(upperLower.deductionRate).toBeNull();
    expect(midpoint).toMatchObject({ excessRate: 10000, deductionRate: null });
    expect(upperLower.notes.map((note) => note.field)).toEqual(["deductionRate"]);
    expect(upperLower.notes[0]?.message).toContain("lower bound of 0 hours");
    const none = rates(500000, 0, 0);
    expect(none.upperLower).toMatchObject({ excessRate: null, deductionRate: null });
    expect(none.midpoint.notes.map((note) => note.field)).toEqual(["excessRate", "deductionRate"]);
  });

  it("refuses a range the contract would refuse", () => {
    const outcome = suggestRates({ monthlyFee: 1.5, lowerHours: 100.4, upperHours: 120 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["monthlyFee", "invalid_amount"],
      ["lowerHours", "invalid_range_hours"],
    ]);
    const reversed = suggestRates({ monthlyFee: 1000, lowerHours: 130, upperHours: 120 });
    expect(reversed.ok ? [] : reversed.issues.map((issue) => issue.code)).toEqual([
      "range_lower_above_upper",
    ]);
  });

  it("each rate is the whole yen below fee / hours, and excess <= midpoint <= deduction", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), halfHours, halfHours, (fee, a, b) => {
        const [lowerHalves, upperHalves] = a <= b ? [a, b] : [b, a];
        const { upperLower, midpoint } = rates(fee, lowerHalves / 2, upperHalves / 2);
        // floor(x / y) = r  <=>  r * y <= x < (r + 1) * y, checked on integers.
        const isFloor = (rate: number | null, numerator: number, denominator: number) => {
          expect(rate).not.toBeNull();
          const r = rate ?? 0;
          expect(r * denominator).toBeLessThanOrEqual(numerator);
          expect((r + 1) * denominator).toBeGreaterThan(numerator);
        };
        if (upperHalves > 0) isFloor(upperLower.excessRate, fee * 2, upperHalves);
        if (lowerHalves > 0) isFloor(upperLower.deductionRate, fee * 2, lowerHalves);
        if (upperHalves > 0) isFloor(midpoint.excessRate, fee * 4, lowerHalves + upperHalves);
        if (lowerHalves > 0) {
          expect(upperLower.excessRate).toBeLessThanOrEqual(midpoint.excessRate ?? 0);
          expect(midpoint.excessRate).toBeLessThanOrEqual(upperLower.deductionRate ?? 0);
          expect(midpoint.deductionRate).toBe(midpoint.excessRate);
        } else {
          expect(upperLower.deductionRate).toBeNull();
          expect(midpoint.deductionRate).toBeNull();
        }
      }),
    );
  });
});
