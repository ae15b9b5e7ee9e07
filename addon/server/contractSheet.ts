import {
  CHOICES,
  CONTRACT_COLUMNS,
  CONTRACT_SHEET,
  choiceLabels,
  columnOf,
  CONTRACT_TEXTS as T,
} from "./contractSheetTexts";
import { userLang } from "./i18n";

// The 契約一括作成 sheet itself: one contract a row, headers in the user's language, dropdowns
// where a value is one of a few, formats for dates and yen, and an example row to overwrite.

const WIDTH = CONTRACT_COLUMNS.length;

function list(values: readonly string[], allowInvalid: boolean) {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(allowInvalid)
    .build();
}

/** The menu's 会社: 契約一括作成シート: the sheet with its header, dropdowns and an example row. */
export function makeContractSheet(): string {
  const lang = userLang();
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const existing = book.getSheetByName(CONTRACT_SHEET);
  if (existing) {
    book.setActiveSheet(existing);
    return CONTRACT_SHEET;
  }
  const sheet = book.insertSheet(CONTRACT_SHEET);
  sheet.getRange(1, 1, 1, WIDTH).setValues([CONTRACT_COLUMNS.map((c) => c[lang])]);
  sheet.getRange(1, 1, 1, WIDTH).setFontWeight("bold");
  sheet.setFrozenRows(1);
  const rows = 200;
  const at = (key: Parameters<typeof columnOf>[0]) => sheet.getRange(2, columnOf(key), rows, 1);
  at("contractType").setDataValidation(list(choiceLabels(CHOICES.contractType, lang), false));
  at("type").setDataValidation(list(choiceLabels(CHOICES.type, lang), false));
  at("payMonth").setDataValidation(list(choiceLabels(CHOICES.payMonth, lang), true));
  const days = [CHOICES.monthEnd[0][lang], "25", "20", "15", "10", "5"];
  at("closingDay").setDataValidation(list(days, true));
  at("payDay").setDataValidation(list(days, true));
  at("settlementUnit").setDataValidation(list(choiceLabels(CHOICES.settlementUnit, lang), true));
  for (const key of ["startDate", "endDate"] as const) at(key).setNumberFormat("yyyy-mm-dd");
  at("effectiveFrom").setNumberFormat("yyyy-mm");
  for (const key of ["price", "excessRate", "deductionRate"] as const)
    at(key).setNumberFormat("#,##0");
  sheet
    .getRange(2, 1, 1, columnOf("workPlace"))
    .setValues([
      [
        T.exampleTitle[lang],
        "partner@example.com",
        CHOICES.contractType[0][lang],
        T.exampleScope[lang],
        "2026-12-01",
        "2027-05-31",
        CHOICES.monthEnd[0][lang],
        CHOICES.payMonth[1][lang],
        CHOICES.monthEnd[0][lang],
        "15",
        CHOICES.type[3][lang],
        T.exampleCategory[lang],
        1000000,
        140,
        180,
        5555,
        7142,
        "",
        T.exampleWorkPlace[lang],
      ],
    ]);
  sheet.setColumnWidth(columnOf("result"), 360);
  return CONTRACT_SHEET;
}

/** The menu's 会社: 契約一括作成シート. */
export function menuContractSheet(): void {
  makeContractSheet();
}
