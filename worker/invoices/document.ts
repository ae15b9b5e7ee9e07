import {
  closingDateOf,
  formatTime,
  type QuoteRequest,
  type QuoteResult,
  workedMinutes,
} from "../../shared";
import { bankFullName } from "../banks/fullName";
import type { bankAccounts, companies, contracts, users, workEntries } from "../db/schema";
import type { InvoiceInputs, Issuer, Withholding } from "./rules";

// The invoice's document (JSON): everything a qualified invoice (適格請求書) and the business
// report (業務報告書) print, frozen into the invoice when submitted. Renderers (HTML here and
// in businessReport.ts, PDF elsewhere) read only this object, never the database.

export type ReportEntry = {
  date: string;
  costCategoryId: string;
  category: string;
  start: string | null;
  end: string | null;
  breakMinutes: number;
  /** end - start - break, before the settlement unit; null for quantity or skipped hours. */
  workedMinutes: number | null;
  quantity: number | null;
  skipHours: boolean;
  details: string;
};

export type InvoiceDocument = {
  /** A partner's 請求書, or the company's 支払通知書 built the same way. */
  kind: "invoice" | "paymentNotice";
  title: "請求書" | "支払通知書";
  number: string | null;
  issuedOn: string;
  month: string;
  /** 取引年月日: the working month's period, and its closing date. */
  period: { from: string; to: string };
  transactionDate: string;
  contract: { id: string; title: string; contractType: string };
  /**
   * 書類の交付を受ける事業者: the company; on a payment notice, which the company issues, also
   * its address and phone (its settings).
   */
  recipient: { name: string; address?: string; phone?: string };
  issuer: Issuer & { kind: "individual" | "corporation"; nonResident: boolean };
  /** The engine's quote: every yen on the document comes from here. */
  figures: QuoteResult;
  /** 税率ごとに区分した対価の額と消費税額, highest rate first (the engine's). */
  taxByRate: { rate: number; taxableAmount: number; consumptionTax: number }[];
  consumptionTaxEnabled: boolean;
  withholding: Withholding & { amount: number };
  /** taxRate 8 marks 軽減税率 (※); documents frozen before rates per line have none (10). */
  extraItems: { name: string; amount: number; taxRate?: number }[];
  expenses: { name: string; amount: number; taxRate?: number }[];
  dueDate: string | null;
  bankAccount: {
    kind: BankAccountRow["kind"];
    bankName: string;
    branchName: string;
    accountType: BankAccountRow["accountType"];
    accountNumber: string;
    holderName: string;
    swiftCode: string | null;
  } | null;
  remarks: string;
  entries: ReportEntry[];
};

type EntryRow = typeof workEntries.$inferSelect;
type BankAccountRow = typeof bankAccounts.$inferSelect;

export type DocumentParts = {
  number: string | null;
  issuedOn: string;
  month: string;
  contract: typeof contracts.$inferSelect;
  company: typeof companies.$inferSelect;
  partner: typeof users.$inferSelect;
  inputs: InvoiceInputs;
  bankAccount: typeof bankAccounts.$inferSelect | null;
  request: QuoteRequest;
  figures: QuoteResult;
  entries: EntryRow[];
};

function reportEntry(row: EntryRow, names: Map<string, string>): ReportEntry {
  const timed = row.startMinutes !== null && row.endMinutes !== null;
  return {
    date: row.date,
    costCategoryId: row.costCategoryId,
    category: names.get(row.costCategoryId) ?? row.costCategoryId,
    start: row.startMinutes === null ? null : formatTime(row.startMinutes),
    end: row.endMinutes === null ? null : formatTime(row.endMinutes),
    breakMinutes: row.breakMinutes,
    workedMinutes: timed
      ? workedMinutes(row.startMinutes ?? 0, row.endMinutes ?? 0, row.breakMinutes)
      : null,
    quantity: row.quantityHundredths === null ? null : row.quantityHundredths / 100,
    skipHours: row.skipHours,
    details: row.details,
  };
}

export function buildInvoiceDocument(parts: DocumentParts): InvoiceDocument {
  const { contract, inputs, figures, bankAccount: account } = parts;
  const names = new Map(parts.request.costCategories.map((c) => [c.id, c.name ?? c.id]));
  return {
    kind: "invoice",
    title: "請求書",
    number: parts.number,
    issuedOn: parts.issuedOn,
    month: parts.month,
    period: figures.period,
    transactionDate: closingDateOf(parts.month, contract.closingDay),
    contract: { id: contract.id, title: contract.title, contractType: contract.contractType },
    recipient: { name: parts.company.name },
    issuer: {
      ...inputs.issuer,
      kind: parts.partner.partnerKind ?? "individual",
      nonResident: parts.partner.nonResident,
    },
    figures,
    taxByRate: figures.taxByRate,
    consumptionTaxEnabled: inputs.consumptionTax.enabled,
    withholding: { ...inputs.withholding, amount: figures.withholdingTax },
    extraItems: inputs.extraItems,
    expenses: inputs.expenses,
    dueDate: inputs.dueDate,
    bankAccount: account && {
      kind: account.kind,
      bankName: bankFullName(account.bankCode, account.bankName),
      branchName: account.branchName,
      accountType: account.accountType,
      accountNumber: account.accountNumber,
      holderName: account.holderName,
      swiftCode: account.swiftCode,
    },
    remarks: inputs.remarks,
    entries: parts.entries.map((row) => reportEntry(row, names)),
  };
}
