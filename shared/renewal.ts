// 自動更新 (auto-renewal): a contract that renews itself when it ends, for the same term, with
// the base terms of an hour range (the seed: "自動更新後の月の単価・稼働時間範囲は基準条件の
// 基準単価、稼働時間範囲が適用されます").

import { addDays, formatIsoDate, formatYearMonth, parseIsoDate, parseYearMonth } from "./calendar";
import { type ContractPeriod, workingMonthOf, workingMonthsOf } from "./contractPeriod";
import type { CostCategory } from "./types";
import { workingMonthPeriod } from "./workingMonth";

export interface Renewal {
  /** The renewed period: from the day after the end to the closing day of its last month. */
  period: ContractPeriod;
  /** Its working months, as many as the term has. */
  months: string[];
}

/**
 * The term of a contract in working months (the seed's 2025-05-15..2025-07-31, month-end
 * closing: May, June, July, so 3). Renewing by working months keeps every renewed month whole,
 * where a count of days would end mid-month.
 */
export function termMonths(period: ContractPeriod, closingDay: number): number {
  return workingMonthsOf(period, closingDay).length;
}

/**
 * The next period of a contract ending on `period.end`, for `term` working months after the
 * month of its end date. The seed's example renews 2025-05-15..2025-07-31 as
 * 2025-08-01..2025-10-31. An end date before its closing day leaves the rest of that working
 * month to the period that had it.
 */
export function renewalOf(period: ContractPeriod, closingDay: number, term: number): Renewal {
  if (!Number.isInteger(term) || term < 1) throw new RangeError(`invalid term ${term}`);
  const end = parseIsoDate(period.end);
  if (end === null) throw new RangeError(`invalid date ${JSON.stringify(period.end)}`);
  const last = workingMonthOf(end, closingDay);
  const months: string[] = [];
  for (let i = 1; i <= term; i++) {
    const index = last.year * 12 + (last.month - 1) + i;
    months.push(formatYearMonth({ year: Math.floor(index / 12), month: (index % 12) + 1 }));
  }
  const final = parseYearMonth(months[months.length - 1]);
  if (final === null) throw new RangeError("a renewal has a month");
  return {
    period: {
      start: formatIsoDate(addDays(end, 1)),
      end: formatIsoDate(workingMonthPeriod(final, closingDay).to),
    },
    months,
  };
}

/**
 * The conditions of the renewed months: the same, less the per-month terms of an hour range
 * (月毎の単価・稼働時間範囲), which named months of the earlier period, so its base terms apply.
 * Other terms need a change of conditions (稼働条件変更), as the seed says.
 */
export function renewedConditions(categories: readonly CostCategory[]): CostCategory[] {
  return categories.map((category) => {
    if (category.type !== "monthlyRange" || category.months === undefined) return category;
    const { months: _listed, ...base } = category;
    return base;
  });
}
