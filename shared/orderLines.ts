// 発注明細 (order lines): one per cost category, as the purchase order lists them.
//
// - monthly, monthlyRange: quantity 1 (数量は自動で1), months ordered = the working months
//   (発注月数), amount = the fee of each month summed; for monthlyRange each month's own
//   fee (its per-month terms, else the base), so the amount may differ from unit price x
//   months, the unit price being the base fee.
// - hourly, quantity: unit price only; quantity and amount depend on the work reported, so
//   they are null ("as reported", 実績による).

import { termsForMonth } from "./hourRangeTerms";
import { add, sum } from "./money";
import type { CostCategory, CostCategoryType } from "./types";

/** Months in a row at one fee: the line's arithmetic, unitPrice x months = amount. */
export interface OrderTerm {
  /** First and last working month (YYYY-MM) of the run. */
  from: string;
  to: string;
  months: number;
  unitPrice: number;
  amount: number;
}

export interface OrderLine {
  costCategoryId: string;
  /** 費目: the category's name, or its id. */
  name: string;
  type: CostCategoryType;
  unitPrice: number;
  /** 1 for the monthly types; null when set by the work (hourly, quantity). */
  quantity: number | null;
  /** 発注月数: the number of working months ordered. */
  months: number;
  /** Yen for the whole order; null when set by the work. */
  amount: number | null;
  /**
   * The monthly types: one entry per run of months at the same fee, so that a document prints
   * lines that multiply out and add up to `amount` (absent on orders sent before).
   */
  terms?: OrderTerm[];
}

/**
 * The lines for `workingMonths` (YYYY-MM, the months this order covers). Throws RangeError
 * when an amount leaves the safe integer range.
 */
export function orderLines(
  costCategories: readonly CostCategory[],
  workingMonths: readonly string[],
): OrderLine[] {
  return costCategories.map((category) => orderLine(category, workingMonths));
}

function orderLine(category: CostCategory, workingMonths: readonly string[]): OrderLine {
  const base = {
    costCategoryId: category.id,
    name: category.name ?? category.id,
    type: category.type,
    months: workingMonths.length,
  };
  switch (category.type) {
    case "hourly":
    case "quantity":
      return { ...base, unitPrice: category.unitPrice, quantity: null, amount: null };
    case "monthly":
      return {
        ...base,
        unitPrice: category.monthlyFee,
        quantity: 1,
        amount: sum(workingMonths.map(() => category.monthlyFee)),
        terms: runsOf(workingMonths.map((month) => [month, category.monthlyFee])),
      };
    case "monthlyRange":
      return {
        ...base,
        unitPrice: category.monthlyFee,
        quantity: 1,
        amount: sum(workingMonths.map((month) => termsForMonth(category, month).monthlyFee)),
        terms: runsOf(
          workingMonths.map((month) => [month, termsForMonth(category, month).monthlyFee]),
        ),
      };
  }
}

/** Consecutive months at the same fee, as one term each. */
function runsOf(fees: readonly (readonly [month: string, fee: number])[]): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const [month, fee] of fees) {
    const last = terms.at(-1);
    if (last && last.unitPrice === fee) {
      last.to = month;
      last.months += 1;
      last.amount = add(last.amount, fee);
    } else {
      terms.push({ from: month, to: month, months: 1, unitPrice: fee, amount: fee });
    }
  }
  return terms;
}

/** The fixed part of the order: the amounts known in advance, summed (hourly lines add 0). */
export function orderFixedTotal(lines: readonly OrderLine[]): number {
  return lines.reduce((total, line) => add(total, line.amount ?? 0), 0);
}
