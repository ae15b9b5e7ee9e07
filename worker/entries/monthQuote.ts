import { and, asc, eq, lte } from "drizzle-orm";
import {
  type NamedAmount,
  type QuoteOutcome,
  type QuoteRequest,
  quote,
  type WorkEntry,
} from "../../shared";
import { billedVersion, orderMonthsColumn, parseOrderMonths } from "../contracts/billedConditions";
import type { Db } from "../db/client";
import {
  conditionVersions,
  type contracts,
  purchaseOrders,
  users,
  workEntries,
} from "../db/schema";
import { ApiError } from "../http/errors";

// The one way the API turns a contract's month into figures: its entries and the working
// conditions in force that month, through the engine's quote. Estimates, invoices and payment
// notices all come from here.

type Contract = typeof contracts.$inferSelect;
type EntryRow = typeof workEntries.$inferSelect;

/** What the partner chooses on the invoice (請求書) beside the work itself. */
export type InvoiceChoices = {
  extraItems?: NamedAmount[];
  expenses?: NamedAmount[];
  consumptionTax?: { enabled?: boolean; rate?: number; rounding?: "floor" | "round" | "ceil" };
  withholding?: { enabled?: boolean; base?: "includingTax" | "excludingTax" };
};

/** A stored entry as the engine reads it: its times stay integer minutes. */
export function toWorkEntry(row: EntryRow): WorkEntry {
  const entry: WorkEntry = { date: row.date, costCategoryId: row.costCategoryId };
  if (row.startMinutes !== null) entry.startMinutes = row.startMinutes;
  if (row.endMinutes !== null) entry.endMinutes = row.endMinutes;
  if (row.breakMinutes) entry.breakMinutes = row.breakMinutes;
  if (row.quantityHundredths !== null) entry.quantity = row.quantityHundredths / 100;
  if (row.skipHours) entry.skipHours = true;
  if (row.details) entry.details = row.details;
  return entry;
}

/**
 * The working conditions in force in `month`, by the one billing rule
 * (contracts/billedConditions.ts). Null when no approved order covers it.
 */
export async function conditionsForMonth(db: Db, contractId: string, month: string) {
  const rows = await db
    .select({
      version: conditionVersions,
      orderStatus: purchaseOrders.status,
      months: orderMonthsColumn,
    })
    .from(conditionVersions)
    .innerJoin(purchaseOrders, eq(purchaseOrders.conditionVersionId, conditionVersions.id))
    .where(
      and(
        eq(conditionVersions.contractId, contractId),
        // Only narrows what is read; the rule is billedVersion's.
        eq(purchaseOrders.status, "approved"),
        lte(conditionVersions.effectiveFrom, month),
      ),
    );
  const pairs = rows.map((r) => ({ ...r, orderMonths: parseOrderMonths(r.months) }));
  return billedVersion(pairs, month);
}

export async function monthEntryRows(
  db: Db,
  contractId: string,
  month: string,
): Promise<EntryRow[]> {
  return db
    .select()
    .from(workEntries)
    .where(and(eq(workEntries.contractId, contractId), eq(workEntries.workingMonth, month)))
    .orderBy(asc(workEntries.date), asc(workEntries.startMinutes), asc(workEntries.createdAt));
}

/** The quote request for a contract's month: conditions, entries, the partner's tax status. */
export async function monthQuoteRequest(
  db: Db,
  contract: Contract,
  month: string,
  choices: InvoiceChoices = {},
  entries?: WorkEntry[],
): Promise<QuoteRequest> {
  const conditions = await conditionsForMonth(db, contract.id, month);
  if (!conditions) {
    throw new ApiError(
      409,
      "no_approved_order",
      `No approved purchase order covers ${month}: work starts after approval`,
    );
  }
  const [partner] = await db.select().from(users).where(eq(users.id, contract.partnerUserId));
  const rows = entries ?? (await monthEntryRows(db, contract.id, month)).map(toWorkEntry);
  const kind = partner?.partnerKind ?? "individual";
  return {
    month,
    closingDay: contract.closingDay,
    settlementUnit: contract.settlementUnit as QuoteRequest["settlementUnit"],
    costCategories: conditions.costCategories,
    entries: rows,
    extraItems: choices.extraItems ?? [],
    expenses: choices.expenses ?? [],
    partner: { kind, nonResident: partner?.nonResident ?? false },
    consumptionTax: choices.consumptionTax ?? { enabled: true, rate: 10, rounding: "floor" },
    // Withholding applies to individuals only; the engine ignores it for corporations.
    withholding: choices.withholding ?? { enabled: false },
  };
}

/** The month's figures by the engine, or its issues. */
export async function monthQuote(
  db: Db,
  contract: Contract,
  month: string,
  choices: InvoiceChoices = {},
): Promise<{ request: QuoteRequest; outcome: QuoteOutcome }> {
  const request = await monthQuoteRequest(db, contract, month, choices);
  return { request, outcome: quote(request) };
}
