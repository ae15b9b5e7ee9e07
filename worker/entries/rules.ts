import { and, eq, inArray } from "drizzle-orm";
import {
  type EntryLabeler,
  formatTime,
  type Issue,
  monthDaysInPeriod,
  monthEntryIssues,
  parseTime,
  parseYearMonth,
  type QuoteRequest,
  relabelEntries,
  toHundredths,
  type WorkEntry,
  workedMinutes,
} from "../../shared";
import { workingMonthsOfContract } from "../contracts/rules";
import type { Db } from "../db/client";
import { type contracts, invoices, type workEntries } from "../db/schema";
import { problemsMessage } from "../http/errorHandler";
import { ApiError, type IssueBody } from "../http/errors";
import type { Locale } from "../http/locale";
import { conditionsForMonth, monthQuoteRequest } from "./monthQuote";

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
  /** 稼働月 the partner files the entry under; the date must lie in it. */
  workingMonth?: string | null;
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

export const refuse = (path: string, message: string, code: string, messageJa: string) =>
  new ApiError(422, "invalid_request", message, [{ path, code, message, messageJa }], messageJa);

/**
 * A YYYY-MM the contract works in; anything else is a bad path, not a missing document. The one
 * contract-month check: entries, estimates, invoices and payment notices all use it. A month
 * after the end of an auto-renewing contract is not one until the contract has renewed (the
 * scheduled job extends its period), so none of them may run ahead of the renewal.
 */
export function checkContractMonth(contract: Contract, month: string, path = "month"): void {
  if (parseYearMonth(month) === null) {
    throw refuse(
      path,
      `month ${JSON.stringify(month)} is not a month: use YYYY-MM, such as 2025-08`,
      "invalid_value",
      `稼働月 ${JSON.stringify(month)} は YYYY-MM の形で入力してください（例: 2025-08）`,
    );
  }
  const months = workingMonthsOfContract(contract);
  if (!months.includes(month)) {
    const range = `${months[0]} to ${months.at(-1)}`;
    const rangeJa = `${months[0]}〜${months.at(-1)}`;
    const message = `${month} is not a working month of this contract (${range})`;
    const messageJa = `${month} はこの契約の稼働月ではありません（${rangeJa}）`;
    throw new ApiError(
      422,
      "invalid_request",
      message,
      [{ path, code: "month_not_working_month", message, messageJa }],
      messageJa,
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

/** Who "Entry N" of the engine's messages is (the engine's EntryLabeler). */
export type Labeler = EntryLabeler;

/** The engine's words with its entry numbers replaced by names the caller knows. */
export function relabel(issue: Issue, label: Labeler, locale: Locale): string {
  return relabelEntries(issue, label, locale);
}

/** The engine's month rules (shared/monthEntries.ts) with the contract's period. */
export function monthIssues(request: QuoteRequest, contract: Contract): Issue[] {
  return monthEntryIssues(request, { start: contract.startDate, end: contract.endDate });
}

export function invalid(issues: IssueBody[], locale: Locale): ApiError {
  return new ApiError(
    422,
    "invalid_entries",
    problemsMessage(issues.length, locale === "ja"),
    issues,
  );
}

/** What the add-on needs to check a month offline by the same rules as the sync. */
export interface MonthRules {
  contractId: string;
  month: string;
  period: { start: string; end: string };
  /** The month's days inside the contract period: the rows of its timesheet. */
  days: string[];
  /** The quote request of the month without entries: conditions in force, partner's status. */
  request: Omit<QuoteRequest, "entries"> | null;
  /** Why entries cannot be written now (no approved order, invoice submitted), or null. */
  refusal: { code: string; message: string } | null;
}

export async function monthRules(
  db: Db,
  contract: Contract,
  month: string,
  locale: Locale,
): Promise<MonthRules> {
  checkContractMonth(contract, month);
  let refusal: MonthRules["refusal"] = null;
  try {
    await guardWritable(db, contract, month);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    refusal = { code: error.code, message: writeRefusalMessage(error.code, month, locale) };
  }
  const conditions = await conditionsForMonth(db, contract.id, month);
  const request = conditions
    ? withoutEntries(await monthQuoteRequest(db, contract, month, {}, []))
    : null;
  const period = { start: contract.startDate, end: contract.endDate };
  return {
    contractId: contract.id,
    month,
    period,
    days: monthDaysInPeriod(month, contract.closingDay, period),
    request,
    refusal,
  };
}

function withoutEntries({ entries: _entries, ...request }: QuoteRequest) {
  return request;
}

function writeRefusalMessage(code: string, month: string, locale: Locale): string {
  const ja = locale === "ja";
  if (code === "no_approved_order") {
    return ja
      ? `${month} を含む承認済みの発注書がありません。発注書の承認後に稼働を登録できます`
      : `No approved purchase order covers ${month}: work can be recorded once the partner approves the order`;
  }
  return ja
    ? `${month} の請求書は提出済みか承認済みのため、勤務表は変更できません`
    : `The invoice for ${month} is submitted or approved: the timesheet can no longer change`;
}
