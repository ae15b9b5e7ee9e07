// The per-month terms (月毎の単価・稼働時間範囲) of a monthly fee with an hour range, checked
// against the contract they belong to: sending an order refuses months that are not working
// months of the contract (the seed's July, when closing on the 25th makes August the first).

import { formatYearMonth, parseYearMonth } from "./calendar";
import { type ContractPeriod, closingDayLabel, workingMonthsOf } from "./contractPeriod";
import { isRecord } from "./fields";
import { type Issue, IssueCode, IssueList, makeIssue } from "./issues";
import type { AppliedTerms, MonthlyRangeCostCategory } from "./types";
import { MAX_MONTH_TERMS, validateCategories } from "./validateCategories";

export type BillingMode = "invoice" | "paymentNotice";

export interface TermsContract {
  period: ContractPeriod;
  closingDay: number;
  /**
   * The first working month of a change of conditions (稼働条件変更): months before it
   * belong to the earlier version and are refused here.
   */
  effectiveFrom?: string;
  /** Hour-range conditions allow only partner invoices (請求書), never payment notices. */
  billingMode?: BillingMode;
}

/** The months per-month terms may name: the contract's working months, from effectiveFrom. */
export function termsMonthsAllowed(contract: TermsContract): string[] {
  const months = workingMonthsOf(contract.period, contract.closingDay);
  const from = contract.effectiveFrom;
  return from === undefined ? months : months.filter((month) => month >= from);
}

/**
 * The working months the per-month terms start out with: the first working month (the one
 * holding the service start date, or effectiveFrom) and those after it, at most 6. The
 * seed's product defaults to the calendar month of the start date and asks the user to
 * overwrite it when that is wrong; the working month is never wrong, so it is the default.
 */
export function defaultTermsMonths(contract: TermsContract): string[] {
  return termsMonthsAllowed(contract).slice(0, MAX_MONTH_TERMS);
}

/** 稼動初月: the first month of the per-month terms, by default. */
export function defaultFirstTermsMonth(period: ContractPeriod, closingDay: number): string {
  const [first] = workingMonthsOf(period, closingDay);
  if (first === undefined) throw new RangeError("a valid period has a working month");
  return first;
}

function listMonths(months: readonly string[]): { en: string; ja: string } {
  if (months.length <= MAX_MONTH_TERMS) {
    const list = months.join(", ");
    return { en: list, ja: list };
  }
  const first = months[0];
  const last = months[months.length - 1];
  return { en: `${first} to ${last}`, ja: `${first} から ${last} まで` };
}

/**
 * Each month named by `months` (items with a `month` field) must be an allowed working
 * month of the contract. Items whose month is missing or malformed are skipped: the shape
 * of the terms is validateHourRangeTerms' concern.
 */
export function monthTermsContractIssues(
  months: readonly unknown[],
  contract: TermsContract,
  path = "months",
): Issue[] {
  const allowed = termsMonthsAllowed(contract);
  const allowedSet = new Set(allowed);
  const all = workingMonthsOf(contract.period, contract.closingDay);
  const closing = closingDayLabel(contract.closingDay);
  const from = contract.effectiveFrom;
  const issues: Issue[] = [];
  months.forEach((item, index) => {
    const parsed = isRecord(item) ? parseYearMonth(item.month) : null;
    if (parsed === null) return;
    const month = formatYearMonth(parsed);
    if (allowedSet.has(month)) return;
    const at = `${path}.${index}.month`;
    if (from !== undefined && all.includes(month)) {
      const list = listMonths(allowed);
      issues.push(
        makeIssue(
          at,
          IssueCode.MONTH_NOT_WORKING_MONTH,
          `${month} is before ${from}, the month these conditions take effect: use one of ${list.en}`,
          `${month} は、この稼働条件の適用開始月 ${from} より前です。${list.ja} のいずれかを指定してください`,
        ),
      );
      return;
    }
    const list = listMonths(all);
    issues.push(
      makeIssue(
        at,
        IssueCode.MONTH_NOT_WORKING_MONTH,
        `${month} is not a working month of this contract: with ${closing.en} its working months are ${list.en}`,
        `${month} はこの契約の稼働月ではありません。${closing.ja}の場合、稼働月は ${list.ja} です`,
      ),
    );
  });
  return issues;
}

/**
 * A monthlyRange cost category checked in full against its contract: the engine's own
 * checks of its shape (fee, half-hour bounds, lower <= upper, rates, at most 6 unique
 * months; the quote's messages, at `path`), then that it is a monthlyRange category, that
 * its months are working months of the contract, and that billing is by invoice.
 */
export function validateHourRangeTerms(
  category: unknown,
  contract: TermsContract,
  path = "costCategories.0",
): Issue[] {
  const shape = new IssueList();
  validateCategories([category], shape);
  const issues = shape.items.map((issue) => ({
    ...issue,
    path: issue.path.replace(/^costCategories\.0/, path),
  }));
  if (!isRecord(category)) return issues;
  if (category.type !== "monthlyRange" && !issues.some((issue) => issue.path === `${path}.type`)) {
    issues.push(
      makeIssue(
        `${path}.type`,
        IssueCode.INVALID_COST_CATEGORY_TYPE,
        "Per-month terms need a monthlyRange cost category (monthly fee with an hour range)",
        "月毎の条件は、時間幅・超過/控除を設定した月額固定の費目でのみ指定できます",
      ),
    );
  }
  if (contract.billingMode === "paymentNotice") {
    issues.push(
      makeIssue(
        "billingMode",
        IssueCode.RANGE_REQUIRES_INVOICE_BILLING,
        "A monthly fee with an hour range is billed by the partner's invoice: payment notices cannot be used with it",
        "時間幅・超過/控除を設定した稼働条件では、請求の対応方法は「パートナー側が請求書を送付し、企業側が承認する」のみ選択できます",
      ),
    );
  }
  const months = category.months;
  if (Array.isArray(months)) {
    issues.push(...duplicateMonthIssues(months, `${path}.months`, issues));
    issues.push(...monthTermsContractIssues(months, contract, `${path}.months`));
  }
  return issues;
}

/**
 * validateCategories only sees a repeat of a month whose first terms were valid; this
 * reports the rest, so fixing one fault never uncovers another.
 */
function duplicateMonthIssues(months: readonly unknown[], path: string, known: Issue[]) {
  const reported = new Set(known.map((issue) => issue.path));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  months.forEach((item, index) => {
    const parsed = isRecord(item) ? parseYearMonth(item.month) : null;
    if (parsed === null) return;
    const month = formatYearMonth(parsed);
    const at = `${path}.${index}.month`;
    if (seen.has(month) && !reported.has(at)) {
      issues.push(
        makeIssue(
          at,
          IssueCode.DUPLICATE_TERMS_MONTH,
          `months ${index + 1}: ${month} already has terms; give each month once`,
          `月毎の条件 ${index + 1} 件目: ${month} の条件が重複しています。各月は1回だけ指定してください`,
        ),
      );
    }
    seen.add(month);
  });
  return issues;
}

/**
 * The terms a month is invoiced with: its per-month terms when listed, else the base terms.
 * With auto-renewal (自動更新) the months after the listed ones therefore use the base
 * terms, as the quote engine does; other terms need a change of conditions.
 */
export function termsForMonth(category: MonthlyRangeCostCategory, month: string): AppliedTerms {
  const override = category.months?.find((terms) => terms.month === month);
  const terms = override ?? category;
  return {
    source: override === undefined ? "base" : "month",
    month: override === undefined ? null : month,
    monthlyFee: terms.monthlyFee,
    lowerHours: terms.lowerHours,
    upperHours: terms.upperHours,
    excessRate: category.excessRate,
    deductionRate: category.deductionRate,
  };
}
