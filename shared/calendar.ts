// ISO calendar dates by integer arithmetic on the proleptic Gregorian calendar. No Date
// object, so no time zone can shift a day: dates are Japan-time calendar days as written.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface YearMonth {
  year: number;
  month: number;
}

const HYPHEN = 45;

/** The number written by the ASCII digits text[from..to), or -1 if any is not one. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let position = from; position < to; position++) {
    const digit = text.charCodeAt(position) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "YYYY-MM" with a real month (01-12) and year 0001-9999, else null. */
export function parseYearMonth(value: unknown): YearMonth | null {
  // "YYYY-MM" read digit by digit, no regular expression: dates are read per entry.
  if (typeof value !== "string" || value.length !== 7 || value.charCodeAt(4) !== HYPHEN) {
    return null;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  if (year < 1 || month < 1 || month > 12) return null;
  return { year, month };
}

/** "YYYY-MM-DD" naming a day that exists (2024-02-29 yes, 2025-02-29 no), else null. */
export function parseIsoDate(value: unknown): CalendarDate | null {
  // "YYYY-MM-DD" read digit by digit, no regular expression: dates are read per entry.
  if (typeof value !== "string" || value.length !== 10) return null;
  if (value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function formatYearMonth({ year, month }: YearMonth): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Days since 1970-01-01 (negative before it), by Howard Hinnant's days_from_civil. Gives
 * dates a cheap integer order and makes day arithmetic plain addition.
 */
export function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100);
  return era * 146097 + dayOfEra + dayOfYear - 719468;
}

/** The inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function previousMonth({ year, month }: YearMonth): YearMonth {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}
