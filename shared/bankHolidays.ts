// 銀行休業日 (bank holidays): weekends, national holidays and 12/31 to 1/3. The national
// holidays come from the caller (worker/ reads a maintained package), so the engine stays
// free of data that changes every year.

import { parseIsoDate, toDayNumber } from "./calendar";

export type HolidayPredicate = (isoDate: string) => boolean;

function parseOrThrow(isoDate: string) {
  const date = parseIsoDate(isoDate);
  if (date === null) throw new RangeError(`invalid date ${JSON.stringify(isoDate)}`);
  return date;
}

/** 0 = Sunday .. 6 = Saturday. Day 0 of toDayNumber, 1970-01-01, was a Thursday. */
export function dayOfWeek(isoDate: string): number {
  const days = toDayNumber(parseOrThrow(isoDate));
  return (((days + 4) % 7) + 7) % 7;
}

export function isWeekend(isoDate: string): boolean {
  const day = dayOfWeek(isoDate);
  return day === 0 || day === 6;
}

/** 年末年始: banks close from 12/31 through 1/3. */
export function isYearEndHoliday(isoDate: string): boolean {
  const { month, day } = parseOrThrow(isoDate);
  return (month === 12 && day === 31) || (month === 1 && day <= 3);
}

/** Weekends, 12/31-1/3, and the given national holidays (祝日,振替休日 included), ISO dates. */
export function bankHolidayPredicate(nationalHolidays: ReadonlySet<string>): HolidayPredicate {
  return (isoDate) =>
    isWeekend(isoDate) || isYearEndHoliday(isoDate) || nationalHolidays.has(isoDate);
}
