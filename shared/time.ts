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

/** Timed entries as columns: position i is day[i], start[i], end[i] (integer minutes). */
export interface DayColumns {
  day: readonly number[];
  start: readonly number[];
  end: readonly number[];
}

/**
 * Positions ordered by day, start, end, then position. Positions are bucketed by day (a
 * month has ~31 days), and only a bucket out of order is sorted: on one exact integer key
 * per position, so on plain numbers, never with a comparator. Keys too large to stay exact
 * fall back to a comparator sort.
 */
function sortedPositions({ day, start, end }: DayColumns): ArrayLike<number> {
  const count = day.length;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (let i = 0; i < count; i++) {
    const d = day[i] as number;
    const s = start[i] as number;
    const e = end[i] as number;
    integers &&= Number.isSafeInteger(d) && Number.isSafeInteger(s) && Number.isSafeInteger(e);
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
    earliest = Math.min(earliest, s, e);
    latest = Math.max(latest, s, e);
  }
  const days = lastDay - firstDay + 1;
  const times = latest - earliest + 1;
  if (!integers || !(days * times * times * count <= Number.MAX_SAFE_INTEGER)) {
    const positions = Array.from({ length: count }, (_, i) => i);
    return positions.sort(
      (a, b) =>
        (day[a] as number) - (day[b] as number) ||
        (start[a] as number) - (start[b] as number) ||
        (end[a] as number) - (end[b] as number) ||
        a - b,
    );
  }
  /** Orders positions as (day, start, end) do; ties are broken by position. */
  const keyOf = (i: number) =>
    (((day[i] as number) - firstDay) * times + ((start[i] as number) - earliest)) * times +
    ((end[i] as number) - earliest);

  const positions = new Uint32Array(count);
  const bucketEnds = new Uint32Array(days > count ? 1 : days);
  if (days > count) {
    // Days too spread out to bucket: one bucket.
    for (let i = 0; i < count; i++) positions[i] = i;
    bucketEnds[0] = count;
  } else {
    // Counting sort by day, keeping positions in order within a day.
    for (let i = 0; i < count; i++) {
      const bucket = (day[i] as number) - firstDay;
      bucketEnds[bucket] = (bucketEnds[bucket] as number) + 1;
    }
    for (let d = 1; d < days; d++) {
      bucketEnds[d] = (bucketEnds[d] as number) + (bucketEnds[d - 1] as number);
    }
    const next = new Uint32Array(days);
    for (let d = 1; d < days; d++) next[d] = bucketEnds[d - 1] as number;
    for (let i = 0; i < count; i++) {
      const bucket = (day[i] as number) - firstDay;
      const at = next[bucket] as number;
      positions[at] = i;
      next[bucket] = at + 1;
    }
  }
  let from = 0;
  for (let b = 0; b < bucketEnds.length; b++) {
    const to = bucketEnds[b] as number;
    let previous = -1;
    for (let k = from; k < to; k++) {
      const key = keyOf(positions[k] as number);
      if (key < previous) {
        sortByKey(positions, from, to, keyOf);
        break;
      }
      previous = key;
    }
    from = to;
  }
  return positions;
}

/** Sorts positions[from..to) by key, then position: both in one exact number per position. */
function sortByKey(
  positions: Uint32Array,
  from: number,
  to: number,
  keyOf: (position: number) => number,
): void {
  const count = positions.length;
  const keys = new Float64Array(to - from);
  for (let k = from; k < to; k++) {
    const position = positions[k] as number;
    keys[k - from] = keyOf(position) * count + position;
  }
  keys.sort();
  for (let k = from; k < to; k++) positions[k] = (keys[k - from] as number) % count;
}

/**
 * Every position whose interval overlaps one before it on its day, paired with the one it
 * hits (the earlier interval reaching furthest), as [earlier, later, earlier, later, ...].
 * One sort, one sweep: O(n log n). Touching intervals (12:00-13:00 then 13:00-14:00) do not
 * overlap.
 */
export function findOverlappingPositions(columns: DayColumns): number[] {
  const { day, start, end } = columns;
  const order = sortedPositions(columns);
  const pairs: number[] = [];
  let reach = -1;
  for (let k = 0; k < order.length; k++) {
    const current = order[k] as number;
    if (
      reach >= 0 &&
      day[reach] === day[current] &&
      (start[current] as number) < (end[reach] as number)
    ) {
      pairs.push(reach, current);
      if ((end[current] as number) > (end[reach] as number)) reach = current;
    } else {
      reach = current;
    }
  }
  return pairs;
}

/**
 * findOverlappingPositions for intervals as objects: every interval that overlaps one before
 * it on its day (ties broken by index), paired with the one it hits.
 */
export function findOverlaps(intervals: readonly DayInterval[]): Overlap[] {
  const byIndex = intervals.slice().sort((a, b) => a.index - b.index);
  const pairs = findOverlappingPositions({
    day: byIndex.map((interval) => interval.day),
    start: byIndex.map((interval) => interval.start),
    end: byIndex.map((interval) => interval.end),
  });
  const overlaps: Overlap[] = [];
  for (let k = 0; k < pairs.length; k += 2) {
    const earlier = byIndex[pairs[k] as number] as DayInterval;
    const later = byIndex[pairs[k + 1] as number] as DayInterval;
    overlaps.push({ earlier, later });
  }
  return overlaps;
}
