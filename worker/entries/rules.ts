import { and, eq, inArray } from "drizzle-orm";
import {
  formatTime,
  type Issue,
  parseIsoDate,
  parseTime,
  parseYearMonth,
  type QuoteRequest,
  toHundredths,
  validateQuoteRequest,
  type WorkEntry,
  workedMinutes,
} from "../../shared";
import { workingMonthsOfContract } from "../contracts/rules";
import type { Db } from "../db/client";
import { type contracts, invoices, type workEntries } from "../db/schema";
import { problemsMessage } from "../http/errorHandler";
import { ApiError, type IssueBody } from "../http/errors";
import type { Locale } from "../http/locale";
import { conditionsForMonth } from "./monthQuote";

// 業務登録 (work entries): the rules every write obeys, single or by the month. Every check
// on the entries themselves is the engine's, run over the whole working month so that an
// overlap with any other entry of the month is caught.

export type Contract = typeof contracts.$inferSelect;
export type EntryRow = typeof workEntries.$inferSelect;

/** An entry as sent: optional fields may be null (a blank spreadsheet cell). */
export type EntryInput = {
  clientRowId?: string | null;
  date: string;
  costCategoryId: string;
  start?: string | number | null;
  end?: string | number | null;
  breakMinutes?: number | null;
  quantity?: number | null;
  skipHours?: boolean | null;
  details?: string | null;
};

export function serializeEntry(row: EntryRow) {
  const timed = row.startMinutes !== null && row.endMinutes !== null;
  return {
    id: row.id,
    clientRowId: row.clientRowId,
    workingMonth: row.workingMonth,
    date: row.date,
    costCategoryId: row.costCategoryId,
    start: row.startMinutes === null ? null : formatTime(row.startMinutes),
    end: row.endMinutes === null ? null : formatTime(row.endMinutes),
    breakMinutes: row.breakMinutes,
    quantity: row.quantityHundredths === null ? null : row.quantityHundredths / 100,
    skipHours: row.skipHours,
    details: row.details,
    workedMinutes: timed
      ? workedMinutes(row.startMinutes as number, row.endMinutes as number, row.breakMinutes)
      : null,
  };
}

/** The input as the engine reads it: nulls left out, the client row id dropped. */
export function asWorkEntry(input: EntryInput): WorkEntry {
  const entry: WorkEntry = { date: input.date, costCategoryId: input.costCategoryId };
  if (input.start != null) entry.start = input.start;
  if (input.end != null) entry.end = input.end;
  if (input.breakMinutes != null) entry.breakMinutes = input.breakMinutes;
  if (input.quantity != null) entry.quantity = input.quantity;
  if (input.skipHours != null) entry.skipHours = input.skipHours;
  if (input.details != null) entry.details = input.details;
  return entry;
}

/** The stored columns of an input the engine has accepted: times as integer minutes. */
export function storedFields(input: EntryInput, workingMonth: string) {
  return {
    workingMonth,
    date: input.date,
    costCategoryId: input.costCategoryId,
    startMinutes: input.start == null ? null : parseTime(input.start),
    endMinutes: input.end == null ? null : parseTime(input.end),
    breakMinutes: input.breakMinutes ?? 0,
    quantityHundredths: input.quantity == null ? null : toHundredths(input.quantity),
    skipHours: input.skipHours ?? false,
    details: input.details ?? "",
  };
}

export const refuse = (path: string, message: string, code = "invalid_value") =>
  new ApiError(422, "invalid_request", message, [{ path, code, message }]);

/** A YYYY-MM the contract works in; anything else is a bad path, not a missing document. */
export function checkContractMonth(contract: Contract, month: string): void {
  if (parseYearMonth(month) === null) {
    throw refuse("month", `month ${JSON.stringify(month)} is not a month: use YYYY-MM`);
  }
  const months = workingMonthsOfContract(contract);
  if (!months.includes(month)) {
    throw refuse(
      "month",
      `${month} is not a working month of this contract (${months[0]} to ${months.at(-1)})`,
      "month_not_working_month",
    );
  }
}

/**
 * Work is recorded only under an approved purchase order, and never once the month's invoice
 * (or payment notice) has been submitted or approved: those figures are the ones sent.
 */
export async function guardWritable(db: Db, contract: Contract, month: string): Promise<void> {
  if (!(await conditionsForMonth(db, contract.id, month))) {
    throw new ApiError(
      409,
      "no_approved_order",
      `No approved purchase order covers ${month}: work can be recorded once the partner approves the order`,
    );
  }
  const [locked] = await db
    .select({ kind: invoices.kind, status: invoices.status })
    .from(invoices)
    .where(
      and(
        eq(invoices.contractId, contract.id),
        eq(invoices.workingMonth, month),
        inArray(invoices.status, ["underReview", "approved"]),
      ),
    )
    .limit(1);
  if (locked) {
    const what = locked.kind === "invoice" ? "invoice" : "payment notice";
    const state = locked.status === "approved" ? "approved" : "under review";
    throw new ApiError(
      409,
      "month_locked",
      `The ${what} for ${month} is ${state}: entries can no longer change`,
    );
  }
}

/** Who "Entry N" of the engine's messages is, at the start of a sentence or inside one. */
export type Labeler = (index: number, capital: boolean) => { en: string; ja: string };

/** The engine's words with its entry numbers replaced by names the caller knows. */
export function relabel(issue: Issue, label: Labeler, locale: Locale): string {
  if (locale === "ja") {
    return issue.messageJa.replace(/(\d+)件目/g, (_, n: string) => label(Number(n) - 1, true).ja);
  }
  return issue.message.replace(
    /\b(Entry|entry) (\d+)\b/g,
    (_, word: string, n: string) => label(Number(n) - 1, word === "Entry").en,
  );
}

/**
 * The engine's issues with the month's entries, plus dates outside the contract period (the
 * engine knows the working month, not the contract). Paths are the engine's `entries.N.*`.
 */
export function monthIssues(request: QuoteRequest, contract: Contract): Issue[] {
  const validation = validateQuoteRequest(request);
  const issues = validation.ok ? [] : [...validation.issues];
  const entries = request.entries ?? [];
  for (let index = 0; index < entries.length; index++) {
    const date = entries[index]?.date;
    const path = `entries.${index}.date`;
    if (parseIsoDate(date) === null || issues.some((issue) => issue.path === path)) continue;
    if (date && (date < contract.startDate || date > contract.endDate)) {
      const range = `${contract.startDate} to ${contract.endDate}`;
      issues.push({
        path,
        code: "date_outside_period" as Issue["code"],
        message: `Entry ${index + 1} (${date}) is outside the contract period ${range}`,
        messageJa: `${index + 1}件目 (${date}) は契約期間（${contract.startDate}〜${contract.endDate}）の期間外です`,
      });
    }
  }
  return issues;
}

export function invalid(issues: IssueBody[], locale: Locale): ApiError {
  return new ApiError(
    422,
    "invalid_entries",
    problemsMessage(issues.length, locale === "ja"),
    issues,
  );
}
