import {
  formatYearMonthJa,
  includedTax,
  type QuoteResult,
  type RatedAmount,
  REDUCED_TAX_RATE,
  type TaxByRate,
} from "../../shared";
import type { AccountingSettings } from "../db/schema";

// 仕訳 of an approved invoice or accepted payment notice, before any vendor's layout: one
// debit per tax rate of the fee, one per rate of the expenses, the payable and the
// withholding as credits. Vendors (vendors.ts) only arrange these lines in their columns.

export type TaxKind = "standard" | "reduced" | "outOfScope";

export type JournalLine = {
  side: "debit" | "credit";
  role: "fee" | "expense" | "payable" | "withholding";
  account: string;
  taxKind: TaxKind;
  /** Tax-inclusive yen, more than 0 (a negative amount moves to the other side). */
  amount: number;
  /** The consumption tax inside `amount`; 0 out of scope. */
  tax: number;
  /** What the line is, for the memo (摘要). */
  label: string;
};

export type JournalEntry = {
  /** INV-000001 / PN-000001. */
  number: string;
  /** 取引日: the transaction date the document states (the working month's closing date). */
  date: string;
  dueDate: string | null;
  counterparty: string;
  /** T + 13 digits, or "" when the issuer is not a qualified invoice issuer. */
  registrationNumber: string;
  /** 摘要 before the line's label: number, registration number, counterparty, month. */
  memo: string;
  lines: JournalLine[];
};

/** What an entry is built from: the stored figures and the document's parties. */
export type JournalSource = {
  number: string;
  month: string;
  transactionDate: string;
  dueDate: string | null;
  counterparty: string;
  registrationNumber: string;
  taxed: boolean;
  figures: QuoteResult;
};

function kindOf(rate: number, taxed: boolean): TaxKind {
  if (!taxed) return "outOfScope";
  return rate === REDUCED_TAX_RATE ? "reduced" : rate > 0 ? "standard" : "outOfScope";
}

/** Figures stored before tax per rate: the whole subtotal at 10 %. */
function ratesOf(figures: QuoteResult): TaxByRate[] {
  return (
    figures.taxByRate ?? [
      { rate: 10, taxableAmount: figures.subtotal, consumptionTax: figures.consumptionTax },
    ]
  );
}

function expensesOf(figures: QuoteResult): RatedAmount[] {
  if (figures.expensesByRate) return figures.expensesByRate;
  return figures.expensesTotal ? [{ rate: 10, amount: figures.expensesTotal }] : [];
}

/** A line with a negative amount is the same line on the other side. */
function normalised(line: JournalLine): JournalLine[] {
  if (line.amount === 0) return [];
  if (line.amount > 0) return [line];
  return [
    {
      ...line,
      side: line.side === "debit" ? "credit" : "debit",
      amount: 0 - line.amount,
      tax: 0 - line.tax,
    },
  ];
}

export function journalEntry(source: JournalSource, accounts: AccountingSettings): JournalEntry {
  const f = source.figures;
  const lines: JournalLine[] = [];
  for (const row of ratesOf(f)) {
    const taxKind = kindOf(row.rate, source.taxed);
    lines.push({
      side: "debit",
      role: "fee",
      account: accounts.feeAccount,
      taxKind,
      amount: row.taxableAmount + row.consumptionTax,
      tax: taxKind === "outOfScope" ? 0 : row.consumptionTax,
      label: taxKind === "reduced" ? `報酬 ${row.rate}%（軽減）` : `報酬 ${row.rate}%`,
    });
  }
  for (const row of expensesOf(f)) {
    // Reimbursed costs carry the tax of their receipts, at the rate the partner gave.
    lines.push({
      side: "debit",
      role: "expense",
      account: accounts.expenseAccount,
      taxKind: kindOf(row.rate, true),
      amount: row.amount,
      tax: includedTax(row.amount, row.rate, "floor"),
      label: row.rate === REDUCED_TAX_RATE ? `立替経費 ${row.rate}%（軽減）` : "立替経費",
    });
  }
  lines.push(
    {
      side: "credit",
      role: "payable",
      account: accounts.payableAccount,
      taxKind: "outOfScope",
      amount: f.payable,
      tax: 0,
      label: "支払額",
    },
    {
      side: "credit",
      role: "withholding",
      account: accounts.withholdingAccount,
      taxKind: "outOfScope",
      amount: f.withholdingTax,
      tax: 0,
      label: "源泉所得税",
    },
  );
  const registration = source.registrationNumber || "登録番号なし";
  return {
    number: source.number,
    date: source.transactionDate,
    dueDate: source.dueDate,
    counterparty: source.counterparty,
    registrationNumber: source.registrationNumber,
    memo: `${source.number} ${registration} ${source.counterparty} ${formatYearMonthJa(source.month)}分`,
    lines: lines.flatMap(normalised),
  };
}

/**
 * The share of input tax a purchase from an issuer without a registration number may still
 * deduct (経過措置), by the transaction date; null when it is a qualified invoice.
 */
export function transitionalDeduction(entry: JournalEntry): number | null {
  if (/^T\d{13}$/.test(entry.registrationNumber)) return null;
  if (entry.date <= "2026-09-30") return 80;
  if (entry.date <= "2028-09-30") return 70;
  if (entry.date <= "2030-09-30") return 50;
  if (entry.date <= "2031-09-30") return 30;
  return 0;
}

/** "2026/01/31": the date form every vendor reads. */
export const slashDate = (isoDate: string) => isoDate.replaceAll("-", "/");

/** The tax category name of a line for one vendor's names. */
export const categoryName = (
  names: AccountingSettings["taxCategories"][keyof AccountingSettings["taxCategories"]],
  kind: TaxKind,
) => names[kind];
