import holidays from "@holiday-jp/holiday_jp/lib/holidays";
import type { Lang } from "./i18n";
import { at, COLUMN } from "./layout";
import { dateText, type SheetEntry, workedMinutesOf } from "./rows";

// The calendar beside the timesheet: each row's weekday and Japan's national holidays
// (国民の祝日, from @holiday-jp/holiday_jp, as the API's holidays are), and the month's total
// worked hours. Shown only: nothing here is sent to the API.

const WEEKDAYS: Record<Lang, string[]> = {
  ja: ["日", "月", "火", "水", "木", "金", "土"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

type Holiday = { name: string; name_en: string };
const HOLIDAYS = holidays as Record<string, Holiday>;

/** "月", "土", "月・祝 敬老の日" (or "Mon", "Sat", "Mon, holiday: Respect for the Aged Day"). */
export function dayText(date: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return "";
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) return "";
  const weekday = WEEKDAYS[lang][day.getUTCDay()] ?? "";
  const holiday = HOLIDAYS[date];
  if (!holiday) return weekday;
  return lang === "ja"
    ? `${weekday}・祝 ${holiday.name}`
    : `${weekday}, holiday: ${holiday.name_en}`;
}

/** The worked column's header with the month's total: "実働（計 152:30）". */
export function totalHeader(entries: readonly SheetEntry[], lang: Lang): string {
  const minutes = entries.reduce((sum, e) => sum + (workedMinutesOf(e.entry) ?? 0), 0);
  const total = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  return lang === "ja" ? `実働（計 ${total}）` : `Worked (total ${total})`;
}

/** The day column of a sheet row: its date's weekday and holiday. */
export function dayOfRow(row: readonly unknown[], timeZone: string, lang: Lang): string {
  return dayText(dateText(row[at(COLUMN.date)], timeZone), lang);
}
