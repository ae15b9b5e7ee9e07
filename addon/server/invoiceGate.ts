import { refuse } from "./answer";
import type { ApiIssue } from "./api";
import { ApiError } from "./api";
import { MESSAGES, t, userLang } from "./i18n";
import { sheetStatus } from "./sheetStatus";
import { syncSheet } from "./sync";
import type { SyncState } from "./syncState";
import { requireTimesheet, type Timesheet } from "./timesheet";

// The invoice is the sheet: before an invoice is made, saved or submitted, the timesheet in
// front is synced, and the call is refused, naming each sheet row and why, unless the server
// then holds exactly the sheet's rows and none is refused. Since the API computes the
// invoice from the rows it holds, its figures are then the sheet's estimate.

const rowName = (row: number) => (userLang() === "ja" ? `${row}行目` : `Row ${row}`);

/** What keeps the sheet and the server apart, one issue per sheet row (path `sheetRows.N`). */
export function disagreementIssues(state: SyncState): ApiIssue[] {
  const lang = userLang();
  const issues: ApiIssue[] = [];
  if (state.refusal) issues.push({ path: "", message: state.refusal });
  for (const { row, message } of state.refusedRows) {
    const text = message.replace(/\n/g, " ");
    const named = text.includes(rowName(row)) || text.includes(`row ${row}`);
    issues.push({ path: `sheetRows.${row}`, message: named ? text : `${rowName(row)}: ${text}` });
  }
  const refused = new Set(state.refusedRows.map((r) => r.row));
  for (const row of state.unsyncedRows) {
    if (refused.has(row)) continue; // its reason is said above
    issues.push({
      path: `sheetRows.${row}`,
      message: `${rowName(row)}: ${t(MESSAGES.rowUnsynced, lang)}`,
    });
  }
  if (state.removedRows > 0)
    issues.push({
      path: "sheetRows",
      message: `${state.removedRows} ${t(MESSAGES.rowsRemoved, lang)}`,
    });
  return issues;
}

/**
 * The timesheet of `contractId`/`month` (the one in front), synced and agreeing with the
 * server; otherwise refused with the rows at fault.
 */
export function syncedTimesheet(contractId?: string, month?: string): Timesheet {
  const timesheet = requireTimesheet();
  if ((contractId && contractId !== timesheet.contractId) || (month && month !== timesheet.month))
    refuse("wrong_timesheet", MESSAGES.wrongTimesheet);
  const synced = syncSheet(timesheet);
  // Refused for the month as a whole (not signed in, no network, the invoice is submitted):
  // that reason, as the API gave it, is the answer.
  const error = synced.error;
  if (error && !error.issues.some((issue) => /^(rows|entries)\.\d+/.test(issue.path)))
    throw new ApiError(error.status, error);
  const { state } = sheetStatus(timesheet);
  if (!state.agrees) refuse("sheet_disagrees", MESSAGES.sheetDisagrees, disagreementIssues(state));
  return timesheet;
}
