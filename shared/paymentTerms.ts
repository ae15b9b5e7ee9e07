// 支払条件 (payment terms): which day a working month is paid, and the Freelance Act's limit.
// { monthsAfter: 1, day: 31 } is 翌月末払い: the last day of the month after the closing
// date's month. Dates are calendar arithmetic on day numbers, never a Date in a time zone.

import type { HolidayPredicate } from "./bankHolidays";
import {
  addDays,
  type CalendarDate,
  daysInMonth,
  formatIsoDate,
  parseIsoDate,
  parseYearMonth,
  toDayNumber,
} from "./calendar";
import { isRecord } from "./fields";
import { type Issue, IssueCode, IssueList, makeIssue, quoteValue } from "./issues";
import { MONTH_END_CLOSING_DAY, workingMonthPeriod } from "./workingMonth";

export interface PaymentTerms {
  /** Months after the month of the closing date: 0 the same month, 1 the next. */
  monthsAfter: number;
  /** Day of that month, 1..31; past the month's length (31 always) means its last day. */
  day: number;
}

export const MONTH_END_PAYMENT_DAY = 31;
export const MAX_PAYMENT_MONTHS_AFTER = 3;
/** フリーランス保護法 art. 4: pay within 60 days of receiving the work. */
export const FREELANCE_ACT_LIMIT_DAYS = 60;

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  const suffix = ["th", "st", "nd", "rd"][day % 10] ?? "th";
  return `${day}${suffix}`;
}

/** "end of the following month" / "翌月末払い", "10th of the month after next" / "翌々月10日払い". */
export function paymentTermsLabel({ monthsAfter, day }: PaymentTerms): { en: string; ja: string } {
  const monthsEn = ["the same month", "the following month", "the month after next"];
  const monthsJa = ["当月", "翌月", "翌々月"];
  const monthEn = monthsEn[monthsAfter] ?? `the month ${monthsAfter} months later`;
  const monthJa = monthsJa[monthsAfter] ?? `${monthsAfter}か月後の`;
  const monthEnd = day >= MONTH_END_PAYMENT_DAY;
  return {
    en: monthEnd ? `end of ${monthEn}` : `${ordinal(day)} of ${monthEn}`,
    ja: monthEnd ? `${monthJa}末払い` : `${monthJa}${day}日払い`,
  };
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Shape (monthsAfter 0..3, day 1..31) and sense: with monthsAfter 0 the day must not come
 * before the closing day, or payment would fall due before the work it pays for is done.
 */
export function validatePaymentTerms(
  value: unknown,
  closingDay: number,
  path = "paymentTerms",
): Issue[] {
  const issues = new IssueList();
  if (!isRecord(value)) {
    issues.add(
      path,
      value === undefined || value === null ? IssueCode.REQUIRED : IssueCode.INVALID_TYPE,
      "Payment terms are required: give monthsAfter and day, such as { monthsAfter: 1, day: 31 } for the end of the following month",
      "支払条件を指定してください（翌月末払いなら { monthsAfter: 1, day: 31 }）",
    );
    return issues.items;
  }
  const { monthsAfter, day } = value;
  if (!isIntegerIn(monthsAfter, 0, MAX_PAYMENT_MONTHS_AFTER)) {
    issues.add(
      `${path}.monthsAfter`,
      IssueCode.INVALID_PAYMENT_TERMS,
      `monthsAfter ${quoteValue(monthsAfter)} is not allowed: use a whole number of months from 0 (the closing month) to ${MAX_PAYMENT_MONTHS_AFTER}`,
      `支払月 ${quoteValue(monthsAfter)} は指定できません。0（当月）から ${MAX_PAYMENT_MONTHS_AFTER} までの整数で指定してください`,
    );
  }
  if (!isIntegerIn(day, 1, MONTH_END_PAYMENT_DAY)) {
    issues.add(
      `${path}.day`,
      IssueCode.INVALID_PAYMENT_TERMS,
      `day ${quoteValue(day)} is not allowed: use a day from 1 to 31, where 31 means the last day of the month`,
      `支払日 ${quoteValue(day)} は指定できません。1 から 31 の整数で指定してください（31 は月末）`,
    );
  }
  if (!issues.isEmpty) return issues.items;
  const terms = { monthsAfter, day } as PaymentTerms;
  if (terms.monthsAfter === 0 && terms.day < closingDay) {
    const closing = closingDay === MONTH_END_CLOSING_DAY ? "the month end" : `day ${closingDay}`;
    const closingJa = closingDay === MONTH_END_CLOSING_DAY ? "月末" : `${closingDay}日`;
    const label = paymentTermsLabel(terms);
    issues.add(
      `${path}.day`,
      IssueCode.PAYMENT_DUE_BEFORE_CLOSING,
      `Payment terms "${label.en}" make payment due before the month closes on ${closing}: choose a day on or after the closing day, or a later month`,
      `支払条件「${label.ja}」では、${closingJa}の締め日より前に支払期日が来ます。締め日以降の日か、翌月以降を指定してください`,
    );
  }
  return issues.items;
}

function parseMonthOrThrow(workingMonth: string) {
  const month = parseYearMonth(workingMonth);
  if (month === null) throw new RangeError(`invalid month ${JSON.stringify(workingMonth)}`);
  return month;
}

/** The working month's closing date (its last day): 2025-08 closing on the 25th: 2025-08-25. */
export function closingDateOf(workingMonth: string, closingDay: number): string {
  return formatIsoDate(workingMonthPeriod(parseMonthOrThrow(workingMonth), closingDay).to);
}

function nominalDate(workingMonth: string, closingDay: number, terms: PaymentTerms): CalendarDate {
  const closing = workingMonthPeriod(parseMonthOrThrow(workingMonth), closingDay).to;
  const index = closing.year * 12 + (closing.month - 1) + terms.monthsAfter;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(terms.day, daysInMonth(year, month)) };
}

/** The due date the terms name, before any bank-holiday move. */
export function nominalDueDate(workingMonth: string, closingDay: number, terms: PaymentTerms) {
  return formatIsoDate(nominalDate(workingMonth, closingDay, terms));
}

/**
 * 支払期日: the nominal date, moved to the previous business day while it is a bank
 * holiday (前営業日). isBankHoliday covers weekends, national holidays and 12/31-1/3; see
 * bankHolidayPredicate. Moving earlier keeps the date within any legal limit.
 */
export function dueDateFor(
  workingMonth: string,
  closingDay: number,
  terms: PaymentTerms,
  isBankHoliday: HolidayPredicate,
): string {
  return previousBusinessDay(
    formatIsoDate(nominalDate(workingMonth, closingDay, terms)),
    isBankHoliday,
  );
}

/**
 * `isoDate` itself when banks are open, else the last business day before it (前営業日):
 * the day a payment due on a bank holiday is made.
 */
export function previousBusinessDay(isoDate: string, isBankHoliday: HolidayPredicate): string {
  const parsed = parseIsoDate(isoDate);
  if (parsed === null) throw new RangeError(`invalid date ${JSON.stringify(isoDate)}`);
  let date = parsed;
  // No calendar closes banks for a month; a predicate that does is a caller's bug.
  for (let step = 0; step < 31; step++) {
    const iso = formatIsoDate(date);
    if (!isBankHoliday(iso)) return iso;
    date = addDays(date, -1);
  }
  throw new RangeError("isBankHoliday closed every day for a month before the due date");
}

/** Days from the working month's closing date to `dueDate` (0 on the closing date itself). */
export function daysAfterClosing(workingMonth: string, closingDay: number, dueDate: string) {
  const due = parseIsoDate(dueDate);
  if (due === null) throw new RangeError(`invalid date ${JSON.stringify(dueDate)}`);
  const closing = workingMonthPeriod(parseMonthOrThrow(workingMonth), closingDay).to;
  return toDayNumber(due) - toDayNumber(closing);
}

/** Two years, one of them leap: every month length and every February the terms can meet. */
const REFERENCE_MONTHS = Array.from({ length: 24 }, (_, index) => {
  const year = 2023 + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
});

function monthDay(isoDate: string): { en: string; ja: string } {
  const date = parseIsoDate(isoDate);
  if (date === null) return { en: isoDate, ja: isoDate };
  const names = ["January", "February", "March", "April", "May", "June", "July", "August"];
  const rest = ["September", "October", "November", "December"];
  const name = [...names, ...rest][date.month - 1];
  return { en: `${name} ${date.day}`, ja: `${date.month}月${date.day}日` };
}

/**
 * The Freelance Act (フリーランス保護法) check, for individual partners (the caller decides
 * who is one): refused when, for any of `months` (by default every kind of month, as
 * auto-renewal can reach any), the nominal due date comes more than 60 days after the
 * working month's closing date, the day the month's work counts as received.
 */
export function freelanceActLimitIssue(
  terms: PaymentTerms,
  closingDay: number,
  options: { months?: readonly string[]; path?: string } = {},
): Issue | null {
  let worst: { days: number; closing: string; due: string } | null = null;
  for (const month of options.months ?? REFERENCE_MONTHS) {
    const due = nominalDueDate(month, closingDay, terms);
    const days = daysAfterClosing(month, closingDay, due);
    if (worst === null || days > worst.days) {
      worst = { days, closing: closingDateOf(month, closingDay), due };
    }
  }
  if (worst === null || worst.days <= FREELANCE_ACT_LIMIT_DAYS) return null;
  const label = paymentTermsLabel(terms);
  const closing = monthDay(worst.closing);
  const due = monthDay(worst.due);
  return makeIssue(
    options.path ?? "paymentTerms",
    IssueCode.FREELANCE_ACT_PAYMENT_LIMIT,
    `Payment terms "${label.en}" put the due date up to ${worst.days} days after the closing date (a month closing on ${closing.en} is due on ${due.en}): the Freelance Act (フリーランス保護法) requires payment within ${FREELANCE_ACT_LIMIT_DAYS} days of receiving the work. Choose an earlier payment day.`,
    `支払条件「${label.ja}」では、支払期日が締め日から最大 ${worst.days} 日後になります（${closing.ja}締めの場合、支払期日は${due.ja}）。フリーランス保護法により、給付を受領した日から ${FREELANCE_ACT_LIMIT_DAYS} 日以内に支払う必要があります。より早い支払日を指定してください`,
  );
}
