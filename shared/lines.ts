// One invoice line per cost category, in request order, and the hour-range adjustments.

import { IssueCode, type IssueList } from "./issues";
import { mulDiv } from "./money";
import { fromHundredths } from "./quantity";
import { rangeAdjustment, type SettlementUnit, settleMinutes } from "./settlement";
import type { AppliedTerms, QuoteAdjustment, QuoteLine } from "./types";
import type { ValidCategory } from "./validateCategories";
import type { EntryTotals } from "./validateEntries";

/** Hours as the contract reports them: minutes / 60, exact for the settlement units. */
export function minutesToHours(minutes: number): number {
  return minutes / 60;
}

function appliedTerms(category: ValidCategory, month: string): AppliedTerms | undefined {
  const range = category.range;
  if (range === null) return undefined;
  const override = range.months.get(month);
  const terms = override ?? range.base;
  return {
    source: override === undefined ? "base" : "month",
    month: override === undefined ? null : month,
    monthlyFee: terms.monthlyFee,
    lowerHours: terms.lowerHours,
    upperHours: terms.upperHours,
    excessRate: range.excessRate,
    deductionRate: range.deductionRate,
  };
}

/** One line, its fields in the answer's order; written out whole (no spreads: runs per quote). */
function line(
  category: ValidCategory,
  minutes: number,
  rawMinutes: number,
  hours: number,
  quantity: number,
  unitPrice: number,
  amount: number,
): QuoteLine {
  return {
    costCategoryId: category.id,
    name: category.name,
    type: category.type,
    minutes,
    rawMinutes,
    hours,
    quantity,
    unitPrice,
    amount,
  };
}

function buildLine(
  category: ValidCategory,
  rawMinutes: number,
  hundredths: number,
  unit: SettlementUnit,
  month: string,
  adjustments: QuoteAdjustment[],
): QuoteLine {
  if (category.type === "quantity") {
    const amount = mulDiv(hundredths, category.price, 100, "floor");
    return line(category, 0, 0, 0, fromHundredths(hundredths), category.price, amount);
  }
  const minutes = settleMinutes(rawMinutes, unit);
  const hours = minutesToHours(minutes);
  if (category.type === "hourly") {
    const amount = mulDiv(minutes, category.price, 60, "floor");
    return line(category, minutes, rawMinutes, hours, hours, category.price, amount);
  }
  const terms = appliedTerms(category, month);
  if (terms === undefined) {
    return line(category, minutes, rawMinutes, hours, 1, category.price, category.price);
  }
  const adjustment = rangeAdjustment(minutes, {
    lowerMinutes: terms.lowerHours * 60,
    upperMinutes: terms.upperHours * 60,
    excessRate: terms.excessRate,
    deductionRate: terms.deductionRate,
  });
  if (adjustment !== null) {
    adjustments.push({
      costCategoryId: category.id,
      kind: adjustment.kind,
      hours: minutesToHours(adjustment.minutes),
      minutes: adjustment.minutes,
      rate: adjustment.rate,
      amount: adjustment.amount,
    });
  }
  const fee = terms.monthlyFee;
  return { ...line(category, minutes, rawMinutes, hours, 1, fee, fee), appliedTerms: terms };
}

/** Lines and adjustments; an amount beyond the safe integer range becomes an issue. */
export function buildLines(
  categories: readonly ValidCategory[],
  totals: EntryTotals,
  unit: SettlementUnit,
  month: string,
  issues: IssueList,
): { lines: QuoteLine[]; adjustments: QuoteAdjustment[] } {
  const lines: QuoteLine[] = [];
  const adjustments: QuoteAdjustment[] = [];
  for (const category of categories) {
    const rawMinutes = totals.minutes[category.index] ?? 0;
    const hundredths = totals.hundredths[category.index] ?? 0;
    try {
      lines.push(buildLine(category, rawMinutes, hundredths, unit, month, adjustments));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      issues.add(
        `costCategories.${category.index}`,
        IssueCode.AMOUNT_TOO_LARGE,
        `cost category ${category.index + 1} (${category.id}): the amount is too large to compute exactly; check its prices and quantities`,
        `費目 ${category.index + 1} 件目（${category.id}）: 金額が大きすぎて正確に計算できません。単価と数量を確認してください`,
      );
    }
  }
  return { lines, adjustments };
}
