import { and, count, desc, eq, isNotNull } from "drizzle-orm";
import { quote } from "../../shared";
import type { User } from "../accounts/sessions";
import { bankAccounts, companies, contracts, invoices, users } from "../db/schema";
import type { Deps } from "../deps";
import { monthEntryRows, monthQuoteRequest, toWorkEntry } from "../entries/monthQuote";
import { checkContractMonth } from "../entries/rules";
import { ApiError, issuesError } from "../http/errors";
import {
  appendHistory,
  contentHashOf,
  type HistoryKeyHolder,
  historyKeyOf,
} from "../platform/history";
import type { HistoryDetails, HistoryEvent } from "../platform/historyEvents";
import { buildInvoiceDocument, type InvoiceDocument } from "./document";
import {
  assertEditable,
  choicesOf,
  type Invoice,
  type InvoiceInputs,
  mergeInputs,
  normaliseInputs,
  todayJst,
} from "./rules";
import type { InvoiceInput } from "./schemas";

// 請求書 (kind "invoice"): the partner's draft for a contract's working month, submitted,
// approved or returned by the company, resubmitted. Payment notices share the table and reuse
// `loadParts` and `figuresFor`; both are answered by `serializeInvoice` (present.ts).

type Contract = typeof contracts.$inferSelect;
type Tx = Parameters<Parameters<Deps["db"]["transaction"]>[0]>[0];

export async function loadParts(deps: Pick<Deps, "db">, contractId: string) {
  const [parts] = await deps.db
    .select({ contract: contracts, company: companies, partner: users })
    .from(contracts)
    .innerJoin(companies, eq(companies.id, contracts.companyId))
    .innerJoin(users, eq(users.id, contracts.partnerUserId))
    .where(eq(contracts.id, contractId));
  if (!parts) throw new ApiError(404, "not_found", "No such contract");
  return parts;
}

/** The engine's quote for the month with these inputs, with the entry rows it read. */
export async function figuresFor(
  deps: Pick<Deps, "db">,
  contract: Contract,
  month: string,
  inputs: InvoiceInputs,
) {
  const rows = await monthEntryRows(deps.db, contract.id, month);
  const request = await monthQuoteRequest(
    deps.db,
    contract,
    month,
    choicesOf(inputs),
    rows.map(toWorkEntry),
  );
  const outcome = quote(request);
  if (!outcome.ok) {
    // The engine's issues carry their Japanese: the answer speaks the caller's language.
    throw issuesError(422, "invalid_month", outcome.issues, {
      en: "The month's figures cannot be computed",
      ja: "この月の金額を計算できません",
    });
  }
  return { rows, request, figures: outcome.quote };
}

/** The withholding of the partner's latest approved invoice: a new draft starts with it. */
export async function lastWithholding(deps: Pick<Deps, "db">, partnerUserId: string) {
  const [last] = await deps.db
    .select({ inputs: invoices.inputs })
    .from(invoices)
    .where(
      and(
        eq(invoices.partnerUserId, partnerUserId),
        eq(invoices.kind, "invoice"),
        eq(invoices.status, "approved"),
      ),
    )
    .orderBy(desc(invoices.decidedAt))
    .limit(1);
  return last?.inputs.withholding ?? null;
}

async function accountsOf(deps: Pick<Deps, "db">, userId: string) {
  return deps.db
    .select()
    .from(bankAccounts)
    .where(eq(bankAccounts.userId, userId))
    .orderBy(desc(bankAccounts.isDefault));
}

/** PUT .../months/{month}/invoice: creates or updates the month's draft (or returned) invoice. */
export async function saveDraft(
  deps: Pick<Deps, "db" | "now">,
  contractId: string,
  month: string,
  body: InvoiceInput,
) {
  const { contract, partner } = await loadParts(deps, contractId);
  if (contract.billingMode !== "invoice") {
    throw new ApiError(
      409,
      "payment_notice_mode",
      "This contract is settled by payment notices from the company, not invoices",
    );
  }
  checkContractMonth(contract, month);
  const existing = await monthDocument(deps, contractId, month, "invoice");
  if (existing) assertEditable(existing.status);
  const inputs = mergeInputs(body, {
    contract,
    month,
    partner,
    accounts: await accountsOf(deps, partner.id),
    now: deps.now(),
    stored: existing ? normaliseInputs(existing.inputs, partner) : null,
    lastWithholding: existing ? null : await lastWithholding(deps, partner.id),
  });
  const { figures } = await figuresFor(deps, contract, month, inputs);
  const values = {
    inputs,
    figures,
    total: figures.total,
    dueDate: inputs.dueDate,
  };
  const row = await deps.db.transaction(async (tx) => {
    if (body.issuer?.useNextTime) {
      await tx
        .update(users)
        .set({ address: inputs.issuer.address, phone: inputs.issuer.phone })
        .where(eq(users.id, partner.id));
    }
    if (existing) {
      const [updated] = await tx
        .update(invoices)
        .set(values)
        .where(and(eq(invoices.id, existing.id), eq(invoices.status, existing.status)))
        .returning();
      if (!updated)
        throw new ApiError(409, "invoice_changed", "The invoice changed meanwhile: reload it");
      return updated;
    }
    const [created] = await tx
      .insert(invoices)
      .values({
        ...values,
        companyId: contract.companyId,
        contractId,
        partnerUserId: partner.id,
        workingMonth: month,
        kind: "invoice",
        issuerId: partner.id,
        status: "draft",
        createdAt: deps.now(),
      })
      .returning();
    if (!created) throw new Error("invoice not stored");
    return created;
  });
  return { invoice: row, contract };
}

/** The contract's invoice or payment notice for a working month, if there is one. */
export async function monthDocument(
  deps: Pick<Deps, "db">,
  contractId: string,
  month: string,
  kind: Invoice["kind"],
): Promise<Invoice | undefined> {
  const [row] = await deps.db
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.contractId, contractId),
        eq(invoices.workingMonth, month),
        eq(invoices.kind, kind),
      ),
    );
  return row;
}

export async function getInvoice(deps: Pick<Deps, "db">, invoiceId: string): Promise<Invoice> {
  const [row] = await deps.db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new ApiError(404, "not_found", "No such invoice");
  return row;
}

/** The document as submitted, or as it would be submitted now for a draft or returned one. */
export async function documentOf(
  deps: Pick<Deps, "db" | "now">,
  invoice: Invoice,
): Promise<InvoiceDocument> {
  // A payment notice is the company's document as sent; only a partner's invoice is rebuilt.
  const frozen =
    invoice.status === "underReview" ||
    invoice.status === "approved" ||
    invoice.kind === "paymentNotice";
  if (invoice.document && frozen) {
    return invoice.document;
  }
  const parts = await loadParts(deps, invoice.contractId);
  const inputs = normaliseInputs(invoice.inputs, parts.partner);
  const { rows, request, figures } = await figuresFor(
    deps,
    parts.contract,
    invoice.workingMonth,
    inputs,
  );
  const accounts = await accountsOf(deps, invoice.partnerUserId);
  return buildInvoiceDocument({
    ...parts,
    number: invoice.number,
    issuedOn: todayJst(deps.now()),
    month: invoice.workingMonth,
    inputs,
    bankAccount: accounts.find((a) => a.id === inputs.bankAccountId) ?? null,
    request,
    figures,
    entries: rows,
  });
}

/** Per issuer and kind, without gaps: counted inside the transaction that assigns it. */
export async function nextNumber(tx: Tx, issuerId: string, kind: Invoice["kind"]) {
  const [row] = await tx
    .select({ n: count() })
    .from(invoices)
    .where(
      and(eq(invoices.issuerId, issuerId), eq(invoices.kind, kind), isNotNull(invoices.number)),
    );
  const prefix = kind === "invoice" ? "INV" : "PN";
  return `${prefix}-${String((row?.n ?? 0) + 1).padStart(6, "0")}`;
}

export function actorName(user: User | null) {
  return user ? (user.fullName ?? user.email) : "system";
}

/** The history row's search fields: the closing date, the total, the partner. */
export async function recordInvoiceEvent(
  tx: Tx,
  deps: Pick<Deps, "now"> & HistoryKeyHolder,
  invoice: Invoice,
  event: HistoryEvent,
  actor: User | null,
  details: HistoryDetails = {},
) {
  const document = (invoice.document ?? {}) as Partial<InvoiceDocument>;
  await appendHistory(tx, historyKeyOf(deps), {
    companyId: invoice.companyId,
    documentType: invoice.kind,
    documentId: invoice.id,
    documentNumber: invoice.number ?? "",
    event,
    actorUserId: actor?.id ?? null,
    actorName: actorName(actor),
    occurredAt: deps.now(),
    transactionDate: document.transactionDate ?? invoice.workingMonth,
    amount: invoice.total,
    counterparty: document.issuer?.name ?? "",
    contentHash: invoice.contentHash ?? (await contentHashOf(document)),
    details,
  });
}
