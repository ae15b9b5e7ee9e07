// Suggested excess (超過) and deduction (控除) rates for a monthly fee with an hour range,
// by the two SES conventions. Suggestions only: the user accepts or edits them.
//
// 上下割 (upperLower): excess = fee / upper hours, deduction = fee / lower hours.
// 中間割 (midpoint):   both = fee / ((lower + upper) / 2).
//
// Rates are whole yen per hour, rounded down (切り捨て), so a suggested rate never pays
// more than the convention gives. Hours may end in .5: the division runs on half hours
// (fee x 2 / half hours), integers throughout.

import { type Issue, IssueCode, IssueList, quoteValue } from "./issues";
import { isYen, mulDiv } from "./money";
import { isHalfHourMultiple } from "./settlement";

export type RateConvention = "upperLower" | "midpoint";

export interface RateNote {
  field: "excessRate" | "deductionRate";
  message: string;
  messageJa: string;
}

export interface RateSuggestion {
  convention: RateConvention;
  labelEn: string;
  labelJa: string;
  /** Yen per hour, rounded down; null when the convention gives none (see notes). */
  excessRate: number | null;
  deductionRate: number | null;
  notes: RateNote[];
}

export interface RangeInput {
  monthlyFee: number;
  lowerHours: number;
  upperHours: number;
}

const NO_DEDUCTION: RateNote = {
  field: "deductionRate",
  message:
    "No deduction rate is suggested: with a lower bound of 0 hours a month can never fall short, so no deduction applies",
  messageJa:
    "下限が0時間のため稼働時間が下限を下回ることはなく、控除は発生しません。控除単価の提案はありません",
};

const NO_EXCESS: RateNote = {
  field: "excessRate",
  message:
    "No excess rate is suggested: with an upper bound of 0 hours the fee cannot be divided by the hours",
  messageJa: "上限が0時間のため、月額を時間で割れません。超過単価の提案はありません",
};

/** fee / (halfHours / 2) = fee x 2 / halfHours, rounded down; null for 0 half hours. */
function perHour(fee: number, halfHours: number): number | null {
  return halfHours === 0 ? null : mulDiv(fee, 2, halfHours, "floor");
}

export type RateSuggestions =
  | { ok: true; suggestions: RateSuggestion[] }
  | { ok: false; issues: Issue[] };

function rangeIssues({ monthlyFee, lowerHours, upperHours }: RangeInput): Issue[] {
  const issues = new IssueList();
  if (!isYen(monthlyFee)) {
    issues.add(
      "monthlyFee",
      IssueCode.INVALID_AMOUNT,
      `monthlyFee ${quoteValue(monthlyFee)} is not allowed: use whole yen, 0 or more`,
      `月額固定費 ${quoteValue(monthlyFee)} は指定できません。0以上の整数（円）を入力してください`,
    );
  }
  const bounds = [
    ["lowerHours", lowerHours, "下限"],
    ["upperHours", upperHours, "上限"],
  ] as const;
  for (const [key, hours, ja] of bounds) {
    if (isHalfHourMultiple(hours)) continue;
    issues.add(
      key,
      IssueCode.INVALID_RANGE_HOURS,
      `${key} ${quoteValue(hours)} is not allowed: use hours in steps of 0.5 (such as 140 or 140.5), 0 or more`,
      `稼働時間範囲の${ja} ${quoteValue(hours)} は指定できません。0以上、0.5 時間刻み（140 や 140.5 など）で入力してください`,
    );
  }
  if (issues.isEmpty && lowerHours > upperHours) {
    issues.add(
      "lowerHours",
      IssueCode.RANGE_LOWER_ABOVE_UPPER,
      `lowerHours ${lowerHours} must not be above upperHours ${upperHours} (they may be equal)`,
      `下限 ${lowerHours} 時間は上限 ${upperHours} 時間以下にしてください（同じ値は可）`,
    );
  }
  return issues.items;
}

/** Both conventions' suggestions for a valid range, or the issues with the range. */
export function suggestRates(range: RangeInput): RateSuggestions {
  const issues = rangeIssues(range);
  if (issues.length > 0) return { ok: false, issues };
  const { monthlyFee, lowerHours, upperHours } = range;
  const lowerHalves = lowerHours * 2;
  const upperHalves = upperHours * 2;

  const upperLowerNotes: RateNote[] = [];
  const excess = perHour(monthlyFee, upperHalves);
  if (excess === null) upperLowerNotes.push(NO_EXCESS);
  const deduction = lowerHalves === 0 ? null : perHour(monthlyFee, lowerHalves);
  if (lowerHalves === 0) upperLowerNotes.push(NO_DEDUCTION);

  // The midpoint in half hours is (lowerHalves + upperHalves) / 2, so the rate is
  // fee x 2 / that = fee x 4 / (lowerHalves + upperHalves): no quarter hours to round.
  const midpointNotes: RateNote[] = [];
  const halvesSum = lowerHalves + upperHalves;
  const midpoint = halvesSum === 0 ? null : mulDiv(monthlyFee, 4, halvesSum, "floor");
  if (midpoint === null) midpointNotes.push(NO_EXCESS);
  if (lowerHalves === 0) midpointNotes.push(NO_DEDUCTION);

  const suggestions: RateSuggestion[] = [
    {
      convention: "upperLower",
      labelEn: "Upper/lower split",
      labelJa: "上下割",
      excessRate: excess,
      deductionRate: deduction,
      notes: upperLowerNotes,
    },
    {
      convention: "midpoint",
      labelEn: "Midpoint split",
      labelJa: "中間割",
      excessRate: midpoint,
      deductionRate: lowerHalves === 0 ? null : midpoint,
      notes: midpointNotes,
    },
  ];
  return { ok: true, suggestions };
}
