import { cachedMonthTerms, type MonthTerms } from "./contracts";
import { userLang } from "./i18n";
import { at, COLUMN, FIRST_DATA_ROW } from "./layout";
import { checkMonth, type MonthCheck, sheetRowOf } from "./monthCheck";
import { rowOfIssuePath } from "./rows";
import { type SyncState, syncStateOf } from "./syncState";
import { readRows, type Timesheet } from "./timesheet";

// The timesheet as it stands: its rows (ONE getValues), the offline check and whether the
// server holds the same rows. What the sidebar shows, and what an invoice is refused on.

export interface SheetStatus {
  values: unknown[][];
  month: MonthTerms | null;
  check: MonthCheck;
  state: SyncState;
}

export function sheetStatus(timesheet: Timesheet): SheetStatus {
  const { sheet, contractId, month: workingMonth } = timesheet;
  const timeZone = sheet.getParent().getSpreadsheetTimeZone();
  const values = readRows(sheet);
  const month = cachedMonthTerms(contractId, workingMonth);
  const check = checkMonth(values, month, timeZone, userLang());
  const byRow = new Map<number, string[]>();
  for (const issue of check.issues) {
    const index = rowOfIssuePath(issue.path, check.entries);
    if (index === null) continue;
    const row = FIRST_DATA_ROW + index;
    byRow.set(row, [...(byRow.get(row) ?? []), issue.message]);
  }
  // What the server refused at the last sync and the offline check cannot know of.
  values.forEach((line, index) => {
    const marked = String(line[at(COLUMN.errors)] ?? "").trim();
    const row = FIRST_DATA_ROW + index;
    if (marked && !byRow.has(row)) byRow.set(row, [marked]);
  });
  const refusedRows = [...byRow]
    .sort(([a], [b]) => a - b)
    .map(([row, messages]) => ({ row, message: messages.join("\n") }));
  const refusal = check.loose.map((issue) => issue.message).join("\n") || null;
  const state = syncStateOf(
    contractId,
    workingMonth,
    check.entries,
    (index) => sheetRowOf(check.entries, index),
    refusedRows,
    refusal,
  );
  return { values, month, check, state };
}
