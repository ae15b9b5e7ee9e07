import { describe, expect, it } from "vitest";
import { renewalOf, renewedConditions, termMonths } from "./renewal";
import type { CostCategory } from "./types";

describe("auto-renewal (自動更新)", () => {
  it("renews the seed's 2025-05-15..2025-07-31 for its three working months from August", () => {
    const period = { start: "2025-05-15", end: "2025-07-31" };
    expect(termMonths(period, 31)).toBe(3);
    expect(renewalOf(period, 31, 3)).toEqual({
      period: { start: "2025-08-01", end: "2025-10-31" },
      months: ["2025-08", "2025-09", "2025-10"],
    });
  });

  it("follows the closing day and the turn of the year", () => {
    const period = { start: "2025-07-26", end: "2025-09-25" };
    expect(termMonths(period, 25)).toBe(2);
    expect(renewalOf(period, 25, 2)).toEqual({
      period: { start: "2025-09-26", end: "2025-11-25" },
      months: ["2025-10", "2025-11"],
    });
    expect(renewalOf({ start: "2025-11-01", end: "2025-12-31" }, 31, 2).period).toEqual({
      start: "2026-01-01",
      end: "2026-02-28",
    });
  });

  it("keeps the base terms of an hour range and drops the per-month ones", () => {
    const ranged: CostCategory = {
      id: "ses",
      name: "月額固定",
      type: "monthlyRange",
      monthlyFee: 1_000_000,
      lowerHours: 100,
      upperHours: 120,
      excessRate: 8000,
      deductionRate: 10000,
      months: [{ month: "2025-07", monthlyFee: 900_000, lowerHours: 90, upperHours: 110 }],
    };
    const hourly: CostCategory = { id: "dev", type: "hourly", unitPrice: 5000 };
    const [renewed, same] = renewedConditions([ranged, hourly]);
    expect(renewed).toEqual({
      id: "ses",
      name: "月額固定",
      type: "monthlyRange",
      monthlyFee: 1_000_000,
      lowerHours: 100,
      upperHours: 120,
      excessRate: 8000,
      deductionRate: 10000,
    });
    expect(same).toBe(hourly);
  });
});
