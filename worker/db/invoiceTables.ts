import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { type ApprovalRecord, INVOICE_STATUSES, type QuoteResult } from "../../shared";
import type { InvoiceDocument } from "../invoices/document";
import type { InvoiceInputs } from "../invoices/rules";
import { companies, users } from "./accountTables";
import { createdAt, id, time } from "./columns";
import { contracts } from "./contractTables";

// ── Work, business reports, invoices and payment notices (issue 6) ───────────────────────

/** 業務登録: one row of a partner's timesheet. Times in minutes after midnight of `date`. */
export const workEntries = sqliteTable(
  "work_entries",
  {
    id: id(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    /** 稼働月 (YYYY-MM) the entry's date falls in under the contract's closing day. */
    workingMonth: text("working_month").notNull(),
    /** The add-on's row id, so a re-sent timesheet updates rather than duplicates. */
    clientRowId: text("client_row_id"),
    date: text("date").notNull(),
    costCategoryId: text("cost_category_id").notNull(),
    startMinutes: integer("start_minutes"),
    endMinutes: integer("end_minutes"),
    breakMinutes: integer("break_minutes").notNull().default(0),
    /** Quantity categories: the quantity x 100 (two decimals, exact). */
    quantityHundredths: integer("quantity_hundredths"),
    skipHours: integer("skip_hours", { mode: "boolean" }).notNull().default(false),
    details: text("details").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: time("updated_at"),
  },
  (t) => [
    index("work_entries_contract_month").on(t.contractId, t.workingMonth, t.date),
    uniqueIndex("work_entries_client_row").on(t.contractId, t.clientRowId),
  ],
);

/**
 * 請求書 (kind invoice, issued by the partner) and 支払通知書 (kind paymentNotice, issued by
 * the company) for one contract and working month. Figures are the engine's quote, stored
 * as computed when submitted; an approved document is never edited.
 */
export const invoices = sqliteTable(
  "invoices",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    partnerUserId: text("partner_user_id")
      .notNull()
      .references(() => users.id),
    workingMonth: text("working_month").notNull(),
    kind: text("kind", { enum: ["invoice", "paymentNotice"] }).notNull(),
    /** Per issuer and kind, gapless, given at first submission: INV-000001 / PN-000001. */
    number: text("number"),
    /** The partner (invoices) or the company (payment notices). */
    issuerId: text("issuer_id").notNull(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull(),
    /** What the partner chose: extra items, expenses, tax, withholding, bank, due date, remarks. */
    inputs: text("inputs", { mode: "json" }).$type<InvoiceInputs>().notNull(),
    /** The quote (shared/quote.ts) as last computed. */
    figures: text("figures", { mode: "json" }).$type<QuoteResult>(),
    /** The document as last submitted, and its SHA-256. */
    document: text("document", { mode: "json" }).$type<InvoiceDocument>(),
    contentHash: text("content_hash"),
    total: integer("total").notNull().default(0),
    dueDate: text("due_date"),
    submittedAt: time("submitted_at"),
    decidedAt: time("decided_at"),
    /** Payment notices: accepted automatically after this instant. */
    acceptBy: time("accept_by"),
    autoAccepted: integer("auto_accepted", { mode: "boolean" }).notNull().default(false),
    returnReason: text("return_reason"),
    revision: integer("revision").notNull().default(0),
    /** The approval route frozen at submission, with each step's decisions. */
    approval: text("approval", { mode: "json" }).$type<ApprovalRecord>(),
    /** Counts approval changes: a decision updates only the version it read. */
    approvalVersion: integer("approval_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invoices_contract_month_kind").on(t.contractId, t.workingMonth, t.kind),
    uniqueIndex("invoices_issuer_number").on(t.issuerId, t.kind, t.number),
    index("invoices_company_status").on(t.companyId, t.status),
  ],
);

/** Files attached to an invoice: the business report and others (jpeg, png, PDF, Excel). */
export const attachments = sqliteTable(
  "attachments",
  {
    id: id(),
    invoiceId: text("invoice_id")
      .notNull()
      .references(() => invoices.id),
    purpose: text("purpose", { enum: ["report", "other"] }).notNull(),
    filename: text("filename").notNull(),
    /** Recognised from the content, never from the name. */
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_invoice").on(t.invoiceId)],
);

/** Idempotency keys: a retried request answers what the first one answered. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    userId: text("user_id").notNull(),
    route: text("route").notNull(),
    status: integer("status").notNull(),
    response: text("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("idempotency_user_key").on(t.userId, t.route, t.key)],
);
