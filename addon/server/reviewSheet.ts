import type { Lang, Text } from "./i18n";

// A refreshable review sheet: a header row, then one row per record keyed by the hidden id in
// column A. A pull rewrites the header in the user's language, replaces the rows it knows by
// id where they stand, appends the new ones, marks the ones it no longer lists and applies
// the number formats again: one read and one write of the sheet whatever the row count.
// Columns to the right of its own are the user's: never read, never written.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Cell = string | number;
export type ReviewRow = [id: string, ...cells: Cell[]];

export interface ReviewColumn {
  header: string;
  /** The data cells' number format (yen, a date); left alone when absent. */
  format?: string;
}

export interface ReviewSheet {
  /** The sheet's name in each language: a pull finds it by either and names it in `lang`. */
  names: Text;
  lang: Lang;
  columns: ReviewColumn[];
  /** 1-based column where a row the pull no longer lists gets `notListed`. */
  statusColumn: number;
  notListed: Text;
}

export interface Written {
  sheet: string;
  rows: number;
  added: number;
  updated: number;
  /** Rows kept but marked: their record is no longer listed. */
  notListed: number;
}

function sheetFor(names: Text, lang: Lang): { sheet: Sheet; fresh: boolean } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found =
    spreadsheet.getSheetByName(names[lang]) ??
    spreadsheet.getSheetByName(names[lang === "ja" ? "en" : "ja"]);
  if (!found) return { sheet: spreadsheet.insertSheet(names[lang]), fresh: true };
  if (found.getName() !== names[lang]) found.setName(names[lang]);
  return { sheet: found, fresh: false };
}

/** A sheet with one name in every language, its rows not listed left as they are. */
export function writeReviewSheet(name: string, header: string[], records: ReviewRow[]): Written {
  const names = { ja: name, en: name };
  return refresh(
    sheetFor(names, "ja"),
    name,
    header.map((h) => ({ header: h })),
    records,
  );
}

/** A review sheet in the user's language, with its formats; rows not listed are marked. */
export function refreshReviewSheet(spec: ReviewSheet, records: ReviewRow[]): Written {
  const mark = { column: spec.statusColumn, text: spec.notListed[spec.lang] };
  return refresh(
    sheetFor(spec.names, spec.lang),
    spec.names[spec.lang],
    spec.columns,
    records,
    mark,
  );
}

function refresh(
  { sheet, fresh }: { sheet: Sheet; fresh: boolean },
  name: string,
  columns: ReviewColumn[],
  records: ReviewRow[],
  mark?: { column: number; text: string },
): Written {
  const width = columns.length;
  const last = fresh ? 0 : sheet.getLastRow();
  const rows = last > 1 ? (sheet.getRange(2, 1, last - 1, width).getValues() as Cell[][]) : [];
  const at = new Map(rows.map((row, i) => [String(row[0]), i]));
  const listed = new Set(records.map((r) => r[0]));
  let notListed = 0;
  for (const row of rows) {
    if (!mark || String(row[0]) === "" || listed.has(String(row[0]))) continue;
    // Kept as last pulled, the status saying why it no longer changes.
    row[mark.column - 1] = mark.text;
    notListed++;
  }
  let added = 0;
  let updated = 0;
  for (const record of records) {
    const line = Array.from({ length: width }, (_, i) => record[i] ?? "");
    const index = at.get(record[0]);
    if (index === undefined) {
      at.set(record[0], rows.length);
      rows.push(line);
      added++;
    } else {
      rows[index] = line;
      updated++;
    }
  }
  sheet.getRange(1, 1, rows.length + 1, width).setValues([columns.map((c) => c.header), ...rows]);
  columns.forEach((column, i) => {
    if (column.format && rows.length > 0) {
      sheet.getRange(2, i + 1, rows.length, 1).setNumberFormat(column.format);
    }
  });
  if (fresh || mark) {
    sheet.setFrozenRows(1);
    sheet.hideColumns(1);
  }
  return { sheet: name, rows: rows.length, added, updated, notListed };
}
