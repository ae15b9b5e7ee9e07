import { parseYearMonth } from "../../shared";
import { refuse } from "./answer";
import { dayText, totalHeader } from "./calendar";
import { type ContractTerms, categoryLabel, loadMonthTerms } from "./contracts";
import { MESSAGES, userLang } from "./i18n";
import {
  COLUMN,
  FIRST_DATA_ROW,
  HEADER_ROWS,
  headers,
  META_CONTRACT,
  META_MONTH,
  WIDTH,
} from "./layout";

// The month's timesheet (勤務表): one sheet per contract and working month, marked with
// developer metadata so it is found again whatever the user renames it to.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Timesheet {
  sheet: Sheet;
  contractId: string;
  month: string;
}

export interface TimesheetInfo {
  sheetName: string;
  contractId: string;
  month: string;
}

const MAX_SHEET_NAME = 100;

export function timesheetOf(sheet: Sheet): Timesheet | null {
  let contractId = "";
  let month = "";
  for (const meta of sheet.getDeveloperMetadata()) {
    if (meta.getKey() === META_CONTRACT) contractId = meta.getValue() ?? "";
    if (meta.getKey() === META_MONTH) month = meta.getValue() ?? "";
  }
  return contractId && month ? { sheet, contractId, month } : null;
}

export function activeTimesheet(): Timesheet | null {
  return timesheetOf(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet());
}

export function requireTimesheet(): Timesheet {
  const timesheet = activeTimesheet();
  if (!timesheet) refuse("not_timesheet", MESSAGES.notTimesheet);
  return timesheet;
}

export function infoOf(timesheet: Timesheet): TimesheetInfo {
  return {
    sheetName: timesheet.sheet.getName(),
    contractId: timesheet.contractId,
    month: timesheet.month,
  };
}

/**
 * Every data row at once: ONE getValues() over the data range, whatever the row count. The
 * range runs to the last row with content; an empty sheet reads as no rows.
 */
export function readRows(sheet: Sheet): unknown[][] {
  const count = sheet.getLastRow() - HEADER_ROWS;
  if (count < 1) return [];
  return sheet.getRange(FIRST_DATA_ROW, 1, count, WIDTH).getValues();
}

/** The cost-category dropdown on every data row; refreshed when the conditions change. */
function applyCategoryDropdown(sheet: Sheet, terms: ContractTerms): void {
  const rows = sheet.getMaxRows() - HEADER_ROWS;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(terms.costCategories.map(categoryLabel), true)
    .setAllowInvalid(false)
    .build();
  sheet.getRange(FIRST_DATA_ROW, COLUMN.category, rows, 1).setDataValidation(rule);
}

function layOut(sheet: Sheet, terms: ContractTerms, month: string, days: string[]): void {
  const lang = userLang();
  const rows = sheet.getMaxRows() - HEADER_ROWS;
  sheet
    .getRange(1, 1, 1, WIDTH)
    .setValues([headers(lang)])
    .setFontWeight("bold");
  sheet.setFrozenRows(HEADER_ROWS);
  sheet.addDeveloperMetadata(META_CONTRACT, terms.contractId);
  sheet.addDeveloperMetadata(META_MONTH, month);
  sheet.getRange(FIRST_DATA_ROW, COLUMN.date, rows, 1).setNumberFormat("yyyy-mm-dd");
  // Plain text, so "820" stays 820 for the check to show as 08:20, never a date or 820.0.
  sheet.getRange(FIRST_DATA_ROW, COLUMN.start, rows, 2).setNumberFormat("@");
  sheet
    .getRange(FIRST_DATA_ROW, COLUMN.skipHours, rows, 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  applyCategoryDropdown(sheet, terms);
  sheet
    .getRange(1, COLUMN.start)
    .setNote(
      lang === "ja" ? "820 や 8:20 と入力すると 08:20 になります" : "Type 820 or 8:20 for 08:20",
    );
  sheet.setColumnWidth(COLUMN.details, 320);
  sheet.setColumnWidth(COLUMN.errors, 320);
  sheet.hideColumns(COLUMN.rowId, 2);
  // One row per day of the working month inside the contract period (the API's list, so no
  // row is made that the sync would refuse), with the category when there is only one.
  const [first, ...others] = terms.costCategories;
  const only = first && others.length === 0 ? categoryLabel(first) : "";
  const prefilled = days.map((date) => [date, only]);
  if (prefilled.length > 0) {
    sheet.getRange(FIRST_DATA_ROW, COLUMN.date, prefilled.length, 2).setValues(prefilled);
    sheet
      .getRange(FIRST_DATA_ROW, COLUMN.day, days.length, 1)
      .setValues(days.map((date) => [dayText(date, lang)]));
  }
  sheet.getRange(HEADER_ROWS, COLUMN.worked).setValue(totalHeader([], lang));
}

/**
 * The timesheet of `contractId` for working month `month` (YYYY-MM): fetches the contract's
 * terms (cached for offline checks), makes the sheet, or opens it when it exists already.
 */
export function createTimesheet(contractId: string, month: string): TimesheetInfo {
  if (!parseYearMonth(month)) refuse("bad_month", MESSAGES.badMonth, "month");
  const { terms, rules } = loadMonthTerms(contractId, month);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  for (const sheet of spreadsheet.getSheets()) {
    const existing = timesheetOf(sheet);
    if (existing && existing.contractId === contractId && existing.month === month) {
      applyCategoryDropdown(sheet, terms);
      spreadsheet.setActiveSheet(sheet);
      return infoOf(existing);
    }
  }
  let name = `${month} ${terms.title}`.slice(0, MAX_SHEET_NAME);
  for (let n = 2; spreadsheet.getSheetByName(name); n++) {
    const base = `${month} ${terms.title}`.slice(0, MAX_SHEET_NAME - 5);
    name = `${base} (${n})`;
  }
  const sheet = spreadsheet.insertSheet(name);
  layOut(sheet, terms, month, rules.days);
  spreadsheet.setActiveSheet(sheet);
  return { sheetName: name, contractId, month };
}
