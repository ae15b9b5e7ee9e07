// 業務登録 (work entries): each checked against its cost category and the working month,
// then all timed entries swept once for overlaps. Totals per category come out of the same
// pass, so no entry is parsed twice.

import { parseIsoDate, toDayNumber } from "./calendar";
import {
  type CheckedTimes,
  checkQuantity,
  checkTimes,
  type EntryContext,
  entryPath,
  forbidTimes,
  given,
  hasEnd,
  hasStart,
} from "./entryChecks";
import type { Fields } from "./fields";
import { entryLabel, IssueCode, type IssueList, quoteValue } from "./issues";
import { type DayColumns, findOverlappingPositions, formatTime } from "./time";
import type { CategoryRef } from "./validateCategories";

export const MAX_DETAILS_LENGTH = 1000;

export interface PeriodBounds {
  first: number;
  last: number;
  month: string;
  from: string;
  to: string;
}

/** Worked minutes and quantity hundredths per cost category, by the category's list index. */
export interface EntryTotals {
  minutes: number[];
  hundredths: number[];
}

function countCharacters(text: string): number {
  if (text.length <= MAX_DETAILS_LENGTH) return text.length; // never more code points
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Day numbers of date strings: a month has ~31 distinct dates among thousands of entries. */
class DayCache {
  private readonly days = new Map<string, number | null>();

  dayOf(date: unknown): number | null {
    if (typeof date !== "string") return null;
    let day = this.days.get(date);
    if (day === undefined) {
      const parsed = parseIsoDate(date);
      day = parsed === null ? null : toDayNumber(parsed);
      this.days.set(date, day);
    }
    return day;
  }
}

function checkDate(
  day: number | null,
  at: EntryContext,
  period: PeriodBounds | null,
  issues: IssueList,
) {
  if (day === null) {
    const bare = entryLabel(at.index, undefined);
    issues.add(
      entryPath(at, "date"),
      at.date === undefined ? IssueCode.REQUIRED : IssueCode.INVALID_DATE,
      `${bare.en}: date ${quoteValue(at.date)} is not a real date: use YYYY-MM-DD, such as 2025-08-01`,
      `${bare.ja}: 日付 ${quoteValue(at.date)} は正しい日付ではありません。2025-08-01 のように YYYY-MM-DD で入力してください`,
    );
  } else if (period !== null && (day < period.first || day > period.last)) {
    const label = entryLabel(at.index, at.date);
    issues.add(
      entryPath(at, "date"),
      IssueCode.DATE_OUTSIDE_PERIOD,
      `${label.en} is outside the working month ${period.month} (${period.from} to ${period.to}): record it in the month it belongs to`,
      `${label.ja} は稼働月 ${period.month}（${period.from}〜${period.to}）の期間外です。該当する稼働月に登録してください`,
    );
  }
}

function checkDetails(details: unknown, at: EntryContext, issues: IssueList): void {
  if (details === undefined) return;
  if (typeof details === "string" && countCharacters(details) <= MAX_DETAILS_LENGTH) return;
  const label = entryLabel(at.index, at.date);
  issues.add(
    entryPath(at, "details"),
    IssueCode.DETAILS_TOO_LONG,
    `${label.en}: details must be text of at most ${MAX_DETAILS_LENGTH} characters`,
    `${label.ja}: 業務内容は ${MAX_DETAILS_LENGTH} 文字以内の文字で入力してください`,
  );
}

function readSkipHours(raw: unknown, at: EntryContext, issues: IssueList): boolean {
  if (raw === undefined || raw === false) return false;
  const label = entryLabel(at.index, at.date);
  if (raw !== true) {
    issues.add(
      entryPath(at, "skipHours"),
      IssueCode.INVALID_TYPE,
      `${label.en}: skipHours must be true or false, got ${quoteValue(raw)}`,
      `${label.ja}: 稼働時間のスキップは true または false で指定してください`,
    );
    return false;
  }
  if (at.type === "hourly" || at.type === "quantity") {
    issues.add(
      entryPath(at, "skipHours"),
      IssueCode.SKIP_HOURS_NOT_ALLOWED,
      `${label.en}: skipHours is only for monthly cost categories; ${at.type} entries need ${at.type === "hourly" ? "start and end" : "a quantity"}`,
      `${label.ja}: 稼働時間のスキップは月額固定の費目でのみ使えます`,
    );
  }
  return true;
}

/** The timed entries placed on a day, as columns, with each one's index in the request. */
interface TimedEntries extends DayColumns {
  index: number[];
  day: number[];
  start: number[];
  end: number[];
}

function reportOverlaps(entries: readonly unknown[], timed: TimedEntries, issues: IssueList) {
  const pairs = findOverlappingPositions(timed);
  for (let k = 0; k < pairs.length; k += 2) {
    const earlier = pairs[k] as number;
    const later = pairs[k + 1] as number;
    const laterIndex = timed.index[later] as number;
    const earlierIndex = timed.index[earlier] as number;
    const a = entryLabel(laterIndex, (entries[laterIndex] as Fields).date);
    const b = entryLabel(earlierIndex, (entries[earlierIndex] as Fields).date);
    const aTimes = [
      formatTime(timed.start[later] as number),
      formatTime(timed.end[later] as number),
    ];
    const bTimes = [
      formatTime(timed.start[earlier] as number),
      formatTime(timed.end[earlier] as number),
    ];
    issues.add(
      `entries.${laterIndex}.start`,
      IssueCode.OVERLAPPING_ENTRIES,
      `${a.en} ${aTimes.join("-")} overlaps entry ${earlierIndex + 1} ${bTimes.join("-")} on the same date; times on one date must not overlap`,
      `${a.ja} ${aTimes.join("〜")} は ${b.ja} ${bTimes.join("〜")} と時間が重なっています。同じ日の業務時間は重ならないようにしてください`,
    );
  }
}

/** The first ten category ids, for a message naming the ones an entry may use. */
function listIds(byId: Map<string, CategoryRef>): string {
  const ids = [...byId.keys()];
  return ids.slice(0, 10).join(", ") + (ids.length > 10 ? ", ..." : "");
}

export function validateEntries(
  value: unknown,
  byId: Map<string, CategoryRef>,
  categoryCount: number,
  period: PeriodBounds | null,
  issues: IssueList,
): EntryTotals {
  const minutes = new Array<number>(categoryCount).fill(0);
  const hundredths = new Array<number>(categoryCount).fill(0);
  if (value === undefined) return { minutes, hundredths };
  if (!Array.isArray(value)) {
    issues.add(
      "entries",
      IssueCode.INVALID_TYPE,
      `entries must be a list, got ${quoteValue(value)}`,
      "業務登録（entries）はリスト（配列）で指定してください",
    );
    return { minutes, hundredths };
  }
  const days = new DayCache();
  const timedEntries: TimedEntries = { index: [], day: [], start: [], end: [] };
  // One context and one times record moved along the entries: nothing is allocated per entry
  // unless it has an issue.
  const at: EntryContext = { index: 0, date: undefined, type: null };
  const times: CheckedTimes = { start: 0, end: 0, worked: 0 };

  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      issues.add(
        `entries.${index}`,
        IssueCode.INVALID_TYPE,
        `Entry ${index + 1} must be an object with date and costCategoryId`,
        `${index + 1}件目は date と costCategoryId を持つオブジェクトで指定してください`,
      );
      continue;
    }
    const fields = entry as Fields;
    const categoryId = given(fields.costCategoryId);
    const ref = typeof categoryId === "string" ? byId.get(categoryId) : undefined;
    at.index = index;
    at.date = given(fields.date);
    at.type = ref?.type ?? null;
    const day = days.dayOf(at.date);
    checkDate(day, at, period, issues);
    if (ref === undefined) {
      const label = entryLabel(index, at.date);
      const shownIds = listIds(byId);
      issues.add(
        entryPath(at, "costCategoryId"),
        categoryId === undefined ? IssueCode.REQUIRED : IssueCode.UNKNOWN_COST_CATEGORY,
        `${label.en}: costCategoryId ${quoteValue(categoryId)} is not a cost category of this contract; use one of: ${shownIds}`,
        `${label.ja}: 費目 ${quoteValue(categoryId)} はこの契約にありません。次のいずれかを指定してください: ${shownIds}`,
      );
    }
    checkDetails(given(fields.details), at, issues);
    const skipHours = readSkipHours(given(fields.skipHours), at, issues);
    const type = at.type;
    const quantity = given(fields.quantity);

    const timed =
      type === "hourly" || ((type === "monthly" || type === "monthlyRange") && !skipHours);
    if (type === "quantity" || (skipHours && type !== "hourly")) {
      forbidTimes(fields, at, issues);
    } else if (timed || hasStart(fields) || hasEnd(fields)) {
      if (checkTimes(fields, timed, at, issues, times)) {
        if (day !== null) {
          timedEntries.index.push(index);
          timedEntries.day.push(day);
          timedEntries.start.push(times.start);
          timedEntries.end.push(times.end);
        }
        if (ref !== undefined && timed) {
          minutes[ref.index] = (minutes[ref.index] ?? 0) + times.worked;
        }
      }
    }

    if (type !== null && type !== "quantity" && quantity !== undefined) {
      const label = entryLabel(index, at.date);
      issues.add(
        entryPath(at, "quantity"),
        IssueCode.QUANTITY_NOT_ALLOWED,
        `${label.en}: leave quantity out; only quantity cost categories take one`,
        `${label.ja}: 数量は数量で登録する費目でのみ入力できます`,
      );
    } else if (type === "quantity" || (type === null && quantity !== undefined)) {
      const amount = checkQuantity(quantity, at, issues);
      if (amount !== null && ref !== undefined) {
        hundredths[ref.index] = (hundredths[ref.index] ?? 0) + amount;
      }
    }
  }
  reportOverlaps(value, timedEntries, issues);
  return { minutes, hundredths };
}
