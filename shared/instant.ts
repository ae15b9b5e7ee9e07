// Instants as epoch milliseconds, parsed from ISO 8601 strings that carry their offset. No
// Date.parse: it reads a string without an offset in the host's zone, which differs between
// a laptop, a Worker and Apps Script. Deadlines are Japan time (+09:00, no daylight saving).

import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber } from "./calendar";

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

/** "2025-09-25T14:59:59.999Z", "2025-09-25T23:59+09:00": epoch ms; no offset, null. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = INSTANT.exec(value);
  if (match === null) return null;
  const date = parseIsoDate(match[1]);
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  const seconds = Number(match[4] ?? "0");
  // Below a millisecond is cut: no deadline here is finer than that.
  const millis = Number((match[5] ?? "").padEnd(3, "0").slice(0, 3));
  if (date === null || hours > 23 || minutes > 59 || seconds > 59) return null;
  const zone = match[6] ?? "Z";
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetRest = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetRest > 59) return null;
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  return (
    toDayNumber(date) * DAY_MS +
    ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 +
    millis
  );
}

/** The last millisecond of a Japan-time day: "2025-09-25" -> 2025-09-25T23:59:59.999+09:00. */
export function endOfDayJst(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  if (date === null) throw new RangeError(`invalid date ${JSON.stringify(isoDate)}`);
  return (toDayNumber(date) + 1) * DAY_MS - JST_OFFSET_MS - 1;
}

/** The Japan-time calendar date of an instant: today, as the product's dates mean it. */
export function jstDateOf(epochMs: number): string {
  return formatIsoDate(fromDayNumber(Math.floor((epochMs + JST_OFFSET_MS) / DAY_MS)));
}
