import { callApi } from "./api";
import type {
  BankAccount,
  Invoice,
  InvoiceInput,
  InvoiceListItem,
  InvoiceStatus,
} from "./apiModels";
import type { Attachment } from "./attachments";
import { syncedTimesheet } from "./invoiceGate";
import { requireTimesheet } from "./timesheet";

// 請求書 from the sidebar: the partner's draft for the timesheet in front (save, submit with
// the month typed to confirm, status and the company's reason), and the company's review of
// the invoices under review (approve, or return with a reason). Every figure is the API's.

export type { BankAccount, Invoice, InvoiceInput, InvoiceListItem, InvoiceStatus };

export type NamedAmount = NonNullable<InvoiceInput["expenses"]>[number];

export interface InvoicePanel {
  contractId: string;
  month: string;
  invoice: Invoice | null;
  bankAccounts: BankAccount[];
  /** Withholding is offered to individuals only. */
  partnerKind: "individual" | "corporation";
  /**
   * The issuer a new invoice starts with: the partner's basic information from the settings
   * (the seeds: name, address, phone and registration number are filled in from them).
   */
  profile: { name: string; address: string; phone: string; registrationNumber: string };
  /**
   * The withholding a new invoice starts with (the partner's last approved one, as the API's
   * draft would); null while the month has an invoice, or no estimate.
   */
  carriedWithholding: { enabled: boolean; base: "includingTax" | "excludingTax" } | null;
  /** 非居住者 providing services overseas: the API charges no consumption tax. */
  nonResident: boolean;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Membership {
  companyId: string;
  companyName: string;
  role: string;
}

export interface Account {
  email: string;
  /** Companies where the caller reviews invoices (owner, group owner, member). */
  companies: { id: string; name: string }[];
}

const enc = encodeURIComponent;

function timesheetMonth(contractId?: string, month?: string) {
  if (contractId && month) return { contractId, month };
  const { contractId: c, month: m } = requireTimesheet();
  return { contractId: c, month: m };
}

/** The month's invoice of the timesheet in front (or of `contractId`/`month`), with the accounts. */
export function getInvoice(contractId?: string, month?: string): InvoicePanel {
  const target = timesheetMonth(contractId, month);
  const mine = callApi<Page<InvoiceListItem>>(
    "get",
    `/v1/me/invoices?month=${enc(target.month)}&limit=200`,
  );
  const found = mine.items.find((i) => i.contractId === target.contractId);
  const invoice = found ? callApi<Invoice>("get", `/v1/invoices/${enc(found.id)}`) : null;
  const bankAccounts = callApi<BankAccount[]>("get", "/v1/me/bank-accounts");
  const me = callApi<{
    email: string;
    partnerKind: InvoicePanel["partnerKind"] | null;
    fullName: string | null;
    address: string | null;
    phone: string | null;
    registrationNumber: string | null;
    nonResident: boolean | null;
  }>("get", "/v1/me");
  const profile = {
    name: me.fullName ?? me.email,
    address: me.address ?? "",
    phone: me.phone ?? "",
    registrationNumber: me.registrationNumber ?? "",
  };
  return {
    ...target,
    invoice,
    bankAccounts,
    partnerKind: me.partnerKind ?? "individual",
    profile,
    carriedWithholding: invoice ? null : carriedWithholding(target.contractId, target.month),
    nonResident: me.nonResident ?? false,
  };
}

/** The estimate's withholding choice; none when the month has no estimate yet (no order). */
function carriedWithholding(contractId: string, month: string) {
  try {
    return callApi<{ withholdingChoice: NonNullable<InvoicePanel["carriedWithholding"]> }>(
      "get",
      `/v1/contracts/${enc(contractId)}/months/${enc(month)}/estimate`,
    ).withholdingChoice;
  } catch {
    return null;
  }
}

function putInvoice(contractId: string, month: string, input: InvoiceInput): Invoice {
  return callApi<Invoice>(
    "put",
    `/v1/contracts/${enc(contractId)}/months/${enc(month)}/invoice`,
    input,
  );
}

/**
 * Create or save the draft of the timesheet in front: the sheet is synced first and the
 * save refused while any row is refused or unsynced; the API then computes the figures from
 * the rows it holds, which are the sheet's, and these choices.
 */
export function saveInvoice(input: InvoiceInput): Invoice {
  const { contractId, month } = syncedTimesheet();
  return putInvoice(contractId, month, input);
}

/**
 * Submit (or resubmit) with the working month typed by the partner to confirm: its sheet is
 * synced first and must agree with the server; `input`, when given, is saved before.
 */
export function submitInvoice(
  invoiceId: string,
  confirmMonth: string,
  input?: InvoiceInput,
): Invoice {
  const invoice = callApi<Invoice>("get", `/v1/invoices/${enc(invoiceId)}`);
  syncedTimesheet(invoice.contractId, invoice.month);
  if (input) putInvoice(invoice.contractId, invoice.month, input);
  return callApi<Invoice>("post", `/v1/invoices/${enc(invoiceId)}/submit`, { confirmMonth });
}

/** One invoice as the company reviews it, with its attached files. */
export function getInvoiceDetail(invoiceId: string): {
  invoice: Invoice;
  attachments: Attachment[];
} {
  const invoice = callApi<Invoice>("get", `/v1/invoices/${enc(invoiceId)}`);
  const attachments = callApi<{ items: Attachment[] }>(
    "get",
    `/v1/invoices/${enc(invoiceId)}/attachments`,
  ).items;
  return { invoice, attachments };
}

/** Who is signed in, and the companies whose invoices they review. */
export function getAccount(): Account {
  const me = callApi<{ email: string; memberships: Membership[] }>("get", "/v1/me");
  const companies = new Map<string, string>();
  for (const m of me.memberships) {
    if (m.role !== "partner") companies.set(m.companyId, m.companyName);
  }
  return { email: me.email, companies: [...companies].map(([id, name]) => ({ id, name })) };
}

/** The invoices of every company the caller reviews for, under review unless told otherwise. */
export function listCompanyInvoices(status: InvoiceStatus = "underReview"): InvoiceListItem[] {
  const items: InvoiceListItem[] = [];
  for (const company of getAccount().companies) {
    const page = callApi<Page<InvoiceListItem>>(
      "get",
      `/v1/companies/${enc(company.id)}/invoices?status=${enc(status)}&limit=200`,
    );
    items.push(...page.items);
  }
  return items;
}

export function approveInvoice(invoiceId: string): Invoice {
  return callApi<Invoice>("post", `/v1/invoices/${enc(invoiceId)}/approve`);
}

export function returnInvoice(invoiceId: string, reason: string): Invoice {
  return callApi<Invoice>("post", `/v1/invoices/${enc(invoiceId)}/return`, { reason });
}
