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
import { typedDate } from "./rows";

// 会社: 支払と振込ファイル. The owner picks a payment date; the API gathers the run (what is
// due that day and what failed before); its items go to the 支払 sheet with each partner's
// problems beside them; when none is left, the 全銀 総合振込 file (Shift_JIS, byte for
// byte as the API made it) is saved to the user's Drive, since Apps Script cannot write a
// local file, and a dialog links to it.

type PaymentRun = components["schemas"]["PaymentRun"];
type RunSummary = components["schemas"]["PaymentRunSummary"];

export const PAYMENT_SHEET = "支払";

const HEADERS: Record<Lang, string[]> = {
  ja: ["ID", "支払日", "パートナー", "書類番号", "稼働月", "支払額", "状態", "振込", "問題"],
  en: [
    "ID",
    "Payment date",
    "Partner",
    "Number",
    "Month",
    "Amount",
    "Status",
    "Channel",
    "Problems",
  ],
};

const STATUS: Record<PaymentRun["items"][number]["status"], Record<Lang, string>> = {
  pending: { ja: "未払", en: "Pending" },
  paid: { ja: "支払済み", en: "Paid" },
  failed: { ja: "振込不能", en: "Failed" },
};
const CHANNEL: Record<PaymentRun["items"][number]["channel"], Record<Lang, string>> = {
  domestic: { ja: "国内振込", en: "Domestic" },
  overseas: { ja: "海外送金", en: "Overseas" },
};

export interface PaymentRunResult {
  runId: string;
  paymentDate: string;
  transfer: { count: number; total: number };
  overseas: number;
  problems: string[];
  file: SavedFile | null;
  sheet: Written;
}

function rowsOf(run: PaymentRun, lang: Lang): ReviewRow[] {
  return run.items.map((item) => [
    item.id,
    run.paymentDate,
    item.partnerName,
    item.number ?? "",
    item.month,
    item.amount,
    STATUS[item.status][lang],
    CHANNEL[item.channel][lang],
    item.problems.map((p) => p.message).join("\n"),
  ]);
}

/** The run for `paymentDate` into the 支払 sheet, and its 全銀 file into Drive when it can be made. */
export function preparePaymentRun(paymentDate: string): PaymentRunResult {
  const lang = userLang();
  const company = ownedCompany(lang);
  const runs = `/v1/companies/${encodeURIComponent(company.id)}/payment-runs`;
  const run = callApi<PaymentRun>("post", runs, { paymentDate });
  const sheet = writeReviewSheet(PAYMENT_SHEET, HEADERS[lang], rowsOf(run, lang));
  showYen(PAYMENT_SHEET, [6], sheet.rows, lang);
  const problems = run.problems.map((p) => p.message);
  let file: SavedFile | null = null;
  if (problems.length === 0 && run.transfer.count > 0) {
    try {
      const blob = fetchApiBlob(
        `${runs}/${encodeURIComponent(run.id)}/zengin`,
        "application/octet-stream",
      );
      file = saveBytes(blob, "text/plain", `sogofurikomi-${run.paymentDate}.txt`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      problems.push(...errorSentences(error));
    }
  }
  return {
    runId: run.id,
    paymentDate: run.paymentDate,
    transfer: run.transfer,
    overseas: run.overseas.length,
    problems,
    file,
    sheet,
  };
}

function dialogParts(result: PaymentRunResult, lang: Lang): DialogPart[] {
  const parts: DialogPart[] = [
    {
      text: S.transfer(lang, result.paymentDate, result.transfer.count, result.transfer.total),
    },
  ];
  if (result.file)
    parts.push({ link: S.named(lang, T.openFile[lang], result.file.name), url: result.file.url });
  else if (result.problems.length > 0) parts.push({ text: T.noFile[lang] });
  else parts.push({ text: T.nothingToTransfer[lang] });
  parts.push({ list: result.problems });
  if (result.overseas > 0) parts.push({ text: S.overseas(lang, result.overseas) });
  parts.push({ text: S.named(lang, T.sheetWritten[lang], PAYMENT_SHEET) });
  return parts;
}

/** The prompt's answer as the API's date: 2026/12/30 and 2026年12月30日 are typed as often. */
const promptedDate = (typed: string) =>
  typedDate(typed, SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());

/** The menu's 会社: 支払と振込ファイル: asks the date, then shows what came of it. */
export function menuPaymentRun(): PaymentRunResult | null {
  const lang = userLang();
  const typed = ask(T.paymentRunTitle[lang], T.paymentDatePrompt[lang]);
  if (typed === null || typed === "") return null;
  const date = promptedDate(typed);
  try {
    const result = preparePaymentRun(date);
    showDialog(T.paymentRunTitle[lang], dialogParts(result, lang), lang);
    return result;
  } catch (error) {
    SpreadsheetApp.getUi().alert(errorSentences(error).join("\n"));
    return null;
  }
}

/** Records the open run of `paymentDate` as paid (each document in the history) and refreshes the sheet. */
export interface PaidResult {
  runId: string;
  paymentDate: string;
  /** The items the run paid, and their sum. */
  count: number;
  total: number;
  sheet: Written;
}

export function markPaymentRunPaid(paymentDate: string): PaidResult {
  const lang = userLang();
  const company = ownedCompany(lang);
  const runs = `/v1/companies/${encodeURIComponent(company.id)}/payment-runs`;
  const open = callApi<RunSummary[]>("get", runs).find(
    (r) => r.paymentDate === paymentDate && r.status === "open",
  );
  if (!open) {
    const message = S.noOpenRun(lang, paymentDate);
    throw new ApiError(404, { code: "not_found", message, issues: [] });
  }
  const run = callApi<PaymentRun>("post", `${runs}/${encodeURIComponent(open.id)}/paid`);
  const sheet = writeReviewSheet(PAYMENT_SHEET, HEADERS[lang], rowsOf(run, lang));
  showYen(PAYMENT_SHEET, [6], sheet.rows, lang);
  const paid = run.items.filter((i) => i.status === "paid");
  return {
    runId: run.id,
    paymentDate: run.paymentDate,
    count: paid.length,
    total: paid.reduce((n, i) => n + i.amount, 0),
    sheet,
  };
}

/** The menu's 会社: 振込済みにする: asks the date, then says what was recorded. */
export function menuMarkPaymentRunPaid(): PaidResult | null {
  const lang = userLang();
  const typed = ask(T.menuMarkPaid[lang], T.markPaidPrompt[lang]);
  if (typed === null || typed === "") return null;
  const date = promptedDate(typed);
  try {
    const result = markPaymentRunPaid(date);
    SpreadsheetApp.getActiveSpreadsheet().toast(
      S.paid(lang, date, result.count, result.total),
      "Shimebi",
    );
    return result;
  } catch (error) {
    SpreadsheetApp.getUi().alert(errorSentences(error).join("\n"));
    return null;
  }
}
