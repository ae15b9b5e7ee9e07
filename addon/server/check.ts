import { formatTime, parseTime, validateQuoteRequest } from "../../shared";
import type { ApiIssue } from "./api";
import { cachedContractTerms } from "./contracts";
import { issueIn, quoteRequestOf } from "./estimate";
import { userLang } from "./i18n";
import { at, COLUMN, FIRST_DATA_ROW, HEADER_ROWS } from "./layout";
import { rowOfIssuePath, sheetEntries } from "./rows";
import { activeTimesheet, readRows, type Timesheet, timesheetOf } from "./timesheet";

// As the partner types: times shown as 08:20 whatever form they were typed in, and every bad
// row marked with the engine's reason in the errors column. The whole sheet is checked at
// once (overlaps need every row of a date): one read, at most two writes.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CheckResult {
  rows: number;
  badRows: number;
  /** Issues that belong to no row (the contract's conditions, for one). */
  issues: ApiIssue[];
}

/** "08:20" for anything the engine reads as a time; anything else is left as typed. */
export function displayTime(value: unknown, timeZone: string): unknown {
  if (value instanceof Date) return Utilities.formatDate(value, timeZone, "HH:mm");
  if (typeof value !== "number" && typeof value !== "string") return value;
  const minutes = parseTime(typeof value === "string" ? value.trim() : value);
  return minutes === null ? value : formatTime(minutes);
}

/** Messages per data row, joined one per line, for the errors column. */
export function rowMessages(
  count: number,
  issues: readonly ApiIssue[],
  rowOf: (path: string) => number | null,
): { messages: string[][]; loose: ApiIssue[]; badRows: number } {
  const lists: string[][] = Array.from({ length: count }, () => []);
  const loose: ApiIssue[] = [];
  for (const issue of issues) {
    const row = rowOf(issue.path);
    if (row === null) loose.push(issue);
    else lists[row]?.push(issue.message);
  }
  const badRows = lists.filter((list) => list.length > 0).length;
  return { messages: lists.map((list) => [list.join("\n")]), loose, badRows };
}

function check(timesheet: Timesheet): CheckResult {
  const { sheet, contractId, month } = timesheet;
  const timeZone = sheet.getParent().getSpreadsheetTimeZone();
  const values = readRows(sheet);
  if (values.length === 0) return { rows: 0, badRows: 0, issues: [] };

  let timesChanged = false;
  const times = values.map((row) =>
    [at(COLUMN.start), at(COLUMN.end)].map((column) => {
      const shown = displayTime(row[column], timeZone);
      if (shown !== row[column]) {
        timesChanged = true;
        row[column] = shown;
      }
      return shown;
    }),
  );
  if (timesChanged) sheet.getRange(FIRST_DATA_ROW, COLUMN.start, values.length, 2).setValues(times);

  const terms = cachedContractTerms(contractId);
  const entries = sheetEntries(values, terms, timeZone);
  let issues: ApiIssue[] = [];
  if (terms) {
    const validation = validateQuoteRequest(
      quoteRequestOf(
        terms,
        month,
        entries.map((e) => e.entry),
      ),
    );
    const lang = userLang();
    if (!validation.ok) issues = validation.issues.map((issue) => issueIn(issue, lang));
  }
  const { messages, loose, badRows } = rowMessages(values.length, issues, (path) =>
    rowOfIssuePath(path, entries),
  );
  const errorsChanged = messages.some(
    ([m], i) => m !== String(values[i]?.[at(COLUMN.errors)] ?? ""),
  );
  if (errorsChanged)
    sheet.getRange(FIRST_DATA_ROW, COLUMN.errors, values.length, 1).setValues(messages);
  return { rows: entries.length, badRows, issues: loose };
}

/** The active timesheet checked now (the sidebar's "check"); null when it is not a timesheet. */
export function checkTimesheet(): CheckResult | null {
  const timesheet = activeTimesheet();
  return timesheet ? check(timesheet) : null;
}

/** The simple trigger: edits inside a timesheet's data rows re-check it. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range || range.getLastRow() <= HEADER_ROWS) return;
  if (range.getColumn() >= COLUMN.errors) return; // our own columns
  const timesheet = timesheetOf(range.getSheet() as Sheet);
  if (timesheet) check(timesheet);
}
