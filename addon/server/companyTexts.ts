import { formatThousands, formatYen } from "../../shared";
import type { Lang, Text } from "./i18n";

// The words of the company's paying and year-end screens (支払, 支払調書), Japanese and English.

export const COMPANY_TEXTS = {
  menuPaymentRun: { ja: "会社: 支払と振込ファイル", en: "Company: payment run and transfer file" },
  menuAnnualStatements: { ja: "会社: 支払調書", en: "Company: annual payment statements" },
  paymentRunTitle: { ja: "支払", en: "Payment run" },
  paymentDatePrompt: {
    ja: "支払日を入力してください（例：2026-01-30）。その日に支払う承認済みの請求書・支払通知書と、前回振込できなかったものをまとめます。",
    en: "Enter the payment date (e.g. 2026-01-30). The approved invoices and accepted payment notices due that day, and transfers that failed before, are gathered.",
  },
  statementsTitle: { ja: "支払調書", en: "Annual payment statements" },
  yearPrompt: {
    ja: "何年分の支払調書を作成しますか（例：2026）。空欄なら前年分です。",
    en: "Which calendar year (e.g. 2026)? Leave it empty for last year.",
  },
  badYear: {
    ja: "年は 2026 のように西暦4桁で入力してください",
    en: "Enter the year as four digits, such as 2026",
  },
  notOwner: {
    ja: "支払と支払調書は会社の所有者だけが扱えます",
    en: "Only a company owner can make payment runs and statements",
  },
  openFile: { ja: "Google ドライブで開いてダウンロード", en: "Open in Google Drive to download" },
  noFile: {
    ja: "振込ファイルは作成していません。次の問題を直してから、もう一度実行してください。",
    en: "No transfer file was made: correct the problems below and run it again.",
  },
  nothingToTransfer: {
    ja: "振込ファイルに載せる未払いの国内振込はありません。",
    en: "There is no unpaid domestic transfer to put in a file.",
  },
  sheetWritten: { ja: "シートに書き出しました", en: "Written to the sheet" },
  openPdf: {
    ja: "支払調書 PDF を Google ドライブで開く",
    en: "Open the statements PDF in Google Drive",
  },
  noPdf: {
    ja: "PDF は作成していません。",
    en: "No PDF was made.",
  },
  toReport: { ja: "提出対象", en: "Report" },
  leftOut: { ja: "対象外", en: "Left out" },
  close: { ja: "閉じる", en: "Close" },
  menuMarkPaid: { ja: "会社: 振込済みにする", en: "Company: mark a payment run paid" },
  markPaidPrompt: {
    ja: "振込が済んだ支払日を入力してください（例：2026-01-30）。その日の支払を振込済みとして履歴に記録します。",
    en: "Enter the payment date whose transfers went through (e.g. 2026-01-30). Its run is recorded as paid in the history.",
  },
  menuJournal: { ja: "会社: 会計ソフト用の仕訳 CSV", en: "Company: journal CSV for accounting" },
  journalTitle: { ja: "仕訳 CSV", en: "Journal CSV" },
  vendorPrompt: {
    ja: "会計ソフトの番号を入力してください。1：freee、2：マネーフォワード クラウド会計、3：弥生会計",
    en: "Enter the number of your accounting software. 1: freee, 2: Money Forward Cloud Accounting, 3: Yayoi",
  },
  badVendor: { ja: "1、2、3 のいずれかを入力してください", en: "Enter 1, 2 or 3" },
  periodPrompt: {
    ja: "期間を入力してください。1か月なら 2026-01、範囲なら 2026-01-01 2026-03-31 のように入力します（取引日＝稼働月の締め日）。",
    en: "Enter the period: a month such as 2026-01, or a range such as 2026-01-01 2026-03-31 (transaction date = the working month's closing date).",
  },
  badPeriod: {
    ja: "期間は 2026-01、または 2026-01-01 2026-03-31 のように入力してください",
    en: "Enter the period as 2026-01, or as 2026-01-01 2026-03-31",
  },
  openJournal: {
    ja: "仕訳 CSV（Shift_JIS）を Google ドライブで開いてダウンロード",
    en: "Open the journal CSV (Shift_JIS) in Google Drive to download",
  },
  importHint: {
    ja: "ダウンロードしたファイルを会計ソフトの仕訳インポートで読み込んでください。",
    en: "Import the downloaded file with your accounting software's journal import.",
  },
} satisfies Record<string, Text>;

/** Sentences with figures in them, one function per language. */
export const COMPANY_SUMMARIES = {
  /** "シートに書き出しました：支払" / "Written to the sheet: 支払". */
  named: (lang: Lang, label: string, name: string) =>
    lang === "ja" ? `${label}：${name}` : `${label}: ${name}`,
  transfer: (lang: Lang, date: string, count: number, total: number) =>
    lang === "ja"
      ? `${date}　振込ファイル：${count}件 ${formatYen(total)}`
      : `${date}: transfer file of ${count} transfer(s), ${formatThousands(total)} yen`,
  overseas: (lang: Lang, count: number) =>
    lang === "ja"
      ? `${count}件は海外口座への支払のため振込ファイルに含まれません（別途送金してください）`
      : `${count} payment(s) to overseas accounts are not in the file: pay them apart`,
  noOpenRun: (lang: Lang, date: string) =>
    lang === "ja"
      ? `${date} の未払の支払はありません（メニュー「会社: 支払と振込ファイル」で作成します）`
      : `There is no unpaid run for ${date} (the menu's payment run item makes one)`,
  paid: (lang: Lang, date: string, count: number, total: number) =>
    lang === "ja"
      ? `${date} の支払 ${count}件 ${formatYen(total)} を振込済みとして記録しました`
      : `Recorded the ${count} payment(s) of ${date}, ${formatThousands(total)} yen, as paid`,
  statements: (lang: Lang, year: number, reported: number, amount: number, left: number) =>
    lang === "ja"
      ? `${year}年分　提出対象 ${reported}名（${formatYen(amount)}）／対象外 ${left}名`
      : `${year}: ${reported} payee(s) to report (${formatThousands(amount)} yen), ${left} left out`,
};
