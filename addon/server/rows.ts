import { formatTime, parseTime, type WorkEntry, workedMinutes } from "../../shared";
import { type ContractTerms, categoryIdOf } from "./contracts";
import { at, COLUMN } from "./layout";

// One timesheet row to one work entry (業務登録). Values come from getValues(): dates and
// times may be Date objects (the sheet parsed them), numbers (820) or text ("8:20"). The
// engine reads times itself, so text and numbers pass through as typed.

export interface SheetEntry {
  /** 0-based row within the data range (sheet row = FIRST_DATA_ROW + index). */
  index: number;
  /** The hidden row id, "" until the first sync gives it one. */
  clientRowId: string;
  /** The hidden fingerprint of the row as last synced, "" when never. */
  syncedAs: string;
  entry: WorkEntry;
}

const blank = (value: unknown) =>
  value === "" || value === null || value === undefined || value === false;

const pad = (n: number) => String(n).padStart(2, "0");

/** "2025-08-01", "2025/8/1" or a Date the sheet parsed: an ISO date when it looks like one. */
export function dateText(value: unknown, timeZone: string): string {
  if (value instanceof Date) return Utilities.formatDate(value, timeZone, "yyyy-MM-dd");
  const text = String(value ?? "").trim();
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  return match ? `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}` : text;
}

/**
 * A date as a person types it into a cell or a prompt: "2026/12/30", "２０２６－１２－３０" or
 * "2026年12月30日" as "2026-12-30"; anything else as typed, for the API to name.
 */
export function typedDate(text: string, timeZone: string): string {
  const plain = text
    .normalize("NFKC")
    .trim()
    .replace(/[年月]/g, "-")
    .replace(/日$/, "");
  return dateText(plain, timeZone);
}

/** Full-width digits and colon as their ASCII forms: what a Japanese IME types. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A clock value as the engine reads it: "0820" for a Date, the number or text as typed. */
export function timeValue(value: unknown, timeZone: string): string | number | undefined {
  if (blank(value)) return undefined;
  if (value instanceof Date) return Utilities.formatDate(value, timeZone, "HHmm");
  if (typeof value === "number") return value;
  return asciiDigits(String(value).trim());
}

/**
 * A number (６０ as 60), or the text as typed when it is not one: the engine (and the API) then
 * name the field at fault. The cast is deliberate; WorkEntry types what valid input looks like.
 */
function numberValue(value: unknown): number | undefined {
  if (blank(value)) return undefined;
  if (typeof value === "number") return value;
  const text = asciiDigits(String(value).trim());
  const number = Number(text);
  return (text !== "" && Number.isFinite(number) ? number : text) as number;
}

/**
 * A break in minutes: 60, ６０, or a duration typed as 1:00, which the sheet may hold as a time
 * of day (a Date); its text would otherwise reach the person as the Date's English.
 */
function breakValue(value: unknown, timeZone: string): number | undefined {
  if (value instanceof Date) {
    const [hours = 0, minutes = 0] = Utilities.formatDate(value, timeZone, "HH:mm")
      .split(":")
      .map(Number);
    return hours * 60 + minutes;
  }
  const duration = /^(\d{1,2}):([0-5]\d)$/.exec(asciiDigits(String(value ?? "").trim()));
  if (duration) return Number(duration[1]) * 60 + Number(duration[2]);
  return numberValue(value);
}

/** Date and cost category alone (the prefilled days) do not make an entry. */
export function isEntryRow(row: readonly unknown[]): boolean {
  return !(
    blank(row[at(COLUMN.start)]) &&
    blank(row[at(COLUMN.end)]) &&
    blank(row[at(COLUMN.breakMinutes)]) &&
    blank(row[at(COLUMN.quantity)]) &&
    blank(row[at(COLUMN.skipHours)]) &&
    blank(String(row[at(COLUMN.details)] ?? "").trim())
  );
}

export function entryOf(
  row: readonly unknown[],
  terms: ContractTerms | null,
  timeZone: string,
): WorkEntry {
  const entry: WorkEntry = {
    date: dateText(row[at(COLUMN.date)], timeZone),
    costCategoryId: categoryIdOf(terms, String(row[at(COLUMN.category)] ?? "").trim()),
  };
  const start = timeValue(row[at(COLUMN.start)], timeZone);
  const end = timeValue(row[at(COLUMN.end)], timeZone);
  const breakMinutes = breakValue(row[at(COLUMN.breakMinutes)], timeZone);
  const quantity = numberValue(row[at(COLUMN.quantity)]);
  const details = String(row[at(COLUMN.details)] ?? "").trim();
  if (start !== undefined) entry.start = start;
  if (end !== undefined) entry.end = end;
  if (breakMinutes !== undefined) entry.breakMinutes = breakMinutes;
  if (quantity !== undefined) entry.quantity = quantity;
  if (row[at(COLUMN.skipHours)] === true) entry.skipHours = true;
  if (details !== "") entry.details = details;
  return entry;
}

/** Every entry row of the data range, in sheet order. */
export function sheetEntries(
  values: readonly (readonly unknown[])[],
  terms: ContractTerms | null,
  timeZone: string,
): SheetEntry[] {
  const entries: SheetEntry[] = [];
  values.forEach((row, index) => {
    if (!isEntryRow(row)) return;
    const clientRowId = String(row[at(COLUMN.rowId)] ?? "").trim();
    const syncedAs = String(row[at(COLUMN.synced)] ?? "").trim();
    entries.push({ index, clientRowId, syncedAs, entry: entryOf(row, terms, timeZone) });
  });
  return entries;
}

/** Sheet rows that carry the issues of `entries.N...` (or `rows.N...`) paths. */
export function rowOfIssuePath(path: string, entries: readonly SheetEntry[]): number | null {
  const match = /^(?:entries|rows)\.(\d+)(?:\.|$)/.exec(path);
  if (!match) return null;
  return entries[Number(match[1])]?.index ?? null;
}

/** The row's worked minutes (実働), or null while its times do not make a span yet. */
export function workedMinutesOf(entry: WorkEntry): number | null {
  if (entry.start === undefined || entry.end === undefined) return null;
  const start = parseTime(entry.start);
  const end = parseTime(entry.end);
  const rest = entry.breakMinutes ?? 0;
  if (start === null || end === null || !Number.isInteger(rest) || rest < 0) return null;
  if (end <= start || rest >= end - start) return null;
  return workedMinutes(start, end, rest);
}

/** The row's worked time (実働) as 7:30, or "" when its times do not make one yet. */
export function workedText(entry: WorkEntry): string {
  const minutes = workedMinutesOf(entry);
  return minutes === null ? "" : formatTime(minutes).replace(/^0(\d)/, "$1");
}
