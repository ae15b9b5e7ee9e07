import type { Lang, Text } from "./i18n";

// A refreshable review sheet: a header row, then one row per record keyed by the hidden id in
// column A, the record's scope (company and group) in that cell's note. A pull rewrites the
// header in the user's language, replaces the rows it knows by id where they stand, appends
// the new ones, marks the ones of its scope it no longer lists and applies the number formats
// again: one read and one write of the values (and of the notes) whatever the row count.
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

/**
 * What a pull answers for. Each record's scope (its company and group) is kept in the note of
 * its hidden id cell; a pull marks as no longer listed only the rows of scopes it owns, so
 * pulling one group leaves another group's rows, or another company's, as they were.
 */
export interface PullScope {
  /** Each record's scope, by id. */
  of: ReadonlyMap<string, string>;
  /** Whether rows of `scope` are this pull's to mark ("" for a row written before scopes). */
  owns(scope: string): boolean;
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

/** A review sheet in the user's language, with its formats; the scope's rows not listed are marked. */
export function refreshReviewSheet(
  spec: ReviewSheet,
  records: ReviewRow[],
  scope: PullScope,
): Written {
  const mark = { column: spec.statusColumn, text: spec.notListed[spec.lang], scope };
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
  mark?: { column: number; text: string; scope: PullScope },
): Written {
  const width = columns.length;
  const last = fresh ? 0 : sheet.getLastRow();
  const rows = last > 1 ? (sheet.getRange(2, 1, last - 1, width).getValues() as Cell[][]) : [];
  const scopes =
    mark && rows.length > 0
      ? sheet
          .getRange(2, 1, rows.length, 1)
          .getNotes()
          .map((n) => n[0] ?? "")
      : rows.map(() => "");
  const at = new Map(rows.map((row, i) => [String(row[0]), i]));
  const listed = new Set(records.map((r) => r[0]));
  let notListed = 0;
  rows.forEach((row, i) => {
    if (!mark || String(row[0]) === "" || listed.has(String(row[0]))) return;
    if (!mark.scope.owns(scopes[i] ?? "")) return;
    // Kept as last pulled, the status saying why it no longer changes.
    row[mark.column - 1] = mark.text;
    notListed++;
  });
  let added = 0;
  let updated = 0;
  for (const record of records) {
    const line = Array.from({ length: width }, (_, i) => record[i] ?? "");
    const index = at.get(record[0]);
    const scope = mark?.scope.of.get(record[0]) ?? "";
    if (index === undefined) {
      at.set(record[0], rows.length);
      rows.push(line);
      scopes.push(scope);
      added++;
    } else {
      rows[index] = line;
      scopes[index] = scope;
      updated++;
    }
  }
  sheet.getRange(1, 1, rows.length + 1, width).setValues([columns.map((c) => c.header), ...rows]);
  if (mark && rows.length > 0)
    sheet.getRange(2, 1, rows.length, 1).setNotes(scopes.map((s) => [s]));
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
