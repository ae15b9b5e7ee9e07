import type { AccountingSettings, AccountingVendor } from "../db/schema";
import {
  categoryName,
  type JournalEntry,
  type JournalLine,
  slashDate,
  transitionalDeduction,
} from "./journal";

// Each vendor's documented import layout, column for column. The lines come from
// journal.ts; here they are only placed. Sources (README, "Accounting exports"):
// freee 取引インポート (21 columns, header row, 明細 rows after the first leave the
// 取引's own columns empty), Money Forward クラウド会計 仕訳帳インポート (the template's
// 27 columns A..AA), 弥生インポート形式 (25 columns, no header, 識別フラグ 2110/2100/2101
// for the rows of one 伝票, 2111 for a one-row 伝票).

export const FREEE_COLUMNS = [
  "収支区分",
  "管理番号",
  "発生日",
  "決済期日",
  "取引先コード",
  "取引先",
  "勘定科目",
  "税区分",
  "金額",
  "税計算区分",
  "税額",
  "備考",
  "品目",
  "部門",
  "メモタグ（複数指定可、カンマ区切り）",
  "セグメント1",
  "セグメント2",
  "セグメント3",
  "決済日",
  "決済口座",
  "決済金額",
] as const;

export const MONEYFORWARD_COLUMNS = [
  "取引No",
  "取引日",
  "借方勘定科目",
  "借方補助科目",
  "借方部門",
  "借方取引先",
  "借方税区分",
  "借方インボイス",
  "借方金額(円)",
  "借方税額",
  "貸方勘定科目",
  "貸方補助科目",
  "貸方部門",
  "貸方取引先",
  "貸方税区分",
  "貸方インボイス",
  "貸方金額(円)",
  "貸方税額",
  "摘要",
  "仕訳メモ",
  "タグ",
  "MF仕訳タイプ",
  "決算整理仕訳",
  "作成日時",
  "作成者",
  "最終更新日時",
  "最終更新者",
] as const;

/** 弥生インポート形式: no header row in the file; the names are the documentation's. */
export const YAYOI_COLUMNS = [
  "識別フラグ",
  "伝票No",
  "決算",
  "取引日付",
  "借方勘定科目",
  "借方補助科目",
  "借方部門",
  "借方税区分",
  "借方金額",
  "借方税金額",
  "貸方勘定科目",
  "貸方補助科目",
  "貸方部門",
  "貸方税区分",
  "貸方金額",
  "貸方税金額",
  "摘要",
  "番号",
  "期日",
  "タイプ",
  "生成元",
  "仕訳メモ",
  "付箋1",
  "付箋2",
  "調整",
] as const;

const taxed = (line: JournalLine) => line.taxKind !== "outOfScope";
const debitsOf = (e: JournalEntry) => e.lines.filter((l) => l.side === "debit");
const creditsOf = (e: JournalEntry) => e.lines.filter((l) => l.side === "credit");

/** Debits and credits side by side, row i holding the i-th of each (a compound entry). */
function pairs(entry: JournalEntry): [JournalLine | undefined, JournalLine | undefined][] {
  const debits = debitsOf(entry);
  const credits = creditsOf(entry);
  const count = Math.max(debits.length, credits.length);
  return Array.from({ length: count }, (_, i) => [debits[i], credits[i]]);
}

/**
 * freee: one 支出 取引 per document, unsettled (未決済) until its 決済期日, its 明細 the
 * debit lines and the withholding as a negative 明細 (預り金); freee books the payable itself.
 */
function freeeRows(entries: JournalEntry[], accounts: AccountingSettings): string[][] {
  const names = accounts.taxCategories.freee;
  return entries.flatMap((entry) => {
    const payable = entry.lines.find((l) => l.role === "payable");
    const expense = payable?.side !== "debit";
    const details = entry.lines.filter((l) => l !== payable);
    return details.map((line, i) => {
      const sign = (line.side === "debit") === expense ? 1 : -1;
      const first = i === 0;
      return [
        first ? (expense ? "支出" : "収入") : "",
        first ? entry.number : "",
        first ? slashDate(entry.date) : "",
        first && entry.dueDate ? slashDate(entry.dueDate) : "",
        "",
        first ? entry.counterparty : "",
        line.account,
        categoryName(names, line.taxKind),
        String(sign * line.amount),
        "内税",
        String(sign * line.tax),
        `${entry.memo} ${line.label}`,
        "",
        accounts.department,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ];
    });
  });
}

/** MF's インボイス column: 適格, or the transitional deduction (80%控除, 70%控除 ...). */
function mfInvoice(entry: JournalEntry, line: JournalLine | undefined): string {
  if (!line || !taxed(line)) return "";
  const share = transitionalDeduction(entry);
  return share === null ? "適格" : share > 0 ? `${share}%控除` : "";
}

function moneyforwardRows(entries: JournalEntry[], accounts: AccountingSettings): string[][] {
  const names = accounts.taxCategories.moneyforward;
  const side = (entry: JournalEntry, line: JournalLine | undefined, department: string) =>
    line
      ? [
          line.account,
          "",
          department,
          "",
          categoryName(names, line.taxKind),
          mfInvoice(entry, line),
          String(line.amount),
          taxed(line) ? String(line.tax) : "",
        ]
      : ["", "", "", "", "", "", "", ""];
  return entries.flatMap((entry, index) =>
    pairs(entry).map(([debit, credit]) => [
      String(index + 1),
      slashDate(entry.date),
      ...side(entry, debit, accounts.department),
      ...side(entry, credit, ""),
      `${entry.memo} ${(debit ?? credit)?.label ?? ""}`.trim(),
      entry.number,
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]),
  );
}

/** 弥生's 税区分 carries the 請求書区分: 適格, or 区分80% etc. for an unregistered issuer. */
function yayoiCategory(entry: JournalEntry, line: JournalLine, accounts: AccountingSettings) {
  const name = categoryName(accounts.taxCategories.yayoi, line.taxKind);
  if (!taxed(line)) return name;
  const share = transitionalDeduction(entry);
  return share === null ? `${name}適格` : share > 0 ? `${name}区分${share}%` : name;
}

function yayoiRows(entries: JournalEntry[], accounts: AccountingSettings): string[][] {
  const side = (entry: JournalEntry, line: JournalLine | undefined, department: string) =>
    line
      ? [
          line.account,
          "",
          department,
          yayoiCategory(entry, line, accounts),
          String(line.amount),
          taxed(line) ? String(line.tax) : "",
        ]
      : ["", "", "", "", "0", ""];
  return entries.flatMap((entry) => {
    const rows = pairs(entry);
    return rows.map(([debit, credit], i) => [
      rows.length === 1 ? "2111" : i === 0 ? "2110" : i === rows.length - 1 ? "2101" : "2100",
      "",
      "",
      slashDate(entry.date),
      ...side(entry, debit, accounts.department),
      ...side(entry, credit, ""),
      `${entry.memo} ${(debit ?? credit)?.label ?? ""}`.trim(),
      entry.number,
      "",
      "0",
      "",
      entry.number,
      "0",
      "0",
      "no",
    ]);
  });
}

export type VendorLayout = {
  header: readonly string[] | null;
  rows: (entries: JournalEntry[], accounts: AccountingSettings) => string[][];
};

export const VENDOR_LAYOUTS: Record<AccountingVendor, VendorLayout> = {
  freee: { header: FREEE_COLUMNS, rows: freeeRows },
  moneyforward: { header: MONEYFORWARD_COLUMNS, rows: moneyforwardRows },
  yayoi: { header: null, rows: yayoiRows },
};
