// 精算時間単位 (settlement unit) truncation, and the hour range (時間幅) of a monthly fee
// with excess (超過) and deduction (控除) rates.

import { mulDiv } from "./money";

export const SETTLEMENT_UNITS = [0, 15, 30, 60] as const;
export type SettlementUnit = (typeof SETTLEMENT_UNITS)[number];
export const DEFAULT_SETTLEMENT_UNIT: SettlementUnit = 0;

export function isSettlementUnit(value: unknown): value is SettlementUnit {
  return value === 0 || value === 15 || value === 30 || value === 60;
}

/** A month's worked minutes truncated down to a multiple of the unit (0: unchanged). */
export function settleMinutes(minutes: number, unit: SettlementUnit): number {
  if (unit === 0) return minutes;
  return minutes - (minutes % unit);
}

/** Range bounds are half hours: 140.5 is allowed, 140.4 is not. */
export function isHalfHourMultiple(hours: unknown): hours is number {
  return (
    typeof hours === "number" &&
    Number.isFinite(hours) &&
    hours >= 0 &&
    Number.isSafeInteger(hours * 60) &&
    Number.isInteger(hours * 2)
  );
}

export interface RangeTerms {
  lowerMinutes: number;
  upperMinutes: number;
  excessRate: number;
  deductionRate: number;
}

export interface RangeAdjustment {
  kind: "excess" | "deduction";
  /** Minutes beyond the upper bound, or short of the lower one: always positive. */
  minutes: number;
  rate: number;
  /** Yen: positive for an excess, negative (or 0 at a zero rate) for a deduction. */
  amount: number;
}

/**
 * Above the upper bound: floor(excess hours x excessRate). Below the lower bound:
 * -floor(missing hours x deductionRate), the magnitude rounded down like the excess. At
 * either bound or between them: null. Rates of 0 still report the hours, at 0 yen.
 */
export function rangeAdjustment(settledMinutes: number, terms: RangeTerms): RangeAdjustment | null {
  if (settledMinutes > terms.upperMinutes) {
    const minutes = settledMinutes - terms.upperMinutes;
    const amount = mulDiv(minutes, terms.excessRate, 60, "floor");
    return { kind: "excess", minutes, rate: terms.excessRate, amount };
  }
  if (settledMinutes < terms.lowerMinutes) {
    const minutes = terms.lowerMinutes - settledMinutes;
    // 0 - x, not -x, so that a zero rate gives 0 rather than -0.
    const amount = 0 - mulDiv(minutes, terms.deductionRate, 60, "floor");
    return { kind: "deduction", minutes, rate: terms.deductionRate, amount };
  }
  return null;
}
