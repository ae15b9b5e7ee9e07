import type { QuoteResult } from "../../shared";
import { type Failure, failureOf } from "./answer";
import { ApiError, callApi } from "./api";
import { dayOfRow, totalHeader } from "./calendar";
import { rowMessages } from "./check";
import { cachedMonthTerms, loadMonthTerms } from "./contracts";
import { saveServerEstimate } from "./estimate";
import { userLang } from "./i18n";
import { at, COLUMN, FIRST_DATA_ROW, HEADER_ROWS } from "./layout";
import { rowOfIssuePath, sheetEntries, workedText } from "./rows";
import { fingerprint, saveSynced } from "./syncState";
import { readRows, requireTimesheet, type Timesheet } from "./timesheet";

// 同期: the whole month in one request. ONE getValues() of the sheet, ONE UrlFetchApp call
// (PUT .../months/{month}/entries, which replaces the month: rows left out are deleted), ONE
// setValues() of the row ids and errors. Row ids make it safe to repeat: a row sent twice
// updates its entry rather than adding another.

export interface SyncRow {
  clientRowId: string;
  /** The row's number on the sheet: the API's messages name it. */
  sheetRow: number;
  date: string;
  costCategoryId: string;
  start: string | number | null;
  end: string | number | null;
  breakMinutes: number | null;
  quantity: number | null;
  skipHours: boolean | null;
  details: string | null;
}

export interface SyncResponse {
  rows: { clientRowId: string; id: string }[];
  estimate: QuoteResult | null;
}

export interface SyncResult {
  ok: boolean;
  contractId: string;
  month: string;
  /** Entry rows sent. */
  rows: number;
  /** Rows marked with an error. */
  badRows: number;
  /** The API's figures for the month after the sync. */
  estimate: QuoteResult | null;
  /** The API's error object when it refused (its row issues are also on the sheet). */
  error: Failure | null;
}

export function syncPath(contractId: string, month: string): string {
  return `/v1/contracts/${encodeURIComponent(contractId)}/months/${encodeURIComponent(month)}/entries`;
}

/** The sidebar's and the menu's 同期: a refusal is thrown once its rows are marked on the sheet. */
export function syncTimesheet(): SyncResult {
  const result = syncSheet(requireTimesheet());
  if (result.error) throw new ApiError(result.error.status, result.error);
  return result;
}

export function syncSheet(timesheet: Timesheet): SyncResult {
  const { sheet, contractId, month } = timesheet;
  const timeZone = sheet.getParent().getSpreadsheetTimeZone();
  // Normally cached when the sheet was made; a copied sheet fetches them once.
  const { terms } = cachedMonthTerms(contractId, month) ?? loadMonthTerms(contractId, month);
  const values = readRows(sheet);
  const entries = sheetEntries(values, terms, timeZone);

  // New rows get an id; a row copied with its hidden id gets a fresh one.
  const seen = new Set<string>();
  for (const row of entries) {
    if (!row.clientRowId || seen.has(row.clientRowId)) row.clientRowId = Utilities.getUuid();
    seen.add(row.clientRowId);
  }
  const rows: SyncRow[] = entries.map(({ clientRowId, entry, index }) => ({
    clientRowId,
    sheetRow: FIRST_DATA_ROW + index,
    date: entry.date,
    costCategoryId: entry.costCategoryId,
    start: entry.start ?? null,
    end: entry.end ?? null,
    breakMinutes: entry.breakMinutes ?? null,
    quantity: entry.quantity ?? null,
    skipHours: entry.skipHours ?? null,
    details: entry.details ?? null,
  }));

  let estimate: QuoteResult | null = null;
  let error: Failure | null = null;
  try {
    const response = callApi<SyncResponse>("put", syncPath(contractId, month), { rows });
    estimate = response.estimate;
    saveServerEstimate(contractId, month, estimate);
    saveSynced(contractId, month, entries.length);
  } catch (thrown) {
    error = failureOf(thrown);
    // Refused for the month as a whole (an order approved or an invoice submitted since the
    // rules were cached): fetch them again, so the offline check says what the server says.
    if (thrown instanceof ApiError && thrown.status === 409) tryReloadRules(contractId, month);
  }

  const rowIssues = error?.issues ?? [];
  const { messages, loose, badRows } = rowMessages(values.length, rowIssues, (path) =>
    rowOfIssuePath(path, entries),
  );
  // A refusal without row issues (not signed in, no approved order) says nothing about the
  // rows: their marks stay as they were.
  const keepMarks = error !== null && loose.length === rowIssues.length;
  const byIndex = new Map(entries.map((e) => [e.index, e]));
  // The add-on's own columns only (errors, worked, day, row id, synced as): never a typed cell.
  const lang = userLang();
  const block = values.map((row, index) => {
    const entry = byIndex.get(index);
    return [
      keepMarks ? (row[at(COLUMN.errors)] ?? "") : (messages[index]?.[0] ?? ""),
      entry ? workedText(entry.entry) : "",
      dayOfRow(row, timeZone, lang),
      entry?.clientRowId ?? row[at(COLUMN.rowId)] ?? "",
      entry && error === null ? fingerprint(entry.entry) : (row[at(COLUMN.synced)] ?? ""),
    ];
  });
  if (block.length > 0) {
    sheet.getRange(FIRST_DATA_ROW, COLUMN.errors, block.length, 5).setValues(block);
  }
  sheet.getRange(HEADER_ROWS, COLUMN.worked).setValue(totalHeader(entries, lang));
  return { ok: error === null, contractId, month, rows: rows.length, badRows, estimate, error };
}

function tryReloadRules(contractId: string, month: string): void {
  try {
    loadMonthTerms(contractId, month);
  } catch {
    // The refusal itself is what the partner sees; the cache stays as it was.
  }
}
