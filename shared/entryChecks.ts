// The checks of one work entry's times and quantity. Messages are built only when something
// is wrong: this runs once per entry, 10,000 times for a heavy month.

import type { Fields } from "./fields";
import { entryLabel, IssueCode, type IssueList, quoteValue } from "./issues";
import { toHundredths } from "./quantity";
import { formatTime, LATEST_TIME_MINUTES, parseTime } from "./time";
import type { CostCategoryType } from "./types";

const TIME_HINT = {
  en: "use HHMM or HH:MM with hours 0-47 and minutes 0-59, such as 0900, 900 or 26:30",
  ja: "0900、900、26:30 のように、時 0〜47・分 0〜59 で入力してください",
};

/** Where an entry stands: its index, its date as given (for messages), its category type. */
export interface EntryContext {
  index: number;
  date: unknown;
  type: CostCategoryType | null;
}

/** The path of one of the entry's fields, "entries.3.end": built only for an issue. */
export function entryPath(at: EntryContext, key: string): string {
  return `entries.${at.index}.${key}`;
}

/** A field's value, with null read as left out. */
export function given(value: unknown): unknown {
  return value === null ? undefined : value;
}

/**
 * Whether a time is given, as text or HHMM (`start`) or as the minutes after midnight a
 * database holds (`startMinutes`): stored minutes reach the engine as they are, never turned
 * back into text. Fields are read by name, which is what keeps this cheap per entry.
 */
export function hasStart(fields: Fields): boolean {
  return given(fields.start) !== undefined || given(fields.startMinutes) !== undefined;
}

export function hasEnd(fields: Fields): boolean {
  return given(fields.end) !== undefined || given(fields.endMinutes) !== undefined;
}

type TimeKey = "start" | "end";
const TIME_WORDS = { start: { en: "start", ja: "開始" }, end: { en: "end", ja: "終了" } } as const;

function readTime(
  raw: unknown,
  minutes: unknown,
  required: boolean,
  key: TimeKey,
  at: EntryContext,
  issues: IssueList,
): number | null {
  const words = TIME_WORDS[key];
  if (raw === undefined && minutes !== undefined) {
    if (Number.isSafeInteger(minutes) && (minutes as number) >= 0) {
      if ((minutes as number) <= LATEST_TIME_MINUTES) return minutes as number;
    }
    const label = entryLabel(at.index, at.date);
    issues.add(
      entryPath(at, `${key}Minutes`),
      IssueCode.INVALID_TIME,
      `${label.en}: ${key}Minutes ${quoteValue(minutes)} is not a time: use whole minutes after midnight, 0 to ${LATEST_TIME_MINUTES}`,
      `${label.ja}: ${words.ja}（分） ${quoteValue(minutes)} は正しい時刻ではありません。0〜${LATEST_TIME_MINUTES} の整数（0時からの分）で指定してください`,
    );
    return null;
  }
  if (raw === undefined) {
    if (required) {
      const label = entryLabel(at.index, at.date);
      const hourly = at.type === "hourly";
      issues.add(
        entryPath(at, key),
        IssueCode.TIME_REQUIRED,
        `${label.en}: ${words.en} time is required${hourly ? "" : " (or set skipHours for work without hours)"}`,
        `${label.ja}: ${words.ja}時刻を入力してください${hourly ? "" : "（時間のない業務は稼働時間のスキップを指定してください）"}`,
      );
    }
    return null;
  }
  const parsed = parseTime(raw);
  if (parsed === null) {
    const label = entryLabel(at.index, at.date);
    issues.add(
      entryPath(at, key),
      IssueCode.INVALID_TIME,
      `${label.en}: ${words.en} ${quoteValue(raw)} is not a time: ${TIME_HINT.en}`,
      `${label.ja}: ${words.ja} ${quoteValue(raw)} は正しい時刻ではありません。${TIME_HINT.ja}`,
    );
  }
  return parsed;
}

export interface CheckedTimes {
  start: number;
  end: number;
  worked: number;
}

/**
 * start, end and breakMinutes: both times parse, end > start, 0 <= break < end - start.
 * Fills `into` and answers true, or records why not and answers false (one `into` serves
 * every entry: nothing is allocated per entry).
 */
export function checkTimes(
  fields: Fields,
  required: boolean,
  at: EntryContext,
  issues: IssueList,
  into: CheckedTimes,
): boolean {
  const start = readTime(
    given(fields.start),
    given(fields.startMinutes),
    required,
    "start",
    at,
    issues,
  );
  const end = readTime(given(fields.end), given(fields.endMinutes), required, "end", at, issues);
  const rawBreak = given(fields.breakMinutes);
  let breakMinutes: number | null = 0;
  if (rawBreak !== undefined) {
    if (typeof rawBreak === "number" && Number.isSafeInteger(rawBreak) && rawBreak >= 0) {
      breakMinutes = rawBreak;
    } else {
      breakMinutes = null;
      const label = entryLabel(at.index, at.date);
      issues.add(
        entryPath(at, "breakMinutes"),
        IssueCode.INVALID_BREAK,
        `${label.en}: breakMinutes ${quoteValue(rawBreak)} is not allowed: use whole minutes, 0 or more`,
        `${label.ja}: 休憩 ${quoteValue(rawBreak)} は指定できません。0以上の整数（分）で入力してください`,
      );
    }
  }
  if (start === null || end === null) return false;
  if (end <= start) {
    const label = entryLabel(at.index, at.date);
    issues.add(
      entryPath(at, "end"),
      IssueCode.END_NOT_AFTER_START,
      `${label.en}: end ${formatTime(end)} must be after start ${formatTime(start)} (for work past midnight use hours up to 47, such as 2630 for 02:30)`,
      `${label.ja}: 終了 ${formatTime(end)} は開始 ${formatTime(start)} より後にしてください（日をまたぐ場合は 2630 のように 47 時まで入力できます）`,
    );
    return false;
  }
  if (breakMinutes === null) return false;
  const span = end - start;
  if (breakMinutes >= span) {
    const label = entryLabel(at.index, at.date);
    issues.add(
      entryPath(at, "breakMinutes"),
      IssueCode.BREAK_NOT_SHORTER_THAN_SPAN,
      `${label.en}: breakMinutes ${breakMinutes} must be shorter than the ${span} minutes from ${formatTime(start)} to ${formatTime(end)}`,
      `${label.ja}: 休憩 ${breakMinutes} 分は ${formatTime(start)}〜${formatTime(end)} の ${span} 分より短くしてください`,
    );
    return false;
  }
  into.start = start;
  into.end = end;
  into.worked = span - breakMinutes;
  return true;
}

/** Times given where none belong: a quantity category, or a monthly entry with skipHours. */
export function forbidTimes(fields: Fields, at: EntryContext, issues: IssueList): void {
  const rawBreak = given(fields.breakMinutes);
  if (!hasStart(fields) && !hasEnd(fields) && (rawBreak ?? 0) === 0) return;
  const keys = ["start", "startMinutes", "end", "endMinutes"].filter(
    (key) => given(fields[key]) !== undefined,
  );
  if (rawBreak !== undefined && rawBreak !== 0) keys.push("breakMinutes");
  const label = entryLabel(at.index, at.date);
  const why =
    at.type === "quantity"
      ? { en: "this cost category is counted by quantity", ja: "数量で登録する費目のため" }
      : { en: "skipHours is set", ja: "稼働時間をスキップしているため" };
  for (const key of keys) {
    issues.add(
      entryPath(at, key),
      IssueCode.TIMES_NOT_ALLOWED,
      `${label.en}: leave ${key} out, ${why.en}`,
      `${label.ja}: ${why.ja}、${key} は入力しないでください`,
    );
  }
}

/** Hundredths of a required quantity, or null after recording why not. */
export function checkQuantity(raw: unknown, at: EntryContext, issues: IssueList): number | null {
  const hundredths = toHundredths(raw);
  if (hundredths !== null) return hundredths;
  const label = entryLabel(at.index, at.date);
  if (raw === undefined) {
    issues.add(
      entryPath(at, "quantity"),
      IssueCode.QUANTITY_REQUIRED,
      `${label.en}: quantity is required`,
      `${label.ja}: 数量を入力してください`,
    );
  } else {
    issues.add(
      entryPath(at, "quantity"),
      IssueCode.INVALID_QUANTITY,
      `${label.en}: quantity ${quoteValue(raw)} is not allowed: use a number above 0 with at most two decimals, such as 2.5`,
      `${label.ja}: 数量 ${quoteValue(raw)} は指定できません。0より大きく、小数点以下2桁までの数（2.5 など）を入力してください`,
    );
  }
  return null;
}
