import { describe, expect, it } from "vitest";
import { quoteOf } from "./testing";
import type { QuoteRequest } from "./types";

/** One monthly line of `fee`, so the subtotal is the fee. */
function invoice(fee: number, overrides: Partial<QuoteRequest> = {}): QuoteRequest {
  return {
    month: "2025-08",
    costCategories: [{ id: "fix", type: "monthly", monthlyFee: fee }],
    ...overrides,
  };
}

describe("consumption tax on the quote", () => {
  it.each([
    ["floor", 1005, 100],
    ["round", 1005, 101],
    ["ceil", 1005, 101],
    ["floor", 1004, 100],
    ["round", 1004, 100],
    ["ceil", 1004, 101],
    ["round", 1006, 101],
  ] as const)("%s at 10 percent on %i is %i", (rounding, subtotal, tax) => {
    const result = quoteOf(invoice(subtotal, { consumptionTax: { rounding } }));
    expect(result.consumptionTax).toBe(tax);
    expect(result.total).toBe(subtotal + tax);
  });

  it("rounds the invoice once, not each line", () => {
    // Two lines of 1,005: per line floor would give 100 + 100; once on 2,010 gives 201.
    const result = quoteOf({
      month: "2025-08",
      costCategories: [
        { id: "a", type: "monthly", monthlyFee: 1005 },
        { id: "b", type: "monthly", monthlyFee: 1005 },
      ],
    });
    expect(result.consumptionTax).toBe(201);
  });

  it("uses the rate given", () => {
    expect(quoteOf(invoice(1057, { consumptionTax: { rate: 8 } })).consumptionTax).toBe(84);
    expect(quoteOf(invoice(1057, { consumptionTax: { rate: 0 } })).consumptionTax).toBe(0);
  });

  it("is 0 when disabled", () => {
    const result = quoteOf(invoice(100000, { consumptionTax: { enabled: false } }));
    expect(result.consumptionTax).toBe(0);
    expect(result.total).toBe(100000);
  });

  it("is 0 for a non-resident providing services from abroad, whatever else is set", () => {
    const result = quoteOf(
      invoice(100000, {
        partner: { kind: "individual", nonResident: true },
        consumptionTax: { enabled: true, rate: 10, rounding: "ceil" },
      }),
    );
    expect(result.consumptionTax).toBe(0);
    expect(result.total).toBe(100000);
  });
});

describe("withholding on the quote", () => {
  const individual = { kind: "individual" } as const;

  it("is 0 for a corporation even when enabled", () => {
    const result = quoteOf(
      invoice(500000, { partner: { kind: "corporation" }, withholding: { enabled: true } }),
    );
    expect(result.withholdingTax).toBe(0);
  });

  it("is 0 for an individual when not enabled", () => {
    expect(quoteOf(invoice(500000, { partner: individual })).withholdingTax).toBe(0);
  });

  it("takes 10.21 % of a base of exactly 1,000,000", () => {
    const result = quoteOf(
      invoice(1000000, {
        partner: individual,
        consumptionTax: { enabled: false },
        withholding: { enabled: true },
      }),
    );
    expect(result.withholdingTax).toBe(102100);
    expect(result.payable).toBe(897900);
  });

  it("takes 102,100 + 20.42 % of the part above 1,000,000", () => {
    const result = quoteOf(
      invoice(1100000, {
        partner: individual,
        consumptionTax: { enabled: false },
        withholding: { enabled: true },
      }),
    );
    expect(result.withholdingTax).toBe(122520);
  });

  it("includingTax works on the total, excludingTax on the subtotal", () => {
    const including = quoteOf(
      invoice(1000000, {
        partner: individual,
        withholding: { enabled: true, base: "includingTax" },
      }),
    );
    const excluding = quoteOf(
      invoice(1000000, {
        partner: individual,
        withholding: { enabled: true, base: "excludingTax" },
      }),
    );
    expect(including.total).toBe(1100000);
    expect(including.withholdingTax).toBe(122520);
    expect(excluding.withholdingTax).toBe(102100);
    expect(excluding.payable).toBe(1100000 - 102100);
  });

  it("defaults to includingTax", () => {
    const result = quoteOf(
      invoice(373500, { partner: individual, withholding: { enabled: true } }),
    );
    // subtotal 373,500, total 410,850 -> 41,947
    expect(result.withholdingTax).toBe(41947);
  });
});
