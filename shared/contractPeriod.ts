// 契約期間 (contract period) and the working months (稼働月) it covers.

import {
  type CalendarDate,
  formatYearMonth,
  parseIsoDate,
  parseYearMonth,
  toDayNumber,
  type YearMonth,
} from "./calendar";
import { formatYearMonthJa } from "./formatJa";
import { type Issue, IssueCode, IssueList, makeIssue, quoteValue } from "./issues";
import {
  formatPeriod,
  isClosingDay,
  MONTH_END_CLOSING_DAY,
  workingMonthPeriod,
} from "./workingMonth";

/** Both ends inclusive, ISO dates in Japan time: 2025-07-26..2025-09-25. */
export interface ContractPeriod {
  start: string;
  end: string;
}

export type PeriodCheck =
  | { ok: true; start: CalendarDate; end: CalendarDate }
  | { ok: false; issues: Issue[] };

/**
 * Real dates, start on or before end (a one-day contract is allowed). `paths` names the
 * fields in the caller's body, such as { start: "startDate", end: "endDate" }.
 */
export function validateContractPeriod(
  period: { start?: unknown; end?: unknown },
  paths: { start: string; end: string } = { start: "start", end: "end" },
): PeriodCheck {
  const issues = new IssueList();
  const start = readDate(period.start, paths.start, { en: "start date", ja: "開始日" }, issues);
  const end = readDate(period.end, paths.end, { en: "end date", ja: "終了日" }, issues);
  if (start !== null && end !== null && toDayNumber(end) < toDayNumber(start)) {
    issues.add(
      paths.end,
      IssueCode.END_BEFORE_START,
      `The contract ends on ${period.end} before it starts on ${period.start}: the end date must be on or after the start date`,
      `契約期間の終了日 ${period.end} が開始日 ${period.start} より前です。終了日は開始日以降にしてください`,
    );
  }
  if (start === null || end === null || !issues.isEmpty) return { ok: false, issues: issues.items };
  return { ok: true, start, end };
}

function readDate(
  value: unknown,
  path: string,
  label: { en: string; ja: string },
  issues: IssueList,
): CalendarDate | null {
  const date = parseIsoDate(value);
  if (date !== null) return date;
  issues.add(
    path,
    value === undefined || value === null ? IssueCode.REQUIRED : IssueCode.INVALID_DATE,
    `The contract's ${label.en} ${quoteValue(value)} is not a date: use YYYY-MM-DD, such as 2025-07-26`,
    `契約期間の${label.ja} ${quoteValue(value)} は日付ではありません。2025-07-26 のように YYYY-MM-DD で入力してください`,
  );
  return null;
}

/**
 * The working month a day belongs to: with closing day D, a day after D belongs to the next
 * month (2025-07-26 closing on the 25th is in 2025-08); with month-end closing, its own month.
 */
export function workingMonthOf(date: CalendarDate, closingDay: number): YearMonth {
  if (!isClosingDay(closingDay)) throw new RangeError(`invalid closing day ${closingDay}`);
  if (closingDay === MONTH_END_CLOSING_DAY || date.day <= closingDay) {
    return { year: date.year, month: date.month };
  }
  return date.month === 12
    ? { year: date.year + 1, month: 1 }
    : { year: date.year, month: date.month + 1 };
}

/** workingMonthOf for an ISO date string; RangeError on a date that does not exist. */
export function workingMonthOfDate(isoDate: string, closingDay: number): string {
  return formatYearMonth(workingMonthOf(parseDateOrThrow(isoDate), closingDay));
}

function parseDateOrThrow(value: string): CalendarDate {
  const date = parseIsoDate(value);
  if (date === null) throw new RangeError(`invalid date ${JSON.stringify(value)}`);
  return date;
}

function monthIndex({ year, month }: YearMonth): number {
  return year * 12 + (month - 1);
}

/**
 * Every working month whose period (workingMonthPeriod) shares a day with the contract
 * period, in order. Working months tile the calendar, so these run from the month of the
 * start date to the month of the end date. Closing day 25, 2025-07-26..2025-09-25:
 * ["2025-08", "2025-09"]; July is not one of them. Throws RangeError on an invalid period
 * or closing day: validate first.
 */
export function workingMonthsOf(period: ContractPeriod, closingDay: number): string[] {
  const start = parseDateOrThrow(period.start);
  const end = parseDateOrThrow(period.end);
  if (toDayNumber(end) < toDayNumber(start)) {
    throw new RangeError(`period ends ${period.end} before it starts ${period.start}`);
  }
  const first = monthIndex(workingMonthOf(start, closingDay));
  const last = monthIndex(workingMonthOf(end, closingDay));
  const months: string[] = [];
  for (let index = first; index <= last; index++) {
    months.push(formatYearMonth({ year: Math.floor(index / 12), month: (index % 12) + 1 }));
  }
  return months;
}

/**
 * The contract's working months that it covers only in part: the first when the contract
 * starts after the month's first day, the last when it ends before the closing day (a
 * contract ending 5/31 with closing on the 25th has 2027-06 for 5/26..5/31 alone). Each with
 * the dates the contract has in it.
 */
export function partialWorkingMonths(
  period: ContractPeriod,
  closingDay: number,
): { month: string; from: string; to: string }[] {
  const partial: { month: string; from: string; to: string }[] = [];
  for (const month of workingMonthsOf(period, closingDay)) {
    const parsed = parseYearMonth(month);
    if (!parsed) continue;
    const whole = formatPeriod(workingMonthPeriod(parsed, closingDay));
    // ISO dates sort as they fall: the later start and the earlier end.
    const from = [whole.from, period.start].sort()[1] ?? whole.from;
    const to = [whole.to, period.end].sort()[0] ?? whole.to;
    if (from !== whole.from || to !== whole.to) partial.push({ month, from, to });
  }
  return partial;
}

/** The working month of the contract's start date: the first one it is invoiced in. */
export function firstWorkingMonth(period: ContractPeriod, closingDay: number): string {
  return workingMonthOfDate(period.start, closingDay);
}

/**
 * A contract's first conditions take effect in its first working month, never another: an
 * earlier month is not worked under the contract, a later one leaves the first months with
 * no order to work or bill them under. The seed's example: 2025-07-26..2025-09-25 closing
 * on the 25th starts in 2025-08, so 2025-07 is refused. Null when it is right.
 */
export function firstWorkingMonthIssue(
  period: ContractPeriod,
  closingDay: number,
  effectiveFrom: string,
  path = "conditions.effectiveFrom",
): Issue | null {
  const first = firstWorkingMonth(period, closingDay);
  if (effectiveFrom === first) return null;
  const closing = closingDayLabel(closingDay);
  const range = `${period.start}..${period.end}`;
  return makeIssue(
    path,
    IssueCode.NOT_FIRST_WORKING_MONTH,
    `The conditions must take effect in ${first}, the contract's first working month (${range} with ${closing.en}), not ${effectiveFrom}`,
    `稼働条件の適用開始月は、この契約の最初の稼働月 ${formatYearMonthJa(first)} にしてください（契約期間 ${period.start}〜${period.end}、${closing.ja}）。${formatYearMonthJa(effectiveFrom)} は指定できません`,
  );
}

/** The working month of the contract's end date: its last invoice. */
export function lastWorkingMonth(period: ContractPeriod, closingDay: number): string {
  return workingMonthOfDate(period.end, closingDay);
}

/** "closing day 25" / "締め日が25日", or month end (末日締め) for 31. */
export function closingDayLabel(closingDay: number): { en: string; ja: string } {
  if (closingDay === MONTH_END_CLOSING_DAY) {
    return { en: "month-end closing", ja: "末日締め" };
  }
  return { en: `closing day ${closingDay}`, ja: `締め日が${closingDay}日` };
}
