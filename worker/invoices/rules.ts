import {
  bankHolidayPredicate,
  closingDateOf,
  daysAfterClosing,
  dueDateFor,
  FREELANCE_ACT_LIMIT_DAYS,
  formatDateJa,
  formatYearMonthJa,
  type InvoiceEvent,
  invoiceEditIssue,
  jstDateOf,
  type LineTaxRate,
  parseIsoDate,
  parseRegistrationNumber,
  transitionInvoice,
} from "../../shared";
import type { bankAccounts, contracts, invoices, PaymentTerms, users } from "../db/schema";
import type { InvoiceChoices } from "../entries/monthQuote";
import { ApiError, type IssueInput, refusedBy } from "../http/errors";
import type { Locale } from "../http/locale";
import { nationalHolidays } from "../platform/holidays";
import type { InvoiceInput } from "./schemas";

// The invoice's rules apart from storage: which status may do what, and how the partner's
// choices merge with what is stored, their settings and the contract's payment terms.

type Contract = typeof contracts.$inferSelect;
type Partner = typeof users.$inferSelect;
type BankAccount = typeof bankAccounts.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type InvoiceStatus = Invoice["status"];

export type Withholding = {
  enabled: boolean;
  base: "includingTax" | "excludingTax";
  /** With base excludingTax: how the excluded tax is presented (立替金 or 報酬の内訳). */
  excludedTaxTreatment?: "advancePayment" | "compensationBreakdown";
};

export type Issuer = { name: string; address: string; phone: string; registrationNumber: string };

/** An extra item (追加項目) or expense (立替経費) as stored: its rate always written. */
export type RatedItem = { name: string; amount: number; taxRate: LineTaxRate };

/** Invoices are at 10 %: a line without its own rate is at 10 (8 is 軽減税率). */
export const STANDARD_LINE_RATE: LineTaxRate = 10;

export function withRates(
  items: readonly { name: string; amount: number; taxRate?: LineTaxRate }[],
): RatedItem[] {
  return items.map((item) => ({ ...item, taxRate: item.taxRate ?? STANDARD_LINE_RATE }));
}

/** What is stored in `invoices.inputs`: every choice resolved, nothing left to guess. */
export type InvoiceInputs = {
  extraItems: RatedItem[];
  expenses: RatedItem[];
  consumptionTax: { enabled: boolean };
  withholding: Withholding;
  issuer: Issuer;
  bankAccountId: string | null;
  dueDate: string | null;
  remarks: string;
};

export type Warning = { path: string; message: string };

/** The next status, or a 409 in both languages: the status machine of 請求書 (shared/status). */
export function nextInvoiceStatus(status: InvoiceStatus, event: InvoiceEvent): InvoiceStatus {
  const next = transitionInvoice(status, event);
  if (next.ok) return next.status;
  throw refusedBy(409, next.issue);
}

/** Only a draft or a returned invoice is the partner's to change. */
export function assertEditable(status: InvoiceStatus) {
  const issue = invoiceEditIssue(status);
  if (issue) throw refusedBy(409, issue);
}

export const todayJst = (now: Date) => jstDateOf(now.getTime());

/**
 * A month is invoiced once its work is done: from its closing date (締め日) on, in Japan
 * time. Before it the hours are not final, so submitting an invoice, or sending a payment
 * notice (which the partner's silence would accept), is refused with a 422.
 */
export function assertMonthClosed(
  month: string,
  closingDay: number,
  now: Date,
  kind: "invoice" | "paymentNotice" = "invoice",
) {
  const closing = closingDateOf(month, closingDay);
  const today = todayJst(now);
  if (today >= closing) return;
  const notice = kind === "paymentNotice";
  const en = `The working month ${month} closes on ${closing}: ${notice ? "send its payment notice" : "submit its invoice"} from that day on`;
  const ja = `${formatYearMonthJa(month)}の稼働月は${formatDateJa(closing)}に締まります。${notice ? "支払通知書はその日から送付できます" : "請求書はその日から提出できます"}`;
  throw new ApiError(
    422,
    "month_not_closed",
    en,
    [{ path: "workingMonth", message: en, messageJa: ja }],
    ja,
  );
}

/** 支払期日 by the contract's payment terms, moved to the previous bank business day. */
export function termsDueDate(contract: Contract, month: string): string {
  return dueDateFor(
    month,
    contract.closingDay,
    contract.paymentTerms as PaymentTerms,
    bankHolidayPredicate(nationalHolidays),
  );
}

/** The Freelance Act (フリーランス保護法) allows 60 days from the closing date: warn, not refuse. */
export function dueDateWarnings(
  contract: Contract,
  month: string,
  dueDate: string | null,
  locale: Locale,
): Warning[] {
  if (!dueDate || parseIsoDate(dueDate) === null) return [];
  const days = daysAfterClosing(month, contract.closingDay, dueDate);
  if (days <= FREELANCE_ACT_LIMIT_DAYS) return [];
  const message =
    locale === "ja"
      ? `支払期日 ${formatDateJa(dueDate)} は締め日から${days}日後で、フリーランス保護法の60日以内を超えています。できれば会社と早い日付で合意してください`
      : `The due date ${dueDate} is ${days} days after the month's closing date, beyond the Freelance Act's 60-day limit (フリーランス保護法): agree on an earlier date with the company if you can`;
  return [{ path: "dueDate", message }];
}

export type MergeContext = {
  contract: Contract;
  month: string;
  partner: Partner;
  accounts: BankAccount[];
  now: Date;
  stored: InvoiceInputs | null;
  /** The withholding of the partner's latest approved invoice: it carries to a new draft. */
  lastWithholding: Withholding | null;
};

function withholdingOf(body: InvoiceInput, context: MergeContext, issues: IssueInput[]) {
  const individual = context.partner.partnerKind !== "corporation";
  const off: Withholding = { enabled: false, base: "includingTax" };
  const given = body.withholding;
  if (!given) {
    const kept = context.stored?.withholding ?? context.lastWithholding ?? off;
    return individual ? kept : off;
  }
  if (given.enabled && !individual) {
    issues.push({
      path: "withholding.enabled",
      message:
        "Withholding (源泉徴収) applies to individual partners only: a corporation's invoice has none",
      messageJa: "源泉徴収は個人のパートナーにだけ適用されます。法人の請求書にはありません",
    });
  }
  const choice: Withholding = { enabled: given.enabled, base: given.base };
  if (given.base === "excludingTax") {
    choice.excludedTaxTreatment = given.excludedTaxTreatment ?? "compensationBreakdown";
  }
  return choice;
}

function issuerOf(body: InvoiceInput, context: MergeContext, issues: IssueInput[]): Issuer {
  const { partner } = context;
  const base = context.stored?.issuer ?? {
    name: partner.fullName ?? partner.email,
    address: partner.address ?? "",
    phone: partner.phone ?? "",
    registrationNumber: partner.registrationNumber ?? "",
  };
  const given: Partial<NonNullable<InvoiceInput["issuer"]>> = body.issuer ?? {};
  const issuer = {
    name: given.name ?? base.name,
    address: given.address ?? base.address,
    phone: given.phone ?? base.phone,
    registrationNumber: given.registrationNumber ?? base.registrationNumber,
  };
  if (given.registrationNumber) {
    const parsed = parseRegistrationNumber(given.registrationNumber, "issuer.registrationNumber");
    if (parsed.ok) issuer.registrationNumber = parsed.value;
    else
      issues.push({
        path: parsed.issue.path,
        message: parsed.issue.message,
        messageJa: parsed.issue.messageJa,
      });
  }
  return issuer;
}

function dueDateOf(body: InvoiceInput, context: MergeContext, issues: IssueInput[]) {
  const today = todayJst(context.now);
  if (body.dueDate !== undefined) {
    if (parseIsoDate(body.dueDate) === null) {
      issues.push({
        path: "dueDate",
        message: `${body.dueDate} is not a date of the calendar`,
        messageJa: `${body.dueDate} は暦にある日付ではありません`,
      });
    } else if (body.dueDate < today) {
      issues.push({
        path: "dueDate",
        message: `The due date ${body.dueDate} is in the past: choose ${today} or later`,
        messageJa: `支払期日 ${body.dueDate} は過ぎています。${today} 以降を選んでください`,
      });
    }
    return body.dueDate;
  }
  if (context.stored?.dueDate) return context.stored.dueDate;
  // A month invoiced after its terms' date gets no default: the partner picks a date.
  const byTerms = termsDueDate(context.contract, context.month);
  return byTerms >= today ? byTerms : null;
}

function bankAccountOf(body: InvoiceInput, context: MergeContext, issues: IssueInput[]) {
  const { accounts } = context;
  if (body.bankAccountId !== undefined) {
    if (!accounts.some((a) => a.id === body.bankAccountId)) {
      issues.push({
        path: "bankAccountId",
        message: "No such bank account of yours",
        messageJa: "この銀行口座はあなたの口座として登録されていません",
      });
    }
    return body.bankAccountId;
  }
  const stored = context.stored?.bankAccountId;
  if (stored && accounts.some((a) => a.id === stored)) return stored;
  return (accounts.find((a) => a.isDefault) ?? accounts[0])?.id ?? null;
}

/** The stored inputs after this request, or a 422 naming every field at fault. */
export function mergeInputs(body: InvoiceInput, context: MergeContext): InvoiceInputs {
  const issues: IssueInput[] = [];
  const stored = context.stored;
  const taxEnabled = body.consumptionTax?.enabled ?? stored?.consumptionTax.enabled ?? true;
  const inputs: InvoiceInputs = {
    extraItems: withRates(body.extraItems ?? stored?.extraItems ?? []),
    expenses: withRates(body.expenses ?? stored?.expenses ?? []),
    // A non-resident providing services from abroad charges no consumption tax: shown as 0.
    consumptionTax: { enabled: context.partner.nonResident ? false : taxEnabled },
    withholding: withholdingOf(body, context, issues),
    issuer: issuerOf(body, context, issues),
    bankAccountId: bankAccountOf(body, context, issues),
    dueDate: dueDateOf(body, context, issues),
    remarks: body.remarks ?? stored?.remarks ?? "",
  };
  if (issues.length > 0) {
    throw new ApiError(422, "invalid_invoice", "The invoice has problems to correct", issues);
  }
  return inputs;
}

/** The engine's choices for these inputs. */
export function choicesOf(inputs: InvoiceInputs): InvoiceChoices {
  return {
    extraItems: inputs.extraItems,
    expenses: inputs.expenses,
    consumptionTax: {
      enabled: inputs.consumptionTax.enabled,
      rate: STANDARD_LINE_RATE,
      rounding: "floor",
    },
    withholding: { enabled: inputs.withholding.enabled, base: inputs.withholding.base },
  };
}

/**
 * Stored inputs with every field present: rows written by other paths (payment notices,
 * fixtures, older versions) may lack some, and a document must still render.
 */
export function normaliseInputs(raw: Record<string, unknown>, partner: Partner): InvoiceInputs {
  const stored = raw as Partial<InvoiceInputs>;
  return {
    extraItems: withRates(stored.extraItems ?? []),
    expenses: withRates(stored.expenses ?? []),
    consumptionTax: {
      enabled: partner.nonResident ? false : (stored.consumptionTax?.enabled ?? true),
    },
    withholding: stored.withholding ?? { enabled: false, base: "includingTax" },
    issuer: stored.issuer ?? {
      name: partner.fullName ?? partner.email,
      address: partner.address ?? "",
      phone: partner.phone ?? "",
      registrationNumber: partner.registrationNumber ?? "",
    },
    bankAccountId: stored.bankAccountId ?? null,
    dueDate: stored.dueDate ?? null,
    remarks: stored.remarks ?? "",
  };
}
