import {
  CONTRACT_STATUS_LABELS,
  formatYearMonthJa,
  INVOICE_STATUS_LABELS,
  jstDateOf,
  lastWorkingMonth,
  type MonthlyRangeCostCategory,
  ORDER_STATUS_LABELS,
  parseInstant,
  termsForMonth,
} from "../../shared";
import type { ContractListItem, InvoiceListItem } from "./apiModels";
import { YEN_FORMAT } from "./companyTools";
import type { Lang, Text } from "./i18n";
import type { ReviewColumn, ReviewRow } from "./reviewSheet";

// What each review sheet shows, one row per contract, purchase order or invoice, in the
// user's language: statuses from shared/status, yen as numbers shown as yen, dates as dates
// (ISO text Sheets reads as a date, as the timesheet's dates are written).

type Listed = ContractListItem["orders"][number];

const DATE: Record<Lang, string> = { ja: 'yyyy"年"m"月"d"日"', en: "yyyy-mm-dd" };
const MONTH: Record<Lang, string> = { ja: 'yyyy"年"m"月"', en: "yyyy-mm" };

/** status: text, and where a row no longer listed is marked. */
type Kind = "text" | "status" | "yen" | "date" | "month";
const column = (kind: Kind, ja: string, en: string) => ({ kind, text: { ja, en } });

/** The columns of each sheet, the hidden id first; `status` names where a vanished row is marked. */
export const REVIEW_COLUMNS = {
  contracts: [
    column("text", "ID", "ID"),
    column("text", "契約名", "Contract"),
    column("text", "パートナー", "Partner"),
    column("date", "開始日", "Start"),
    column("date", "終了日", "End"),
    column("status", "状態", "Status"),
    column("yen", "月額", "Monthly fee"),
    column("yen", "単価", "Unit price"),
    column("text", "精算幅", "Hour range"),
  ],
  orders: [
    column("text", "ID", "ID"),
    column("text", "発注書番号", "Order number"),
    column("text", "契約名", "Contract"),
    column("text", "パートナー", "Partner"),
    column("text", "発注月", "Months ordered"),
    column("yen", "金額", "Amount"),
    column("status", "状態", "Status"),
    column("date", "送付日", "Sent on"),
  ],
  invoices: [
    column("text", "ID", "ID"),
    column("text", "請求書番号", "Invoice number"),
    column("text", "パートナー", "Partner"),
    column("text", "契約名", "Contract"),
    column("month", "稼働月", "Working month"),
    column("status", "状態", "Status"),
    column("yen", "小計", "Subtotal"),
    column("yen", "消費税", "Consumption tax"),
    column("yen", "合計", "Total"),
    column("yen", "源泉徴収税", "Withholding tax"),
    column("yen", "差引支払額", "Payable"),
    column("date", "支払期日", "Due date"),
  ],
} as const;

export type ReviewKind = keyof typeof REVIEW_COLUMNS;

export const REVIEW_SHEET_NAMES: Record<ReviewKind, Text> = {
  contracts: { ja: "契約", en: "Contracts" },
  orders: { ja: "発注書", en: "Purchase orders" },
  invoices: { ja: "請求書", en: "Invoices" },
};

/** The mark on a row whose record the pull no longer lists (another group, or deleted). */
export const NOT_LISTED: Text = { ja: "表示対象外", en: "No longer listed" };

/** The column's header and number format in `lang`. */
export function reviewColumns(kind: ReviewKind, lang: Lang): ReviewColumn[] {
  return REVIEW_COLUMNS[kind].map((c) => ({
    header: c.text[lang],
    ...(c.kind === "yen" ? { format: YEN_FORMAT[lang] } : {}),
    ...(c.kind === "date" ? { format: DATE[lang] } : {}),
    ...(c.kind === "month" ? { format: MONTH[lang] } : {}),
  }));
}

/** 1-based column of the status, where a vanished row is marked. */
export const statusColumn = (kind: ReviewKind) =>
  REVIEW_COLUMNS[kind].findIndex((c) => c.kind === "status") + 1;

const range = (from: string, to: string, lang: Lang) => {
  if (from === to) return lang === "ja" ? formatYearMonthJa(from) : from;
  return lang === "ja"
    ? `${formatYearMonthJa(from)}〜${formatYearMonthJa(to)}`
    : `${from} to ${to}`;
};

/** The partner as a reviewer knows them; a corporation's registered name when it differs. */
export function partnerName(partner: ContractListItem["partner"]): string {
  const registered = partner.registeredName;
  return partner.kind === "corporation" && registered && registered !== partner.name
    ? `${partner.name}（${registered}）`
    : partner.name;
}

/**
 * The conditions the sheet shows: those the month is billed by, or, before any order is
 * approved, those awaiting approval (the contract's status says so beside them).
 */
const shownConditions = (contract: ContractListItem) =>
  contract.conditions ?? contract.pendingConditions;

/** The month whose terms the sheet shows: this one, kept within the conditions' months. */
function shownMonth(contract: ContractListItem, today: string): string {
  const last = lastWorkingMonth(
    { start: contract.startDate, end: contract.endDate },
    contract.closingDay,
  );
  const now = today.slice(0, 7);
  const from = shownConditions(contract)?.effectiveFrom ?? now;
  if (now < from) return from;
  return !contract.autoRenewal && now > last ? last : now;
}

/** Monthly fee (the monthly types summed), unit price (the first priced by work) and range. */
function terms(contract: ContractListItem, today: string, lang: Lang) {
  const month = shownMonth(contract, today);
  let monthly: number | null = null;
  let unitPrice: number | null = null;
  let hours = "";
  for (const category of shownConditions(contract)?.costCategories ?? []) {
    if (category.type === "monthly") monthly = (monthly ?? 0) + (category.monthlyFee ?? 0);
    if (category.type === "monthlyRange") {
      const applied = termsForMonth(category as MonthlyRangeCostCategory, month);
      monthly = (monthly ?? 0) + applied.monthlyFee;
      const { lowerHours: lower, upperHours: upper } = applied;
      hours ||= lang === "ja" ? `${lower}〜${upper}時間` : `${lower}–${upper} h`;
    }
    if ((category.type === "hourly" || category.type === "quantity") && unitPrice === null) {
      unitPrice = category.unitPrice ?? null;
    }
  }
  return { monthly, unitPrice, hours };
}

const orEmpty = (n: number | null | undefined) => n ?? "";
const dayOf = (instant: string | null) => {
  const at = instant ? parseInstant(instant) : null;
  return at === null ? "" : jstDateOf(at);
};

export function contractRow(contract: ContractListItem, today: string, lang: Lang): ReviewRow {
  const { monthly, unitPrice, hours } = terms(contract, today, lang);
  return [
    contract.id,
    contract.title,
    partnerName(contract.partner),
    contract.startDate,
    contract.endDate,
    CONTRACT_STATUS_LABELS[contract.status.code][lang],
    orEmpty(monthly),
    orEmpty(unitPrice),
    hours,
  ];
}

export function orderRow(order: Listed, contract: ContractListItem, lang: Lang): ReviewRow {
  const months = order.workingMonths;
  return [
    order.id,
    order.number,
    contract.title,
    partnerName(contract.partner),
    months.length > 0 ? range(months[0] ?? "", months.at(-1) ?? "", lang) : "",
    order.totalAmount,
    ORDER_STATUS_LABELS[order.status][lang],
    dayOf(order.sentAt),
  ];
}

export function invoiceRow(
  invoice: InvoiceListItem,
  contract: ContractListItem | undefined,
  lang: Lang,
): ReviewRow {
  return [
    invoice.id,
    invoice.number ?? "",
    contract ? partnerName(contract.partner) : invoice.partnerName,
    invoice.contractTitle,
    `${invoice.month}-01`,
    INVOICE_STATUS_LABELS[invoice.status][lang],
    orEmpty(invoice.subtotal),
    orEmpty(invoice.consumptionTax),
    invoice.total,
    orEmpty(invoice.withholdingTax),
    orEmpty(invoice.payable),
    invoice.dueDate ?? "",
  ];
}
