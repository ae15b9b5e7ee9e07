import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divide, type RoundingMode } from "./money";
import { includedTax } from "./taxByRate";
import { hourlyRequest, issueCodes, quoteOf } from "./testing";
import type { QuoteRequest } from "./types";

// One hourly day of 8 h at 5,000 yen: 40,000 yen of work at the invoice's rate.
const mixed = (overrides: Partial<QuoteRequest> = {}) =>
  hourlyRequest({
    extraItems: [
      { name: "追加作業", amount: 20_005 },
      { name: "打合せ弁当", amount: 1_234, taxRate: 8 },
      { name: "茶菓", amount: 999, taxRate: 8 },
    ],
    expenses: [
      { name: "交通費", amount: 1_240 },
      { name: "会議用飲料", amount: 540, taxRate: 8 },
    ],
    ...overrides,
  });

describe("consumption tax per rate (適格請求書: one rounding per rate per invoice)", () => {
  it("taxes the 10 % and 8 % bases apart, each rounded once", () => {
    const q = quoteOf(mixed());
    // 10 %: 40,000 + 20,005 = 60,005 -> 6,000.5 -> 6,000; 8 %: 2,233 -> 178.64 -> 178.
    expect(q.taxByRate).toEqual([
      { rate: 10, taxableAmount: 60_005, consumptionTax: 6_000 },
      { rate: 8, taxableAmount: 2_233, consumptionTax: 178 },
    ]);
    expect(q.subtotal).toBe(62_238);
    expect(q.consumptionTax).toBe(6_178);
    expect(q.total).toBe(68_416);
    expect(q.expensesByRate).toEqual([
      { rate: 10, amount: 1_240 },
      { rate: 8, amount: 540 },
    ]);
    expect(q.payable).toBe(68_416 + 1_780);
  });

  it("rounds the 8 % base once, not each line: 1,234 and 999 at 8 % give 178, not 98 + 79", () => {
    const q = quoteOf(mixed({ consumptionTax: { rounding: "round" } }));
    // round: 6,000.5 -> 6,001 and 178.64 -> 179
    expect(q.taxByRate.map((row) => row.consumptionTax)).toEqual([6_001, 179]);
  });

  it("a 10 %-only invoice has one row with the old figures", () => {
    const q = quoteOf(hourlyRequest({ extraItems: [{ name: "追加", amount: 20_000 }] }));
    expect(q.taxByRate).toEqual([{ rate: 10, taxableAmount: 60_000, consumptionTax: 6_000 }]);
    expect(q.consumptionTax).toBe(6_000);
    expect(q.expensesByRate).toEqual([]);
  });

  it("an extra item without a rate follows the invoice's rate", () => {
    const q = quoteOf(
      hourlyRequest({
        extraItems: [{ name: "追加", amount: 10_000 }],
        consumptionTax: { rate: 8 },
      }),
    );
    expect(q.taxByRate).toEqual([{ rate: 8, taxableAmount: 50_000, consumptionTax: 4_000 }]);
  });

  it("no tax at any rate when tax is off or the partner is a non-resident", () => {
    for (const request of [
      mixed({ consumptionTax: { enabled: false } }),
      mixed({ partner: { kind: "individual", nonResident: true } }),
    ]) {
      const q = quoteOf(request);
      expect(q.taxByRate.map((row) => [row.rate, row.taxableAmount, row.consumptionTax])).toEqual([
        [10, 60_005, 0],
        [8, 2_233, 0],
      ]);
      expect(q.total).toBe(q.subtotal);
    }
  });

  it("refuses a rate other than 10 or 8 on a line, naming the field", () => {
    expect(
      issueCodes(
        hourlyRequest({
          extraItems: [{ name: "x", amount: 1, taxRate: 5 as 8 }],
          expenses: [{ name: "y", amount: 1, taxRate: "8" as unknown as 8 }],
        }),
      ),
    ).toEqual({
      "extraItems.0.taxRate": "invalid_tax_rate",
      "expenses.0.taxRate": "invalid_tax_rate",
    });
  });

  it("withholding on the tax-inclusive total counts the tax of both rates", () => {
    const q = quoteOf(mixed({ partner: { kind: "individual" }, withholding: { enabled: true } }));
    // 68,416 x 10.21 % = 6,985.27 -> 6,985
    expect(q.withholdingTax).toBe(6_985);
    expect(q.payable).toBe(68_416 - 6_985 + 1_780);
  });
});

const rounding = fc.constantFrom<RoundingMode>("floor", "round", "ceil");
const itemsArb = fc.array(
  fc.record({
    amount: fc.integer({ min: 0, max: 5_000_000 }),
    taxRate: fc.constantFrom<10 | 8 | undefined>(10, 8, undefined),
  }),
  { maxLength: 6 },
);

describe("per-rate invariants (fast-check)", () => {
  it("total = subtotal + sum of per-rate tax; each rate's tax is its base rounded once", () => {
    fc.assert(
      fc.property(
        itemsArb,
        itemsArb,
        rounding,
        fc.constantFrom(8, 10),
        (extra, expenses, mode, rate) => {
          const q = quoteOf(
            hourlyRequest({
              extraItems: extra.map((item, i) => ({ name: `item ${i}`, ...item })),
              expenses: expenses.map((item, i) => ({ name: `expense ${i}`, ...item })),
              consumptionTax: { rate, rounding: mode },
            }),
          );
          const taxSum = q.taxByRate.reduce((s, row) => s + row.consumptionTax, 0);
          expect(q.consumptionTax).toBe(taxSum);
          expect(q.total).toBe(q.subtotal + taxSum);
          expect(q.taxByRate.reduce((s, row) => s + row.taxableAmount, 0)).toBe(q.subtotal);
          for (const row of q.taxByRate) {
            expect(row.consumptionTax).toBe(divide(row.taxableAmount * row.rate, 100, mode));
          }
          // 8 % base: exactly the items marked 8 (plus everything when the invoice is at 8 %).
          const eight = q.taxByRate.find((row) => row.rate === 8)?.taxableAmount ?? 0;
          const marked = extra
            .filter((item) => (item.taxRate ?? rate) === 8)
            .reduce((s, item) => s + item.amount, 0);
          expect(eight).toBe(rate === 8 ? marked + 40_000 : marked);
          expect(q.expensesByRate.reduce((s, row) => s + row.amount, 0)).toBe(q.expensesTotal);
        },
      ),
    );
  });

  it("the tax inside a tax-inclusive amount: 1,100 at 10 % holds 100, 1,080 at 8 % holds 80", () => {
    expect(includedTax(1_100, 10, "floor")).toBe(100);
    expect(includedTax(1_080, 8, "floor")).toBe(80);
    expect(includedTax(1_240, 10, "floor")).toBe(112);
  });

  it("the net left after the tax inside a gross amount is never above the net it came from", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(8, 10), (net, rate) => {
        const gross = net + divide(net * rate, 100, "floor");
        const tax = includedTax(gross, rate, "ceil");
        expect(gross - tax).toBeLessThanOrEqual(net);
        expect(includedTax(0 - gross, rate, "ceil")).toBe(0 - tax);
      }),
    );
  });
});
