import {
  bankHolidayPredicate,
  CONTRACT_STATUS_LABELS,
  contractStatus,
  dueDateFor,
  transitionOrder as engineTransition,
  firstWorkingMonth,
  formatDateJa,
  freelanceActLimitIssue,
  type Issue,
  jstDateOf,
  monthTermsContractIssues,
  type OrderEvent,
  type OrderStatus,
  orderFixedTotal,
  orderLines,
  orderRemarks,
  type PaymentTerms,
  parseIsoDate,
  paymentTermsLabel,
  type SettlementUnit,
  suggestRates,
  workingMonthsOf,
} from "../../shared";
import type {
  companies,
  conditionVersions,
  contracts,
  PayerSettings,
  purchaseOrders,
  users,
} from "../db/schema";
import { ApiError, type IssueBody } from "../http/errors";
import { nationalHolidays } from "../platform/holidays";

// The worker's side of the engine's contract rules: database rows in, engine calls, the
// API's shapes out. Every rule itself lives in shared/.

export type { OrderEvent };

type Contract = typeof contracts.$inferSelect;

const isBankHoliday = bankHolidayPredicate(nationalHolidays);

const body = (issue: Issue, ja = false): IssueBody => ({
  path: issue.path,
  code: issue.code,
  message: ja ? issue.messageJa : issue.message,
});

export const isIsoDate = (value: string) => parseIsoDate(value) !== null;

export function firstWorkingMonthOf(start: string, end: string, closingDay: number): string {
  return firstWorkingMonth({ start, end }, closingDay);
}

export function workingMonthsOfContract(
  contract: Pick<Contract, "startDate" | "endDate" | "closingDay">,
) {
  return workingMonthsOf({ start: contract.startDate, end: contract.endDate }, contract.closingDay);
}

/** Payment terms within the Freelance Act's 60 days, for individual partners. */
export function checkPaymentTerms(
  contract: {
    startDate: string;
    endDate: string;
    closingDay: number;
    paymentTerms: PaymentTerms;
    autoRenewal: boolean;
  },
  partnerKind: "individual" | "corporation",
  ja = false,
): IssueBody[] {
  if (partnerKind !== "individual") return [];
  // Auto-renewal can reach any month; otherwise only the contract's own months count.
  const months = contract.autoRenewal ? undefined : workingMonthsOfContract(contract);
  const issue = freelanceActLimitIssue(contract.paymentTerms, contract.closingDay, {
    ...(months ? { months } : {}),
    path: "paymentTerms",
  });
  return issue ? [body(issue, ja)] : [];
}

export function contractStatusOf(latestOrderStatus: string | null, contract: Contract, now: Date) {
  const code = contractStatus({
    latestOrderStatus: latestOrderStatus as OrderStatus | null,
    period: { start: contract.startDate, end: contract.endDate },
    now: now.toISOString(),
  });
  const label = CONTRACT_STATUS_LABELS[code];
  return { code, label: label.en, labelJa: label.ja };
}

/**
 * A contract whose whole period is already over is created (for the record), but it can
 * never have an order approved, work or an invoice: say so in the answer's `warnings`.
 */
export function createdContractWarnings(contract: Contract, now: Date, ja: boolean): IssueBody[] {
  if (contractStatusOf(null, contract, now).code !== "ended") return [];
  const end = formatDateJa(contract.endDate);
  return [
    {
      path: "endDate",
      code: "contract_in_the_past",
      message: ja
        ? `契約期間は ${end} に終了しています。この契約では発注書の承認、業務登録、請求ができません。期間を確認してください`
        : `The contract's period ended on ${contract.endDate}: no order can be approved and no work registered or invoiced under it. Check the dates`,
    },
  ];
}

/** Per-month hour-range terms must name the contract's working months (checked at send). */
export function rangeMonthIssues(
  costCategories: unknown[],
  contract: Pick<Contract, "startDate" | "endDate" | "closingDay">,
  effectiveFrom: string,
): IssueBody[] {
  const terms = {
    period: { start: contract.startDate, end: contract.endDate },
    closingDay: contract.closingDay,
    effectiveFrom,
  };
  return costCategories.flatMap((category, index) => {
    const c = category as { type?: string; months?: unknown[] };
    if (c.type !== "monthlyRange" || !c.months) return [];
    return monthTermsContractIssues(
      c.months,
      terms,
      `conditions.costCategories.${index}.months`,
    ).map((issue) => body(issue));
  });
}

export function transitionOrder(
  status: string,
  event: OrderEvent,
  context: { now: Date; endDate: string; reason?: string },
) {
  return engineTransition(status as OrderStatus, event, {
    now: context.now.toISOString(),
    endDate: context.endDate,
    ...(context.reason !== undefined ? { reason: context.reason } : {}),
  });
}

/** The working months an order of `version` covers, its lines and their fixed total. */
export function orderCoverage(
  contract: Pick<Contract, "startDate" | "endDate" | "closingDay">,
  version: Pick<typeof conditionVersions.$inferSelect, "effectiveFrom" | "costCategories">,
) {
  const months = workingMonthsOfContract(contract).filter((m) => m >= version.effectiveFrom);
  const lines = orderLines(version.costCategories, months);
  return { months, lines, totalAmount: orderFixedTotal(lines) };
}

/** 発注書の内容: what the partner reviews, frozen into the order when it is sent. */
export function orderDocumentContent(parts: {
  contract: Contract;
  version: typeof conditionVersions.$inferSelect;
  company: typeof companies.$inferSelect;
  partner: typeof users.$inferSelect;
  order: typeof purchaseOrders.$inferSelect;
  issuedOn: Date;
  /** The company's address and phone (its settings), printed under its name as 発注者. */
  payer?: PayerSettings | null;
}) {
  const { contract, version, company, partner, order } = parts;
  const categories = version.costCategories;
  const { months, lines, totalAmount } = orderCoverage(contract, version);
  const remarks = orderRemarks({
    costCategories: categories,
    settlementUnit: contract.settlementUnit as SettlementUnit,
    hideRangeTerms: order.hideRangeTerms,
    companyRemarks: order.remarks,
    billingMode: contract.billingMode,
    confirmationDays: contract.confirmationDays,
  });
  const terms = paymentTermsLabel(contract.paymentTerms);
  const firstMonth = months[0];
  const firstDue = firstMonth
    ? dueDateFor(firstMonth, contract.closingDay, contract.paymentTerms, isBankHoliday)
    : null;
  const closing = contract.closingDay === 31 ? "末日締め" : `毎月${contract.closingDay}日締め`;
  return {
    number: order.number,
    subject: order.subject,
    issuedOn: jstDateOf(parts.issuedOn.getTime()),
    company: {
      id: company.id,
      name: company.name,
      address: parts.payer?.address ?? "",
      phone: parts.payer?.phone ?? "",
    },
    partner: {
      id: partner.id,
      name: partner.fullName ?? partner.email,
      email: partner.email,
      kind: partner.partnerKind ?? "individual",
    },
    contractType: contract.contractType,
    contractTypeLabel: contract.contractType === "quasiMandate" ? "準委任契約" : "請負契約",
    scope: contract.scope,
    period: { start: contract.startDate, end: contract.endDate },
    deliverables: contract.deliverables,
    workPlace: contract.workPlace,
    closingDay: contract.closingDay,
    paymentTerms: contract.paymentTerms,
    paymentDeadline: `${closing} ${terms.ja}${firstDue ? `（初回 ${formatDateJa(firstDue)}）` : ""}`,
    billingMode: contract.billingMode,
    workingMonths: months,
    conditionVersion: version.version,
    lines,
    totalAmount,
    remarks: remarks.lines,
    monthTable: remarks.monthTable,
  };
}

export function sesRateSuggestions(range: {
  monthlyFee: number;
  lowerHours: number;
  upperHours: number;
}) {
  const result = suggestRates(range);
  if (!result.ok) {
    throw new ApiError(
      422,
      "invalid_range",
      "The fee and hour range cannot give rates",
      result.issues.map((i) => body(i)),
    );
  }
  return result;
}
