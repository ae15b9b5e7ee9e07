import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { companies, users } from "./accountTables";
import { createdAt, id, time } from "./columns";
import { invoices } from "./invoiceTables";

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
