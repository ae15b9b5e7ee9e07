// 稼働月 (working month): the days one invoice covers, fixed by the contract's 締め日
// (closing day).

import {
  addDays,
  type CalendarDate,
  daysInMonth,
  formatIsoDate,
  previousMonth,
  toDayNumber,
  type YearMonth,
} from "./calendar";

/** 31 is 末日締め: the calendar month, whatever its length. */
export const MONTH_END_CLOSING_DAY = 31;
export const DEFAULT_CLOSING_DAY = MONTH_END_CLOSING_DAY;

/** 1..28, or 31 for month end. 29 and 30 are refused: they do not exist every month. */
export function isClosingDay(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    ((value >= 1 && value <= 28) || value === MONTH_END_CLOSING_DAY)
  );
}

export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * The working month M with closing day D runs from the day after D of the month before M
 * through D of M; D = 31 means the calendar month. Closing day 25, 2025-08:
 * 2025-07-26..2025-08-25. Closing day 28, 2025-03: 2025-03-01..2025-03-28 (the day after
 * 2025-02-28).
 */
export function workingMonthPeriod(month: YearMonth, closingDay: number): Period {
  if (!isClosingDay(closingDay)) throw new RangeError(`invalid closing day ${closingDay}`);
  if (closingDay === MONTH_END_CLOSING_DAY) {
    return {
      from: { year: month.year, month: month.month, day: 1 },
      to: { year: month.year, month: month.month, day: daysInMonth(month.year, month.month) },
    };
  }
  const before = previousMonth(month);
  return {
    from: addDays({ year: before.year, month: before.month, day: closingDay }, 1),
    to: { year: month.year, month: month.month, day: closingDay },
  };
}

/** The period as ISO strings, as the quote reports it. */
export function formatPeriod(period: Period): { from: string; to: string } {
  return { from: formatIsoDate(period.from), to: formatIsoDate(period.to) };
}

/** The period as an inclusive range of day numbers, for cheap membership tests. */
export function periodDayRange(period: Period): { first: number; last: number } {
  return { first: toDayNumber(period.from), last: toDayNumber(period.to) };
}
