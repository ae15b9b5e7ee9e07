// Clock times as integer minutes after midnight of the entry's date. Hours run to 47 so
// that work past midnight stays on the day it began ("2630" is 02:30 the next morning).

export const MAX_HOUR = 47;
export const LATEST_TIME_MINUTES = MAX_HOUR * 60 + 59;

const COLON = 58;

/** The digit at `position`, or -1. */
function digitAt(text: string, position: number): number {
  const digit = text.charCodeAt(position) - 48;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** Hours and minutes of "820", "0820", "8:20" or "08:20"; -1 when the form is wrong. */
function parseClockText(text: string): number {
  const length = text.length;
  let hoursLength: number;
  if (length >= 4 && text.charCodeAt(length - 3) === COLON) hoursLength = length - 3;
  else if (length === 3 || length === 4) hoursLength = length - 2;
  else return -1;
  if (hoursLength < 1 || hoursLength > 2) return -1;
  let hours = 0;
  for (let position = 0; position < hoursLength; position++) {
    const digit = digitAt(text, position);
    if (digit < 0) return -1;
    hours = hours * 10 + digit;
  }
  const tens = digitAt(text, length - 2);
  const ones = digitAt(text, length - 1);
  if (tens < 0 || ones < 0) return -1;
  return hours * 100 + tens * 10 + ones;
}

/**
 * Minutes after midnight, or null when the value is not a time.
 *
 * Strings: 3 or 4 digits ("820", "0820", "2630") or H:MM / HH:MM ("8:20", "08:20"); one or
 * two bare digits are refused, since "9" could mean 09:00 or 00:09. Numbers: a non-negative
 * integer read as HHMM (820 is 08:20, 30 is 00:30), since JSON cannot write a leading zero.
 * Hours 0-47, minutes 0-59 in every form. No regular expression: this runs per entry.
 */
export function parseTime(value: unknown): number | null {
  let clock: number;
  if (typeof value === "number") {
    clock = Number.isInteger(value) && value >= 0 ? value : -1;
  } else if (typeof value === "string") {
    clock = parseClockText(value);
  } else {
    return null;
  }
  if (clock < 0) return null;
  const hours = Math.floor(clock / 100);
  const minutes = clock % 100;
  if (hours > MAX_HOUR || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** "HH:MM" for minutes after midnight (hours may pass 23: 1590 -> "26:30"). */
export function formatTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours < 10 ? "0" : ""}${hours}:${rest < 10 ? "0" : ""}${rest}`;
}

/** Worked minutes of one entry: end - start - break. Callers check end > start > break. */
export function workedMinutes(start: number, end: number, breakMinutes: number): number {
  return end - start - breakMinutes;
}

/** A timed entry placed on a day: `day` is any integer day number, times in minutes. */
export interface DayInterval {
  index: number;
  day: number;
  start: number;
  end: number;
}

/** Two intervals on the same day whose [start, end) ranges intersect; `earlier` starts first. */
export interface Overlap {
  earlier: DayInterval;
  later: DayInterval;
}

function byDayThenStart(a: DayInterval, b: DayInterval): number {
  return a.day - b.day || a.start - b.start || a.end - b.end || a.index - b.index;
}

/**
 * Every interval that overlaps one before it on its day, paired with the one it hits (the
 * earlier interval reaching furthest). One sort, one sweep: O(n log n). Touching intervals
 * (12:00-13:00 then 13:00-14:00) do not overlap.
 */
export function findOverlaps(intervals: readonly DayInterval[]): Overlap[] {
  const sorted = intervals.slice().sort(byDayThenStart);
  const overlaps: Overlap[] = [];
  let reach: DayInterval | undefined;
  for (const current of sorted) {
    if (reach !== undefined && reach.day === current.day && current.start < reach.end) {
      overlaps.push({ earlier: reach, later: current });
      if (current.end > reach.end) reach = current;
    } else {
      reach = current;
    }
  }
  return overlaps;
}
