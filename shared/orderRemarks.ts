// 備考 (remarks) of a purchase order, in Japanese like the document: the hour-range terms
// of a monthlyRange category (unless the company hides them), the company's own text, and
// in payment-notice mode the sentence by which a notice counts as accepted.

import { formatHourRange, formatYearMonthJa, formatYen, settlementUnitLabelJa } from "./formatJa";
import type { BillingMode } from "./hourRangeTerms";
import type { SettlementUnit } from "./settlement";
import type { CostCategory, MonthlyRangeCostCategory, MonthTerms } from "./types";

export interface RemarksInput {
  costCategories: readonly CostCategory[];
  settlementUnit: SettlementUnit;
  /** 精算幅に関する表記を備考欄に表示しない: the company's own text still shows. */
  hideRangeTerms?: boolean;
  /** 備考欄を編集: the company's free text. */
  companyRemarks?: string;
  billingMode: BillingMode;
  /** Payment-notice mode: days after sending within which errors must be reported. */
  confirmationDays?: number | null;
}

export interface MonthTermsRow {
  month: string;
  monthlyFee: number;
  lowerHours: number;
  upperHours: number;
}

export interface OrderRemarks {
  /** One string per printed line; sections are separated by an empty line. */
  lines: string[];
  /** The lines joined with "\n". */
  text: string;
  /** The per-month terms, for a document that draws them as a table; null when not shown. */
  monthTable: MonthTermsRow[] | null;
}

/** 0 yen an hour is printed as "ー" in the remarks (the contract screens show 0円/時間). */
function ratePerHour(rate: number): string {
  return rate === 0 ? "ー" : `${formatYen(rate)}/時間`;
}

/** みなし承認: the sentence a payment-notice order carries, with its number of days. */
export function deemedAcceptanceSentence(confirmationDays: number): string {
  if (!Number.isSafeInteger(confirmationDays) || confirmationDays < 1) {
    throw new RangeError(
      `confirmationDays must be a whole number of days, got ${confirmationDays}`,
    );
  }
  return `支払通知書送付後${confirmationDays}日以内に誤りのある旨の連絡がない場合は、記載内容のとおり承認されたものとします。`;
}

function differsFromBase(terms: MonthTerms, base: MonthlyRangeCostCategory): boolean {
  return (
    terms.monthlyFee !== base.monthlyFee ||
    terms.lowerHours !== base.lowerHours ||
    terms.upperHours !== base.upperHours
  );
}

/**
 * The per-month rows, in month order, when at least one month's terms differ from the base
 * terms; null when every listed month repeats the base (the remarks then state the base
 * terms alone, as the seed's "same conditions every month" order does).
 */
export function monthTermsTable(category: MonthlyRangeCostCategory): MonthTermsRow[] | null {
  const months = [...(category.months ?? [])].sort((a, b) => a.month.localeCompare(b.month));
  if (!months.some((terms) => differsFromBase(terms, category))) return null;
  return months.map(({ month, monthlyFee, lowerHours, upperHours }) => ({
    month,
    monthlyFee,
    lowerHours,
    upperHours,
  }));
}

/** The hour-range lines of a monthlyRange category, and its per-month table if shown. */
export function rangeTermsLines(category: MonthlyRangeCostCategory, unit: SettlementUnit) {
  const lines = [
    `基準単価：${formatYen(category.monthlyFee)}`,
    `稼働時間：${formatHourRange(category.lowerHours, category.upperHours)}`,
    `超過：${ratePerHour(category.excessRate)}`,
    `控除：${ratePerHour(category.deductionRate)}`,
    `精算時間単位：${settlementUnitLabelJa(unit)}`,
  ];
  const table = monthTermsTable(category);
  if (table !== null) {
    lines.push("", "稼働月 / 単価 / 稼働時間範囲");
    for (const row of table) {
      const range = formatHourRange(row.lowerHours, row.upperHours);
      lines.push(`${formatYearMonthJa(row.month)} / ${formatYen(row.monthlyFee)} / ${range}`);
    }
  }
  return { lines, monthTable: table };
}

function companyLines(text: string | undefined): string[] {
  if (text === undefined || text.trim() === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && (lines[lines.length - 1] ?? "").trim() === "") lines.pop();
  while (lines.length > 0 && (lines[0] ?? "").trim() === "") lines.shift();
  return lines;
}

/**
 * The order's remarks. Throws RangeError in payment-notice mode without a whole number of
 * confirmation days: the sentence cannot be written without it.
 */
export function orderRemarks(input: RemarksInput): OrderRemarks {
  const sections: string[][] = [];
  let monthTable: MonthTermsRow[] | null = null;
  const range = input.costCategories.find(
    (category): category is MonthlyRangeCostCategory => category.type === "monthlyRange",
  );
  if (range !== undefined && input.hideRangeTerms !== true) {
    const terms = rangeTermsLines(range, input.settlementUnit);
    sections.push(terms.lines);
    monthTable = terms.monthTable;
  }
  const own = companyLines(input.companyRemarks);
  if (own.length > 0) sections.push(own);
  if (input.billingMode === "paymentNotice") {
    sections.push([deemedAcceptanceSentence(input.confirmationDays ?? 0)]);
  }
  const lines = sections.flatMap((section, index) => (index === 0 ? section : ["", ...section]));
  return { lines, text: lines.join("\n"), monthTable };
}
