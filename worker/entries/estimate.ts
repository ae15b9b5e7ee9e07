import { and, eq } from "drizzle-orm";
import {
  formatTime,
  formatYearMonthJa,
  INVOICE_STATUS_LABELS,
  type QuoteResult,
} from "../../shared";
import type { Db } from "../db/client";
import { invoices } from "../db/schema";
import { ApiError, issuesError } from "../http/errors";
import { type ChoiceSource, estimateChoices } from "../invoices/estimateChoices";
import { conditionsForMonth, type InvoiceChoices, monthEntryRows, monthQuote } from "./monthQuote";
import { type Contract, checkContractMonth, serializeEntry } from "./rules";

// What a month of entries adds up to: the estimate (概算請求額), the CSV export and the
// business report's (業務報告書) status. Every yen comes from the engine via monthQuote.

/** An estimate: the engine's quote, and where its withholding and tax choices came from. */
export type Estimate = QuoteResult & {
  choicesFrom: ChoiceSource;
  withholdingChoice: { enabled: boolean; base: "includingTax" | "excludingTax" };
};

/** The engine's figures with the choices they were computed with, and where those came from. */
export function estimateOf(
  figures: QuoteResult,
  choices: InvoiceChoices,
  source: ChoiceSource,
): Estimate {
  const withholding = choices.withholding;
  return {
    ...figures,
    choicesFrom: source,
    withholdingChoice: {
      enabled: withholding?.enabled ?? false,
      base: withholding?.base ?? "includingTax",
    },
  };
}

/**
 * The engine's quote for the month with the choices its invoice has (or will start with);
 * 409 until an approved order covers it.
 */
export async function estimateFor(db: Db, contract: Contract, month: string): Promise<Estimate> {
  checkContractMonth(contract, month);
  const { choices, source } = await estimateChoices({ db }, contract, month);
  const { outcome } = await monthQuote(db, contract, month, choices);
  if (outcome.ok) return estimateOf(outcome.quote, choices, source);
  // The engine's issues carry their Japanese: the answer speaks the caller's language.
  const first = outcome.issues[0];
  throw issuesError(409, "estimate_unavailable", outcome.issues, {
    en: `The estimate for ${month} cannot be computed: ${first?.message ?? "check the entries"}`,
    ja: `${formatYearMonthJa(month)}の概算請求額を計算できません: ${first?.messageJa ?? "業務登録を確認してください"}`,
  });
}

const CSV_HEADER = ["日付", "費目", "開始", "終了", "休憩(分)", "稼働時間", "数量", "業務内容"];

// Excel runs a cell that starts with one of these as a formula (OWASP, CSV Injection); the
// full-width forms too, which Japanese input produces. A number is never a formula.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a cell that
 * would start a formula is prefixed with `'`, so Excel shows it as the text it is.
 */
export function csvField(raw: string): string {
  const value = FORMULA_START.test(raw) && !NUMBER.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** UTF-8 with a BOM and CRLF line ends: what Excel on a Japanese Windows opens correctly. */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The month's entries as CSV, for quasi-mandate (準委任) contracts only. */
export async function entriesCsv(db: Db, contract: Contract, month: string): Promise<string> {
  if (contract.contractType !== "quasiMandate") {
    throw new ApiError(
      409,
      "csv_not_available",
      "CSV export is available for quasi-mandate contracts only",
    );
  }
  checkContractMonth(contract, month);
  const conditions = await conditionsForMonth(db, contract.id, month);
  const names = new Map<string, string>();
  for (const category of conditions?.costCategories ?? []) {
    names.set(category.id, category.name ?? category.id);
  }
  const rows = (await monthEntryRows(db, contract.id, month)).map(serializeEntry);
  return toCsv([
    CSV_HEADER,
    ...rows.map((entry) => [
      entry.date,
      names.get(entry.costCategoryId) ?? entry.costCategoryId,
      entry.start ?? "",
      entry.end ?? "",
      entry.start === null ? "" : String(entry.breakMinutes),
      entry.workedMinutes === null ? "" : formatTime(entry.workedMinutes),
      entry.quantity === null ? "" : String(entry.quantity),
      entry.details,
    ]),
  ]);
}

export const REPORT_LABELS = {
  noWorkRecorded: { en: "No work recorded", ja: "業務未登録" },
  inProgress: { en: "In progress", ja: "作成中" },
  underReview: { en: "Invoice under review", ja: INVOICE_STATUS_LABELS.underReview.ja },
  approved: { en: INVOICE_STATUS_LABELS.approved.en, ja: INVOICE_STATUS_LABELS.approved.ja },
  returned: { en: INVOICE_STATUS_LABELS.returned.en, ja: INVOICE_STATUS_LABELS.returned.ja },
} as const;

export type ReportStatus = keyof typeof REPORT_LABELS;

/**
 * The business report of a month: its status from the entries and the month's invoice, the
 * entries, and the estimate (null until an approved order covers the month).
 */
export async function reportFor(db: Db, contract: Contract, month: string) {
  checkContractMonth(contract, month);
  const [invoice] = await db
    .select({ id: invoices.id, status: invoices.status })
    .from(invoices)
    .where(
      and(
        eq(invoices.contractId, contract.id),
        eq(invoices.workingMonth, month),
        eq(invoices.kind, "invoice"),
      ),
    );
  const entries = (await monthEntryRows(db, contract.id, month)).map(serializeEntry);
  let status: ReportStatus;
  if (invoice && invoice.status !== "draft") status = invoice.status;
  else status = invoice || entries.length > 0 ? "inProgress" : "noWorkRecorded";
  let estimate: Estimate | null = null;
  if (await conditionsForMonth(db, contract.id, month)) {
    const { choices, source } = await estimateChoices({ db }, contract, month);
    const { outcome } = await monthQuote(db, contract, month, choices);
    estimate = outcome.ok ? estimateOf(outcome.quote, choices, source) : null;
  }
  return {
    month,
    status,
    label: REPORT_LABELS[status],
    invoiceId: invoice?.id ?? null,
    entries,
    estimate,
  };
}
