// Consumption tax (消費税) once per invoice, and withholding income tax (源泉徴収税) on
// an individual partner's fee: 10.21 % up to 1,000,000 yen, 20.42 % on the part above.

import { add, mulDiv, type RoundingMode } from "./money";

export const DEFAULT_CONSUMPTION_TAX_RATE = 10;
export const DEFAULT_CONSUMPTION_TAX_ROUNDING: RoundingMode = "floor";

export const WITHHOLDING_BASES = ["includingTax", "excludingTax"] as const;
export type WithholdingBase = (typeof WITHHOLDING_BASES)[number];
export const DEFAULT_WITHHOLDING_BASE: WithholdingBase = "includingTax";

/** Withholding rates in ten-thousandths (10.21 % = 1021 / 10000). */
export const WITHHOLDING_THRESHOLD = 1_000_000;
const LOWER_RATE = 1021;
const UPPER_RATE = 2042;
const RATE_DENOMINATOR = 10_000;
/** floor(1,000,000 x 10.21 %): the tax on the first million when the base exceeds it. */
const TAX_ON_THRESHOLD = 102_100;

/** Integer percent 0..100. */
export function isTaxRate(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 100;
}

/**
 * subtotal x rate / 100, rounded by `rounding` once for the whole invoice. A negative
 * subtotal (a deduction larger than the fee) is taxed as the mirror of its magnitude, so
 * tax(-x) = -tax(x): floor drops the fraction (切り捨て) whatever the sign.
 */
export function consumptionTax(subtotal: number, rate: number, rounding: RoundingMode): number {
  if (!isTaxRate(rate)) throw new RangeError(`invalid consumption tax rate ${rate}`);
  const magnitude = mulDiv(Math.abs(subtotal), rate, 100, rounding);
  return subtotal < 0 ? 0 - magnitude : magnitude;
}

/** Withholding on `base` yen; 0 for a base of 0 or less. */
export function withholdingTax(base: number): number {
  if (base <= 0) return 0;
  if (base <= WITHHOLDING_THRESHOLD) return mulDiv(base, LOWER_RATE, RATE_DENOMINATOR, "floor");
  const above = mulDiv(base - WITHHOLDING_THRESHOLD, UPPER_RATE, RATE_DENOMINATOR, "floor");
  return add(TAX_ON_THRESHOLD, above);
}
