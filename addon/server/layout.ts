import type { Lang } from "./i18n";

// The timesheet's columns, in sheet order (1-based, as SpreadsheetApp counts). Rows are read
// by position, so the headers may be renamed or translated freely.

export const COLUMN = {
  date: 1,
  category: 2,
  start: 3,
  end: 4,
  breakMinutes: 5,
  quantity: 6,
  skipHours: 7,
  details: 8,
  errors: 9,
  /** Worked hours of the row (実働), written by the add-on; its header holds the month's total. */
  worked: 10,
  /** The date's weekday and holiday (曜日・祝日), written by the add-on. */
  day: 11,
  /** Hidden: the row's id, given at its first sync. */
  rowId: 12,
  /** Hidden: the fingerprint of the row as last synced (syncState.ts). */
  synced: 13,
} as const;

export const WIDTH = 13;
export const HEADER_ROWS = 1;
export const FIRST_DATA_ROW = HEADER_ROWS + 1;

/** 0-based index of a column within one row of `getValues()`. */
export const at = (column: number) => column - 1;

const HEADERS: Record<Lang, string[]> = {
  ja: [
    "日付",
    "費目",
    "開始",
    "終了",
    "休憩（分）",
    "数量",
    "時間なし",
    "業務内容",
    "エラー",
    "実働",
    "曜日・祝日",
    "行ID",
    "同期",
  ],
  en: [
    "Date",
    "Cost category",
    "Start",
    "End",
    "Break (min)",
    "Quantity",
    "Skip hours",
    "Details",
    "Errors",
    "Worked",
    "Day",
    "Row id",
    "Synced",
  ],
};

export function headers(lang: Lang): string[] {
  return HEADERS[lang];
}

/** Developer metadata on the sheet naming what it is a timesheet of. */
export const META_CONTRACT = "shimebi.contractId";
export const META_MONTH = "shimebi.month";
