import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { type ApprovalRecord, type CostCategory, ORDER_STATUSES } from "../../shared";
import type { OrderConfirmation, OrderDocument } from "../orders/schemas";
import { DOCUMENT_TYPES, HISTORY_EVENTS } from "../platform/historyEvents";
import { companies, groups, users } from "./accountTables";
import { createdAt, id, time } from "./columns";

// ── Contracts, working conditions, purchase orders (issue 5) ─────────────────────────────

export type PaymentTerms = { monthsAfter: number; day: number };

/** 契約: the agreement between a company (one of its groups) and a partner. */
export const contracts = sqliteTable(
  "contracts",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id),
    partnerUserId: text("partner_user_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    /** 準委任 (quasiMandate) or 請負 (workContract). */
    contractType: text("contract_type", { enum: ["quasiMandate", "workContract"] }).notNull(),
    scope: text("scope").notNull(),
    deliverables: text("deliverables").notNull().default(""),
    workPlace: text("work_place").notNull().default(""),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    closingDay: integer("closing_day").notNull(),
    paymentTerms: text("payment_terms", { mode: "json" }).$type<PaymentTerms>().notNull(),
    autoRenewal: integer("auto_renewal", { mode: "boolean" }).notNull().default(false),
    billingMode: text("billing_mode", { enum: ["invoice", "paymentNotice"] }).notNull(),
    /** Days after a payment notice is sent until it counts as accepted. */
    confirmationDays: integer("confirmation_days"),
    settlementUnit: integer("settlement_unit").notNull().default(0),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("contracts_group").on(t.groupId), index("contracts_partner").on(t.partnerUserId)],
);

/** 稼働条件, versioned: a change from a given working month is a new version and a new order. */
export const conditionVersions = sqliteTable(
  "condition_versions",
  {
    id: id(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    version: integer("version").notNull(),
    /** The first working month (YYYY-MM) these conditions apply to. */
    effectiveFrom: text("effective_from").notNull(),
    /** The engine's cost categories (shared/types.ts CostCategory[]). */
    costCategories: text("cost_categories", { mode: "json" }).$type<CostCategory[]>().notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("condition_versions_contract_version").on(t.contractId, t.version)],
);

/**
 * 自動更新: each renewal of a contract, made by the scheduled job when the contract ends. One
 * row per renewal (contract, sequence unique), so a job run twice renews once.
 */
export const contractRenewals = sqliteTable(
  "contract_renewals",
  {
    id: id(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    /** 1 for the first renewal. */
    sequence: integer("sequence").notNull(),
    previousEndDate: text("previous_end_date").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    /** The term in working months, the same as the first period's. */
    termMonths: integer("term_months").notNull(),
    conditionVersionId: text("condition_version_id")
      .notNull()
      .references(() => conditionVersions.id),
    /** The order for the renewed months, sent to the partner; null until it is. */
    orderId: text("order_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("contract_renewals_contract_sequence").on(t.contractId, t.sequence)],
);

/** 発注書. Its content is frozen when sent; a returned order is revised and resent. */
export const purchaseOrders = sqliteTable(
  "purchase_orders",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    conditionVersionId: text("condition_version_id")
      .notNull()
      .references(() => conditionVersions.id),
    /** Per company, gapless: PO-000001. */
    number: text("number").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    subject: text("subject").notNull(),
    /** The company's own remarks; the generated ones are added when the document is built. */
    remarks: text("remarks").notNull().default(""),
    hideRangeTerms: integer("hide_range_terms", { mode: "boolean" }).notNull().default(false),
    revision: integer("revision").notNull().default(0),
    /** The document as last sent (JSON), and its SHA-256: what the partner saw. */
    document: text("document", { mode: "json" }).$type<OrderDocument>(),
    contentHash: text("content_hash"),
    sentAt: time("sent_at"),
    decidedAt: time("decided_at"),
    returnReason: text("return_reason"),
    /** 発注請書: the partner's details as approved. */
    confirmation: text("confirmation", { mode: "json" }).$type<OrderConfirmation>(),
    /** The approval route frozen when the order entered it, with each step's decisions. */
    approval: text("approval", { mode: "json" }).$type<ApprovalRecord>(),
    /** Counts approval changes: a decision updates only the version it read. */
    approvalVersion: integer("approval_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("purchase_orders_company_number").on(t.companyId, t.number),
    index("purchase_orders_contract").on(t.contractId),
  ],
);

/**
 * 電子帳簿保存法: every send, approval, return, resend, expiry and automatic acceptance of an
 * order, invoice or payment notice, append-only (triggers refuse UPDATE and DELETE) and
 * chained per company: each row's hash covers its content and the previous row's hash.
 */
export const historyEvents = sqliteTable(
  "history_events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    documentType: text("document_type", { enum: DOCUMENT_TYPES }).notNull(),
    documentId: text("document_id").notNull(),
    documentNumber: text("document_number").notNull(),
    event: text("event", { enum: HISTORY_EVENTS }).notNull(),
    /** Null for the system (expiry, automatic acceptance). */
    actorUserId: text("actor_user_id"),
    actorName: text("actor_name").notNull(),
    occurredAt: text("occurred_at").notNull(),
    /** For search: the transaction date, amount and counterparty of the document. */
    transactionDate: text("transaction_date").notNull(),
    amount: integer("amount").notNull(),
    counterparty: text("counterparty").notNull(),
    contentHash: text("content_hash").notNull(),
    details: text("details").notNull().default("{}"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /**
     * How `hash` was made: "hmac-sha256" with HISTORY_KEY for every row written since the
     * chain was keyed; "sha256" (unkeyed) only for rows written before (migration 0008).
     */
    hashAlgorithm: text("hash_algorithm", { enum: ["sha256", "hmac-sha256"] })
      .notNull()
      .default("sha256"),
  },
  (t) => [
    index("history_company_seq").on(t.companyId, t.seq),
    index("history_company_date").on(t.companyId, t.transactionDate),
  ],
);
