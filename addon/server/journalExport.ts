import { fetchApiBlob } from "./api";
import { COMPANY_SUMMARIES as S, COMPANY_TEXTS as T } from "./companyTexts";
import {
  ask,
  errorSentences,
  ownedCompany,
  type SavedFile,
  saveBytes,
  showDialog,
} from "./companyTools";
import { type Lang, userLang } from "./i18n";

// 会社: 会計ソフト用の仕訳 CSV. The owner picks the accounting software and a period; the API's
// 仕訳 CSV (GET /v1/companies/{id}/exports/journal.csv, Shift_JIS in the vendor's import
// layout) is saved byte for byte to the user's Drive and linked from a dialog.

export const VENDORS = ["freee", "moneyforward", "yayoi"] as const;
export type Vendor = (typeof VENDORS)[number];

const VENDOR_NAMES: Record<Vendor, Record<Lang, string>> = {
  freee: { ja: "freee会計", en: "freee Accounting" },
  moneyforward: { ja: "マネーフォワード クラウド会計", en: "Money Forward Cloud Accounting" },
  yayoi: { ja: "弥生会計", en: "Yayoi Accounting" },
};

export interface JournalResult {
  vendor: Vendor;
  from: string;
  to: string;
  file: SavedFile;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-01" -> the month's first and last day; "2026-01-01 2026-03-31" -> as typed. */
export function periodOf(typed: string): { from: string; to: string } | null {
  // As people type it too: 2026/1, 2026年1月, 2026/1/1〜2026/3/31, 2026年1月1日〜2026年3月31日.
  const text = typed
    .normalize("NFKC")
    .trim()
    .replace(/(\d)[年/.](?=\d)/g, "$1-")
    .replace(/(\d)月(?=\d)/g, "$1-")
    .replace(/(\d)[月日]/g, "$1")
    .replace(
      /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g,
      (_, y, m, d) => `${y}-${pad(Number(m))}-${pad(Number(d))}`,
    );
  const month = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return { from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m)}-${pad(last)}` };
  }
  const range = /^(\d{4}-\d{2}-\d{2})\s*(?:〜|~|～|\s)\s*(\d{4}-\d{2}-\d{2})$/.exec(text);
  return range ? { from: range[1] ?? "", to: range[2] ?? "" } : null;
}

/** The journal for `vendor` and the period into a new file of the user's Drive. */
export function exportJournal(vendor: Vendor, from: string, to: string): JournalResult {
  const company = ownedCompany(userLang());
  const query = `vendor=${vendor}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const csv = fetchApiBlob(
    `/v1/companies/${encodeURIComponent(company.id)}/exports/journal.csv?${query}`,
    "text/csv",
  );
  const file = saveBytes(csv, "text/csv", `journal-${vendor}-${from}_${to}.csv`);
  return { vendor, from, to, file };
}

function alertIn(lang: Lang, text: { ja: string; en: string }): null {
  SpreadsheetApp.getUi().alert(text[lang]);
  return null;
}

/** The menu's 会社: 会計ソフト用の仕訳 CSV: asks the software and the period. */
export function menuJournalExport(): JournalResult | null {
  const lang = userLang();
  const choice = ask(T.journalTitle[lang], T.vendorPrompt[lang]);
  if (choice === null || choice === "") return null;
  const vendor = VENDORS[Number(choice.normalize("NFKC")) - 1];
  if (!vendor) return alertIn(lang, T.badVendor);
  const answer = ask(T.journalTitle[lang], T.periodPrompt[lang]);
  if (answer === null || answer === "") return null;
  const period = periodOf(answer.normalize("NFKC"));
  if (!period) return alertIn(lang, T.badPeriod);
  try {
    const result = exportJournal(vendor, period.from, period.to);
    showDialog(
      T.journalTitle[lang],
      [
        { text: `${VENDOR_NAMES[vendor][lang]}　${period.from}〜${period.to}` },
        { link: S.named(lang, T.openJournal[lang], result.file.name), url: result.file.url },
        { text: T.importHint[lang] },
      ],
      lang,
    );
    return result;
  } catch (error) {
    SpreadsheetApp.getUi().alert(errorSentences(error).join("\n"));
    return null;
  }
}
