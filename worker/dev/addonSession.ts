import { parentPort, workerData } from "node:worker_threads";
import * as server from "../../addon/server/index";
import { WIDTH } from "../../addon/server/layout";
import { installGas } from "../../addon/testing";
import type { FakeSheet } from "../../addon/testing/spreadsheet";

// One dev page user's Apps Script, in a worker thread of `npm start` (bundled by addonHost.ts):
// the add-on's server functions over an in-memory spreadsheet, UrlFetchApp making real,
// synchronous HTTP calls to the main thread's server. The main thread's event loop stays free
// to answer them while this thread blocks.

export type SessionRequest =
  | { id: number; op: "run"; token: string; fn: string; args: unknown[] }
  | { id: number; op: "sheet"; name?: string }
  | { id: number; op: "edit"; token: string; row: number; column: number; value: string };

export type SessionReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };

export interface SheetView {
  name: string;
  /** Every sheet's name, in order: the page's tabs. */
  sheets: string[];
  isTimesheet: boolean;
  values: unknown[][];
  /** The cells as Sheets shows them, under their number formats (yen, dates). */
  display: string[][];
  hiddenColumns: number[];
}

const { apiBase, locale } = workerData as { apiBase: string; locale: string };
const gas = installGas({ locale, fetch: "http" });
gas.properties.user.setProperty("shimebi.apiBaseUrl", apiBase);

function sheetView(): SheetView {
  const sheet = gas.activeSheet();
  const isTimesheet = sheet.metadata.length > 0;
  const rows = Math.max(sheet.getLastRow(), 1);
  // A timesheet in its own layout; another sheet (the review sheets) as wide as its cells.
  const width = isTimesheet
    ? WIDTH
    : Math.max(1, ...sheet.cells.slice(0, rows).map((line) => line?.length ?? 0));
  const values: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line = sheet.cells[r] ?? [];
    values.push(Array.from({ length: width }, (_, c) => line[c] ?? ""));
  }
  return {
    name: sheet.getName(),
    sheets: gas.spreadsheet.sheets.map((s) => s.getName()),
    isTimesheet,
    values,
    display: sheet.getRange(1, 1, rows, width).getDisplayValues(),
    hiddenColumns: [...sheet.hiddenColumns],
  };
}

/** As Sheets stores what is typed: checkbox cells as booleans, numbers as numbers unless the cell is text. */
function typed(sheet: FakeSheet, row: number, column: number, text: string): unknown {
  const rule = sheet.validationAt(row, column);
  if (rule?.criteria === "CHECKBOX") return text === "true" || text.toUpperCase() === "TRUE";
  const format = sheet.getRange(row, column).getNumberFormat();
  if (format !== "@" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  return text;
}

function handle(request: SessionRequest): unknown {
  if (request.op === "sheet") {
    const chosen = request.name ? gas.spreadsheet.getSheetByName(request.name) : null;
    if (chosen) gas.spreadsheet.setActiveSheet(chosen);
    return sheetView();
  }
  gas.setIdentityToken(request.token);
  if (request.op === "edit") {
    const sheet = gas.activeSheet();
    sheet.write(
      request.row,
      request.column,
      typed(sheet, request.row, request.column, request.value),
    );
    // The simple trigger, as Sheets fires it after a user's edit.
    server.onEdit({ range: sheet.getRange(request.row, request.column) } as never);
    return sheetView();
  }
  const fn = (server as Record<string, unknown>)[request.fn];
  if (typeof fn !== "function") throw new Error(`Script function not found: ${request.fn}`);
  return (fn as (...args: unknown[]) => unknown)(...request.args);
}

parentPort?.on("message", (request: SessionRequest) => {
  let reply: SessionReply;
  try {
    // A JSON round trip: what google.script.run carries (no functions, Dates as strings).
    const value = handle(request);
    reply = {
      id: request.id,
      ok: true,
      value: value === undefined ? null : JSON.parse(JSON.stringify(value)),
    };
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
