import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ApprovalRecord, ApprovalStepDefinition } from "../../shared";

// Every table of the product, one module (drizzle-kit reads it to generate migrations/).
// Ids are random UUIDs; times are Unix milliseconds; emails are stored lower-cased.

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const time = (name: string) => integer(name, { mode: "timestamp_ms" });

export const ROLES = ["companyOwner", "groupOwner", "member", "partner"] as const;
export type Role = (typeof ROLES)[number];

export const companies = sqliteTable("companies", {
  id: id(),
  name: text("name").notNull(),
  /** The paid option for monthly fixed fees with an hour range (時間幅・超過/控除). */
  hourRangeEnabled: integer("hour_range_enabled", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const groups = sqliteTable(
  "groups",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("groups_company_name").on(t.companyId, t.name)],
);

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  /** `pbkdf2-sha256$<iterations>$<salt>$<hash>`; null for Google-only accounts. */
  passwordHash: text("password_hash"),
  googleSubject: text("google_subject").unique(),
  emailVerifiedAt: time("email_verified_at"),
  termsVersion: text("terms_version").notNull(),
  /** Consent to the terms, privacy policy and electronic delivery of subcontract records. */
  consentedAt: time("consented_at").notNull(),
  /** 基本情報: shown on orders and invoices. Null until registered. */
  fullName: text("full_name"),
  partnerKind: text("partner_kind", { enum: ["individual", "corporation"] }),
  /** 適格請求書発行事業者登録番号, T + 13 digits, check digit verified. */
  registrationNumber: text("registration_number"),
  /** The National Tax Agency register's answer for that number, as JSON. */
  registrationLookup: text("registration_lookup", { mode: "json" }).$type<RegistrationLookup>(),
  nonResident: integer("non_resident", { mode: "boolean" }).notNull().default(false),
  address: text("address"),
  phone: text("phone"),
  createdAt: createdAt(),
});

export type RegistrationLookup = {
  status: "current" | "expired" | "revoked" | "notFound" | "unverified";
  name?: string;
  message: string;
  checkedAt: string;
};

export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    /** Null for the company owner, who belongs to the whole company. */
    groupId: text("group_id").references(() => groups.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_company_group").on(t.userId, t.companyId, t.groupId),
    index("memberships_group").on(t.groupId),
  ],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id),
    email: text("email").notNull(),
    role: text("role", { enum: ["groupOwner", "member", "partner"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: time("expires_at").notNull(),
    acceptedAt: time("accepted_at"),
    acceptedBy: text("accepted_by").references(() => users.id),
    revokedAt: time("revoked_at"),
    sentAt: time("sent_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_group").on(t.groupId)],
);

/** Single-use links sent by mail: email verification, password reset, change of address. */
export const emailTokens = sqliteTable("email_tokens", {
  id: id(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  purpose: text("purpose", { enum: ["verifyEmail", "resetPassword", "changeEmail"] }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /** changeEmail: the address the account moves to once the link mailed to it is used. */
  newEmail: text("new_email"),
  expiresAt: time("expires_at").notNull(),
  usedAt: time("used_at"),
  createdAt: createdAt(),
});

/** Browser sessions and long-lived API tokens, stored only as SHA-256 hashes. */
export const authTokens = sqliteTable(
  "auth_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["session", "api"] }).notNull(),
    name: text("name"),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so a user can tell tokens apart in a list. */
    prefix: text("prefix").notNull(),
    expiresAt: time("expires_at"),
    lastUsedAt: time("last_used_at"),
    revokedAt: time("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("auth_tokens_user").on(t.userId)],
);

/**
 * Sign-in throttling: one row per key ("address:<email>" and "client:<email>|<ip>"). Each
 * attempt claims the key in one conditional upsert, counting itself a failure in advance, so
 * parallel attempts cannot all pass a check made before any of them is counted. Times in ms.
 */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  /** When the last attempt claimed the key; a quiet window starts the count again. */
  lastAt: integer("last_at").notNull(),
  /** No attempt is checked before this instant; attempts before it are answered 429. */
  nextAt: integer("next_at").notNull(),
});

export const ACCOUNT_EVENTS = [
  "passwordResetRequested",
  "passwordReset",
  "emailChangeRequested",
  "emailChanged",
  "signedOutEverywhere",
] as const;
export type AccountEvent = (typeof ACCOUNT_EVENTS)[number];

/**
 * The audit trail of account recovery, per address rather than per company (a user may
 * belong to none or several): append-only (triggers refuse UPDATE and DELETE). A reset asked
 * for an address without an account is recorded too, with no user, so throttling it answers
 * exactly as for a real one.
 */
export const accountEvents = sqliteTable(
  "account_events",
  {
    id: id(),
    userId: text("user_id").references(() => users.id),
    /** The address the event concerns, lower-cased: the one a reset was asked for, or the new one. */
    email: text("email").notNull(),
    event: text("event", { enum: ACCOUNT_EVENTS }).notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, string | number>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("account_events_email").on(t.email, t.event, t.createdAt),
    index("account_events_user").on(t.userId, t.createdAt),
  ],
);

export const bankAccounts = sqliteTable(
  "bank_accounts",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["domestic", "overseas"] }).notNull(),
    bankCode: text("bank_code"),
    bankName: text("bank_name").notNull(),
    branchCode: text("branch_code"),
    branchName: text("branch_name").notNull(),
    /** 普通 / 当座 / 貯蓄 for domestic accounts. */
    accountType: text("account_type", { enum: ["ordinary", "checking", "savings"] }),
    accountNumber: text("account_number").notNull(),
    /** Half-width katakana as banks print it, for domestic accounts. */
    holderName: text("holder_name").notNull(),
    swiftCode: text("swift_code"),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("bank_accounts_user").on(t.userId)],
);

/** Every mail, written here first and sent by one sender. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    template: text("template").notNull(),
    sentAt: time("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_unsent").on(t.sentAt)],
);

/** The bell. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    readAt: time("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user").on(t.userId, t.readAt)],
);

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
    costCategories: text("cost_categories", { mode: "json" }).$type<unknown[]>().notNull(),
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

export const ORDER_STATUSES = [
  "draft",
  "underReview",
  "approved",
  "returned",
  "expired",
  "superseded",
] as const;

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
    document: text("document", { mode: "json" }).$type<Record<string, unknown>>(),
    contentHash: text("content_hash"),
    sentAt: time("sent_at"),
    decidedAt: time("decided_at"),
    returnReason: text("return_reason"),
    /** 発注請書: the partner's details as approved. */
    confirmation: text("confirmation", { mode: "json" }).$type<Record<string, unknown>>(),
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
    documentType: text("document_type", {
      enum: ["purchaseOrder", "invoice", "paymentNotice", "contract"],
    }).notNull(),
    documentId: text("document_id").notNull(),
    documentNumber: text("document_number").notNull(),
    event: text("event").notNull(),
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

export const INVOICE_STATUSES = ["draft", "underReview", "approved", "returned"] as const;

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
    inputs: text("inputs", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The quote (shared/quote.ts) as last computed. */
    figures: text("figures", { mode: "json" }).$type<Record<string, unknown>>(),
    /** The document as last submitted, and its SHA-256. */
    document: text("document", { mode: "json" }).$type<Record<string, unknown>>(),
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

// ── Payments, 支払調書 and accounting exports (issue 14) ──────────────────────────────────

/** The company's own account and 委託者コード for 全銀 総合振込 files. */
export type TransferSettings = {
  /** 委託者コード (振込依頼人コード): 10 digits, given by the company's bank. */
  consignorCode: string;
  /** 委託者名 as the bank has it, in half-width kana. */
  consignorName: string;
  bankCode: string;
  branchCode: string;
  accountType: "ordinary" | "checking" | "other";
  accountNumber: string;
  /** Records end with CRLF, or follow each other with nothing between (the bank's choice). */
  lineEnding: "crlf" | "none";
};

/** The payer (支払者) on 支払調書. */
export type PayerSettings = {
  name: string;
  address: string;
  phone: string;
  /** 法人番号 (13 digits) for a corporation; an individual's マイナンバー is never stored. */
  corporateNumber: string;
  /** 区分 and 細目 of the fees, as the statement's columns name them. */
  category: string;
  detail: string;
  /** 区分 and 細目 of one contract's fees, where they differ from the company's. */
  contracts?: { contractId: string; category: string; detail: string }[];
};

/** The accounting software a 仕訳 export is made for. */
export const ACCOUNTING_VENDORS = ["freee", "moneyforward", "yayoi"] as const;
export type AccountingVendor = (typeof ACCOUNTING_VENDORS)[number];

/** 税区分 as one vendor names them: each vendor spells them its own way. */
export type TaxCategoryNames = { standard: string; reduced: string; outOfScope: string };

/** Accounts (勘定科目), tax categories (税区分) per vendor and department for 仕訳 exports. */
export type AccountingSettings = {
  feeAccount: string;
  expenseAccount: string;
  payableAccount: string;
  withholdingAccount: string;
  department: string;
  taxCategories: Record<AccountingVendor, TaxCategoryNames>;
};

export const companySettings = sqliteTable("company_settings", {
  companyId: text("company_id")
    .primaryKey()
    .references(() => companies.id),
  transfer: text("transfer", { mode: "json" }).$type<TransferSettings>(),
  payer: text("payer", { mode: "json" }).$type<PayerSettings>(),
  accounting: text("accounting", { mode: "json" }).$type<AccountingSettings>(),
  updatedAt: time("updated_at"),
});

export const PAYMENT_RUN_STATUSES = ["open", "paid"] as const;

/** 支払: the approved invoices and accepted payment notices a company pays on one date. */
export const paymentRuns = sqliteTable(
  "payment_runs",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    paymentDate: text("payment_date").notNull(),
    status: text("status", { enum: PAYMENT_RUN_STATUSES }).notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    paidAt: time("paid_at"),
    createdAt: createdAt(),
  },
  (t) => [index("payment_runs_company_date").on(t.companyId, t.paymentDate)],
);

export const PAYMENT_ITEM_STATUSES = ["pending", "paid", "failed"] as const;

/** One invoice or notice in a run; a failed one is paid again by a later run. */
export const paymentItems = sqliteTable(
  "payment_items",
  {
    id: id(),
    runId: text("run_id")
      .notNull()
      .references(() => paymentRuns.id),
    invoiceId: text("invoice_id")
      .notNull()
      .references(() => invoices.id),
    /** 支払額: the invoice's payable (total - withholding + expenses), as the engine computed it. */
    amount: integer("amount").notNull(),
    status: text("status", { enum: PAYMENT_ITEM_STATUSES }).notNull(),
    failureReason: text("failure_reason"),
    decidedAt: time("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payment_items_run_invoice").on(t.runId, t.invoiceId),
    index("payment_items_invoice").on(t.invoiceId),
  ],
);

// ── Webhooks (issue 15) ──────────────────────────────────────────────────────────────────

/** An integrator's endpoint: the events it wants, signed with its own secret. */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    /** `whsec_` + base64: needed to sign, so kept (never answered after creation). */
    secret: text("secret").notNull(),
    /** After a rotation the old secret signs too until this time, so receivers can switch. */
    previousSecret: text("previous_secret"),
    previousSecretUntil: time("previous_secret_until"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    disabledAt: time("disabled_at"),
  },
  (t) => [index("webhook_endpoints_company").on(t.companyId)],
);

/** One event for one endpoint: tried until delivered or out of attempts. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    companyId: text("company_id").notNull(),
    /** The `webhook-id` header: the same on every attempt, so receivers can drop repeats. */
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: time("next_attempt_at"),
    createdAt: createdAt(),
    deliveredAt: time("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint").on(t.endpointId, t.createdAt),
  ],
);

/** Every attempt and what the endpoint answered (its first KiB). */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    attemptedAt: time("attempted_at").notNull(),
    statusCode: integer("status_code"),
    responseBody: text("response_body"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("webhook_attempts_delivery").on(t.deliveryId, t.attemptedAt)],
);

// ── Approval routes (issue 15) ───────────────────────────────────────────────────────────

export const APPROVAL_DOCUMENT_TYPES = ["purchaseOrder", "invoice", "paymentNotice"] as const;
export type ApprovalDocumentType = (typeof APPROVAL_DOCUMENT_TYPES)[number];

/**
 * A group's approval route (承認経路) for one kind of document: ordered steps, each a role or
 * named people, any one or all of them. At most one per group and kind: the route in force.
 */
export const approvalRoutes = sqliteTable(
  "approval_routes",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id),
    documentType: text("document_type", { enum: APPROVAL_DOCUMENT_TYPES }).notNull(),
    name: text("name").notNull(),
    steps: text("steps", { mode: "json" }).$type<ApprovalStepDefinition[]>().notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: time("updated_at"),
  },
  (t) => [uniqueIndex("approval_routes_group_type").on(t.groupId, t.documentType)],
);
