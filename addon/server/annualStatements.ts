import type { components } from "../../worker/http/client/apiTypes";
import { ApiError, callApi, fetchApiBlob } from "./api";
import { COMPANY_SUMMARIES as S, COMPANY_TEXTS as T } from "./companyTexts";
import {
  ask,
  type DialogPart,
  errorSentences,
  ownedCompany,
  type SavedFile,
  saveBytes,
  showDialog,
  showYen,
} from "./companyTools";
import { type Lang, userLang } from "./i18n";
import { type ReviewRow, type Written, writeReviewSheet } from "./reviewSheet";

// 会社: 支払調書. The owner picks a calendar year; every payee paid in it goes to the 支払調書
// sheet with the statement's figures, or as left out with the reason; the statements' PDF
// (the API's, one payee a page) is saved to the user's Drive and linked from a dialog.

type Statements = components["schemas"]["AnnualPaymentStatements"];

export const STATEMENT_SHEET = "支払調書";

const HEADERS: Record<Lang, string[]> = {
  ja: [
    "ID",
    "年分",
    "支払を受ける者",
    "住所",
    "区分",
    "細目",
    "支払金額",
    "未払金額",
    "源泉徴収税額",
    "未徴収税額",
    "提出",
    "理由",
  ],
  en: [
    "ID",
    "Year",
    "Payee",
    "Address",
    "Category",
    "Detail",
    "Amount paid",
    "Unpaid",
    "Tax withheld",
    "Not yet withheld",
    "Report",
    "Reason",
  ],
};

export interface StatementsResult {
  year: number;
  statements: number;
  /** 支払金額 of every statement. */
  amount: number;
  excluded: number;
  problems: string[];
  file: SavedFile | null;
  sheet: Written;
}

function rowsOf(result: Statements, lang: Lang): ReviewRow[] {
  const reported: ReviewRow[] = result.statements.flatMap((s) =>
    s.lines.map(
      (line, i): ReviewRow => [
        `${result.year}:${s.partnerUserId}:${i}`,
        result.year,
        s.name,
        s.address,
        line.category,
        line.detail,
        line.amount,
        line.unpaidAmount,
        line.withholdingTax,
        line.unwithheldTax,
        T.toReport[lang],
        "",
      ],
    ),
  );
  const left: ReviewRow[] = result.excluded.map((e) => [
    `${result.year}:${e.partnerUserId}:excluded`,
    result.year,
    e.name,
    "",
    "",
    "",
    e.amount,
    "",
    e.withholdingTax,
    "",
    T.leftOut[lang],
    e.message,
  ]);
  return [...reported, ...left];
}

/** The year's payees into the 支払調書 sheet, and the statements' PDF into Drive. */
export function pullAnnualStatements(year: number): StatementsResult {
  const lang = userLang();
  const company = ownedCompany(lang);
  const path = `/v1/companies/${encodeURIComponent(company.id)}/annual-statements/${year}`;
  const result = callApi<Statements>("get", path);
  const sheet = writeReviewSheet(STATEMENT_SHEET, HEADERS[lang], rowsOf(result, lang));
  showYen(STATEMENT_SHEET, [7, 8, 9, 10], sheet.rows, lang);
  const problems = result.problems.map((p) => p.message);
  let file: SavedFile | null = null;
  if (result.statements.length > 0 && result.payer) {
    try {
      const pdf = fetchApiBlob(`${path}/statements.pdf`, "application/pdf");
      file = saveBytes(pdf, "application/pdf", `支払調書_${year}.pdf`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      problems.push(...errorSentences(error));
    }
  }
  return {
    year,
    statements: result.statements.length,
    amount: result.statements.reduce((n, s) => n + s.total.amount, 0),
    excluded: result.excluded.length,
    problems,
    file,
    sheet,
  };
}

function dialogParts(result: StatementsResult, lang: Lang): DialogPart[] {
  const parts: DialogPart[] = [
    { text: S.statements(lang, result.year, result.statements, result.amount, result.excluded) },
  ];
  if (result.file)
    parts.push({ link: S.named(lang, T.openPdf[lang], result.file.name), url: result.file.url });
  else if (result.statements > 0) parts.push({ text: T.noPdf[lang] });
  parts.push({ list: result.problems });
  parts.push({ text: S.named(lang, T.sheetWritten[lang], STATEMENT_SHEET) });
  return parts;
}

/** The year a blank answer means: last calendar year in Japan. */
function lastYear(): number {
  const year = Utilities.formatDate(new Date(), "Asia/Tokyo", "yyyy");
  return Number(year) - 1;
}

/** The menu's 会社: 支払調書: asks the year, then shows what came of it. */
export function menuAnnualStatements(): StatementsResult | null {
  const lang = userLang();
  const answer = ask(T.statementsTitle[lang], T.yearPrompt[lang]);
  if (answer === null) return null;
  if (answer !== "" && !/^\d{4}$/.test(answer)) {
    SpreadsheetApp.getUi().alert(T.badYear[lang]);
    return null;
  }
  const year = answer === "" ? lastYear() : Number(answer);
  try {
    const result = pullAnnualStatements(year);
    showDialog(T.statementsTitle[lang], dialogParts(result, lang), lang);
    return result;
  } catch (error) {
    SpreadsheetApp.getUi().alert(errorSentences(error).join("\n"));
    return null;
  }
}
