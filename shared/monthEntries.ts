// The rules a month of work entries (業務登録) obeys, wherever it is checked: the API's sync
// and the add-on's offline check run this same function over the same request, so the sheet
// refuses exactly what the server refuses.

import {
  formatIsoDate,
  fromDayNumber,
  parseIsoDate,
  parseYearMonth,
  toDayNumber,
} from "./calendar";
import type { ContractPeriod } from "./contractPeriod";
import { type Issue, IssueCode } from "./issues";
import type { QuoteRequest } from "./types";
import { validateQuoteRequest } from "./validate";
import { workingMonthPeriod } from "./workingMonth";

/**
 * The engine's issues with the month's entries, plus dates outside the contract period (the
 * quote knows the working month, not the contract). Paths are the engine's `entries.N.*`.
 */
export function monthEntryIssues(request: QuoteRequest, period: ContractPeriod): Issue[] {
  const validation = validateQuoteRequest(request);
  const issues = validation.ok ? [] : [...validation.issues];
  const entries = request.entries ?? [];
  for (let index = 0; index < entries.length; index++) {
    const date = entries[index]?.date;
    const path = `entries.${index}.date`;
    if (parseIsoDate(date) === null || issues.some((issue) => issue.path === path)) continue;
    if (date && (date < period.start || date > period.end)) {
      issues.push({
        path,
        code: IssueCode.DATE_OUTSIDE_PERIOD,
        message: `Entry ${index + 1} (${date}) is outside the contract period ${period.start} to ${period.end}`,
        messageJa: `${index + 1}件目 (${date}) は契約期間（${period.start}〜${period.end}）の期間外です`,
      });
    }
  }
  return issues;
}

/**
 * The days a timesheet holds: those of the working month inside the contract period, as ISO
 * dates in order; none when the two do not meet.
 */
export function monthDaysInPeriod(
  month: string,
  closingDay: number,
  period: ContractPeriod,
): string[] {
  const ym = parseYearMonth(month);
  const start = parseIsoDate(period.start);
  const end = parseIsoDate(period.end);
  if (!ym || !start || !end) return [];
  const days = workingMonthPeriod(ym, closingDay);
  const from = Math.max(toDayNumber(days.from), toDayNumber(start));
  const to = Math.min(toDayNumber(days.to), toDayNumber(end));
  const dates: string[] = [];
  for (let day = from; day <= to; day++) dates.push(formatIsoDate(fromDayNumber(day)));
  return dates;
}

/** Who "Entry N" of the engine's messages is, at the start of a sentence or inside one. */
export type EntryLabeler = (index: number, capital: boolean) => { en: string; ja: string };

/** The engine's words with its entry numbers replaced by names the caller knows. */
export function relabelEntries(issue: Issue, label: EntryLabeler, lang: "ja" | "en"): string {
  if (lang === "ja") {
    return issue.messageJa.replace(/(\d+)件目/g, (_, n: string) => label(Number(n) - 1, true).ja);
  }
  return issue.message.replace(
    /\b(Entry|entry) (\d+)\b/g,
    (_, word: string, n: string) => label(Number(n) - 1, word === "Entry").en,
  );
}
