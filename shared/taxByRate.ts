// 適格請求書: consumption tax is rounded once per rate per invoice, never per line. Extra
// items and expenses may carry the reduced rate (軽減税率 8 %); work lines are always at the
// invoice's rate.

import { add, mulDiv, type RoundingMode, sum } from "./money";
import { consumptionTax } from "./tax";

/** The rates a line may carry: standard 10 % and reduced 8 %. */
export const LINE_TAX_RATES = [10, 8] as const;
export type LineTaxRate = (typeof LINE_TAX_RATES)[number];
export const REDUCED_TAX_RATE = 8;

export function isLineTaxRate(value: unknown): value is LineTaxRate {
  return value === 10 || value === 8;
}

/** An amount and the rate it is taxed at. */
export interface RatedAmount {
  rate: number;
  amount: number;
}

/** 税率ごとに区分した対価の額と消費税額: one row per rate, highest rate first. */
export interface TaxByRate {
  rate: number;
  /** Sum of the amounts at this rate, before tax. */
  taxableAmount: number;
  /** round(taxableAmount x rate / 100) by the invoice's rounding, once. */
  consumptionTax: number;
}

/** Amounts summed per rate, highest rate first; `always` is listed even with nothing at it. */
export function sumByRate(amounts: readonly RatedAmount[], always?: number): RatedAmount[] {
  const totals = new Map<number, number[]>();
  if (always !== undefined) totals.set(always, []);
  for (const { rate, amount } of amounts) {
    const list = totals.get(rate) ?? [];
    list.push(amount);
    totals.set(rate, list);
  }
  return [...totals.entries()]
    .map(([rate, list]) => ({ rate, amount: sum(list) }))
    .sort((a, b) => b.rate - a.rate);
}

/**
 * Tax per rate: each rate's base rounded once (a qualified invoice may not round per line).
 * `taxed` false (tax disabled, or a non-resident's services) gives 0 at every rate.
 */
export function taxByRate(
  bases: readonly RatedAmount[],
  rounding: RoundingMode,
  taxed: boolean,
): TaxByRate[] {
  return bases.map(({ rate, amount }) => ({
    rate,
    taxableAmount: amount,
    consumptionTax: taxed ? consumptionTax(amount, rate, rounding) : 0,
  }));
}

/** The tax inside a tax-inclusive amount: amount x rate / (100 + rate), rounded by `rounding`. */
export function includedTax(amount: number, rate: number, rounding: RoundingMode): number {
  const magnitude = mulDiv(Math.abs(amount), rate, add(100, rate), rounding);
  return amount < 0 ? 0 - magnitude : magnitude;
}
