import { and, asc, eq, gte, lte } from "drizzle-orm";
import Encoding from "encoding-japanese";
import { closingDateOf, parseIsoDate, type QuoteResult } from "../../shared";
import { getSettings } from "../companySettings/service";
import {
  type AccountingSettings,
  type AccountingVendor,
  contracts,
  invoices,
  users,
} from "../db/schema";
import type { Deps } from "../deps";
import { csvField } from "../entries/estimate";
import { ApiError } from "../http/errors";
import type { InvoiceDocument } from "../invoices/document";
import { type JournalEntry, journalEntry } from "./journal";
import { VENDOR_LAYOUTS } from "./vendors";

// 仕訳 exports: the company's approved invoices and accepted payment notices whose
// transaction date (取引年月日, the working month's closing date) falls in a range, as the
// chosen vendor imports them, with the company's accounts. Every yen is the stored figures'.

export type JournalQuery = { vendor: AccountingVendor; from: string; to: string };

function assertRange(query: JournalQuery) {
  const refuse = (path: string, en: string, ja: string) => {
    throw new ApiError(422, "invalid_range", en, [{ path, message: en, messageJa: ja }], ja);
  };
  for (const key of ["from", "to"] as const) {
    if (parseIsoDate(query[key]) === null) {
      refuse(
        key,
        `${key} ${query[key]} is not a date: use YYYY-MM-DD, such as 2026-01-31`,
        `${key === "from" ? "開始日" : "終了日"} ${query[key]} は日付ではありません。2026-01-31 のように指定してください`,
      );
    }
  }
  if (query.from > query.to) {
    refuse(
      "to",
      `The range ends (${query.to}) before it starts (${query.from})`,
      `終了日 ${query.to} が開始日 ${query.from} より前です`,
    );
  }
}

/** The entries of the range, oldest transaction date first, then by document number. */
export async function journalEntries(
  deps: Pick<Deps, "db">,
  companyId: string,
  query: JournalQuery,
  accounts: AccountingSettings,
): Promise<JournalEntry[]> {
  assertRange(query);
  // A closing date lies in its working month: the months of the range bound the query.
  const rows = await deps.db
    .select({ invoice: invoices, closingDay: contracts.closingDay, partner: users })
    .from(invoices)
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .innerJoin(users, eq(users.id, invoices.partnerUserId))
    .where(
      and(
        eq(invoices.companyId, companyId),
        eq(invoices.status, "approved"),
        gte(invoices.workingMonth, query.from.slice(0, 7)),
        lte(invoices.workingMonth, query.to.slice(0, 7)),
      ),
    )
    .orderBy(asc(invoices.workingMonth), asc(invoices.number));
  const entries: JournalEntry[] = [];
  for (const { invoice, closingDay, partner } of rows) {
    const document = (invoice.document ?? {}) as Partial<InvoiceDocument>;
    const date = document.transactionDate ?? closingDateOf(invoice.workingMonth, closingDay);
    if (date < query.from || date > query.to || !invoice.figures) continue;
    const inputs = invoice.inputs as { consumptionTax?: { enabled?: boolean } };
    entries.push(
      journalEntry(
        {
          number: invoice.number ?? invoice.id,
          month: invoice.workingMonth,
          transactionDate: date,
          dueDate: invoice.dueDate,
          counterparty: document.issuer?.name ?? partner.fullName ?? partner.email,
          registrationNumber:
            document.issuer?.registrationNumber ?? partner.registrationNumber ?? "",
          taxed: inputs.consumptionTax?.enabled !== false && !partner.nonResident,
          figures: invoice.figures as unknown as QuoteResult,
        },
        accounts,
      ),
    );
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
}

/**
 * The vendor's file: CSV cells neutralised as every export of ours (a cell Excel would run
 * as a formula is text), CRLF, Shift_JIS as the three vendors read by default.
 */
export async function journalCsv(deps: Pick<Deps, "db">, companyId: string, query: JournalQuery) {
  const settings = await getSettings(deps, companyId);
  const entries = await journalEntries(deps, companyId, query, settings.accounting);
  const layout = VENDOR_LAYOUTS[query.vendor];
  const rows = [
    ...(layout.header ? [[...layout.header]] : []),
    ...layout.rows(entries, settings.accounting),
  ];
  const text = rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
  const bytes = Uint8Array.from(
    Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }),
  );
  return {
    bytes,
    filename: `journal-${query.vendor}-${query.from}_${query.to}.csv`,
    entries: entries.length,
  };
}
