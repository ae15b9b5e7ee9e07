// The whole request checked at once: every problem reported, none stops the others.

import { formatYearMonth } from "./calendar";
import { field, isRecord } from "./fields";
import { type Issue, IssueCode, IssueList } from "./issues";
import { type CategoryCheck, type ValidCategory, validateCategories } from "./validateCategories";
import { type EntryTotals, type PeriodBounds, validateEntries } from "./validateEntries";
import { type Settings, validateSettings } from "./validateSettings";
import { formatPeriod, periodDayRange, workingMonthPeriod } from "./workingMonth";

export interface ValidRequest {
  month: string;
  period: { from: string; to: string };
  settings: Settings;
  categories: ValidCategory[];
  totals: EntryTotals;
}

export type Validation = { ok: true; request: ValidRequest } | { ok: false; issues: Issue[] };

export function validateQuoteRequest(request: unknown): Validation {
  const issues = new IssueList();
  if (!isRecord(request)) {
    issues.add(
      "",
      IssueCode.INVALID_REQUEST,
      "The request must be a JSON object with month, costCategories and entries",
      "リクエストは month, costCategories, entries を持つ JSON オブジェクトで送ってください",
    );
    return { ok: false, issues: issues.items };
  }
  const settings = validateSettings(request, issues);
  let bounds: PeriodBounds | null = null;
  let month = "";
  let period = { from: "", to: "" };
  if (settings.month !== null && settings.closingDay !== null) {
    const days = workingMonthPeriod(settings.month, settings.closingDay);
    month = formatYearMonth(settings.month);
    period = formatPeriod(days);
    const { first, last } = periodDayRange(days);
    bounds = { first, last, month, from: period.from, to: period.to };
  }
  const rawCategories = field(request, "costCategories");
  const check: CategoryCheck = validateCategories(rawCategories, issues);
  const categoryCount = Array.isArray(rawCategories) ? rawCategories.length : 0;
  const totals = validateEntries(
    field(request, "entries"),
    check.byId,
    categoryCount,
    bounds,
    issues,
  );
  if (!issues.isEmpty || bounds === null) return { ok: false, issues: issues.items };
  return { ok: true, request: { month, period, settings, categories: check.categories, totals } };
}
