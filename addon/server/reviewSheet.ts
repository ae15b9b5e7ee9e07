// A refreshable review sheet: a header row, then one row per record keyed by the hidden id in
// column A. A pull replaces the rows it knows by id, appends the new ones and leaves the
// rest alone: one read and one write of the sheet whatever the row count.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type ReviewRow = [id: string, ...cells: (string | number)[]];

export interface Written {
  sheet: string;
  rows: number;
  added: number;
  updated: number;
}

function sheetNamed(name: string): { sheet: Sheet; fresh: boolean } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = spreadsheet.getSheetByName(name);
  return found
    ? { sheet: found, fresh: false }
    : { sheet: spreadsheet.insertSheet(name), fresh: true };
}

export function writeReviewSheet(name: string, header: string[], records: ReviewRow[]): Written {
  const { sheet, fresh } = sheetNamed(name);
  const width = header.length;
  const last = fresh ? 0 : sheet.getLastRow();
  const existing =
    last > 1 ? (sheet.getRange(2, 1, last - 1, width).getValues() as (string | number)[][]) : [];
  const rows = existing.map((row) => row.slice(0, width));
  const at = new Map(rows.map((row, i) => [String(row[0]), i]));
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
  sheet.getRange(1, 1, rows.length + 1, width).setValues([header, ...rows]);
  if (fresh) {
    sheet.setFrozenRows(1);
    sheet.hideColumns(1);
  }
  return { sheet: name, rows: rows.length, added, updated };
}
