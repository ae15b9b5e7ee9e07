import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderFixedTotal, orderLines } from "./orderLines";
import type { CostCategory } from "./types";

const months = ["2025-08", "2025-09"];

describe("order lines (発注明細)", () => {
  it("hourly and quantity lines are priced per unit, their quantity and amount as reported", () => {
    const lines = orderLines(
      [
        { id: "dev", name: "開発", type: "hourly", unitPrice: 5000 },
        { id: "sup", type: "quantity", unitPrice: 4500 },
        { id: "fix", name: "月額", type: "monthly", monthlyFee: 300000 },
      ],
      months,
    );
    expect(lines).toEqual([
      {
        costCategoryId: "dev",
        name: "開発",
        type: "hourly",
        unitPrice: 5000,
        quantity: null,
        months: 2,
        amount: null,
      },
      {
        costCategoryId: "sup",
        name: "sup",
        type: "quantity",
        unitPrice: 4500,
        quantity: null,
        months: 2,
        amount: null,
      },
      {
        costCategoryId: "fix",
        name: "月額",
        type: "monthly",
        unitPrice: 300000,
        quantity: 1,
        months: 2,
        amount: 600000,
        terms: [{ from: "2025-08", to: "2025-09", months: 2, unitPrice: 300000, amount: 600000 }],
      },
    ]);
    expect(orderFixedTotal(lines)).toBe(600000);
  });

  it("an hour-range line sums each month's own fee; renewed months use the base fee", () => {
    const ses: CostCategory = {
      id: "ses",
      type: "monthlyRange",
      monthlyFee: 1000000,
      lowerHours: 100,
      upperHours: 120,
      excessRate: 8000,
      deductionRate: 10000,
      months: [{ month: "2025-09", monthlyFee: 900000, lowerHours: 90, upperHours: 110 }],
    };
    const [line] = orderLines([ses], months);
    expect(line).toMatchObject({ unitPrice: 1000000, quantity: 1, months: 2, amount: 1900000 });
    expect(orderLines([ses], [...months, "2025-10"])[0]?.amount).toBe(2900000);
  });

  it("prints one term per run of months at the same fee, each multiplying out", () => {
    const ses: CostCategory = {
      id: "ses",
      type: "monthlyRange",
      monthlyFee: 600000,
      lowerHours: 140,
      upperHours: 180,
      excessRate: 4000,
      deductionRate: 4000,
      months: [{ month: "2027-03", monthlyFee: 500000, lowerHours: 120, upperHours: 160 }],
    };
    const list = ["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05"];
    const [line] = orderLines([ses], list);
    expect(line?.terms).toEqual([
      { from: "2026-12", to: "2027-02", months: 3, unitPrice: 600000, amount: 1800000 },
      { from: "2027-03", to: "2027-03", months: 1, unitPrice: 500000, amount: 500000 },
      { from: "2027-04", to: "2027-05", months: 2, unitPrice: 600000, amount: 1200000 },
    ]);
    expect(line?.amount).toBe(3500000);
  });

  it("a monthly line is its fee times the months ordered", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 36 }),
        (fee, count) => {
          const list = Array.from({ length: count }, (_, i) => `2025-${i}`);
          const [line] = orderLines([{ id: "fix", type: "monthly", monthlyFee: fee }], list);
          expect(line?.amount).toBe(fee * count);
          expect(line?.months).toBe(count);
          const terms = line?.terms ?? [];
          expect(terms.reduce((n, t) => n + t.amount, 0)).toBe(fee * count);
          for (const t of terms) expect(t.amount).toBe(t.unitPrice * t.months);
        },
      ),
    );
  });
});
