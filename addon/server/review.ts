import { INVOICE_STATUS_LABELS, ORDER_STATUS_LABELS } from "../../shared";
import { callApi } from "./api";
import { type Lang, MESSAGES, t, userLang } from "./i18n";
import { getAccount, type InvoiceListItem } from "./invoice";
import type { Order } from "./orders";
import { type ReviewRow, type Written, writeReviewSheet } from "./reviewSheet";

// 会社: レビューを取得. The contracts, purchase orders and invoices of a company's chosen
// groups (all it may see when none are chosen) into three sheets, 契約 / 発注書 / 請求書,
// refreshed in place by id on every pull.

type Label = { code: string; label: string; labelJa: string };

interface GroupContract {
  id: string;
  groupId: string;
  partnerUserId: string;
  title: string;
  startDate: string;
  endDate: string;
  status: Label | string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReviewResult {
  companyId: string;
  groupIds: string[];
  sheets: Written[];
}

export const REVIEW_SHEETS = { contracts: "契約", orders: "発注書", invoices: "請求書" } as const;

const HEADERS: Record<Lang, Record<keyof typeof REVIEW_SHEETS, string[]>> = {
  ja: {
    contracts: ["ID", "契約名", "パートナー", "期間", "状態", "金額"],
    orders: ["ID", "発注書番号", "パートナー", "送付月", "状態", "金額"],
    invoices: ["ID", "請求書番号", "パートナー", "稼働月", "状態", "金額"],
  },
  en: {
    contracts: ["ID", "Contract", "Partner", "Period", "Status", "Amount"],
    orders: ["ID", "Order number", "Partner", "Month sent", "Status", "Amount"],
    invoices: ["ID", "Invoice number", "Partner", "Working month", "Status", "Amount"],
  },
};

const enc = encodeURIComponent;
const monthOf = (iso: string | null) => (iso ? iso.slice(0, 7) : "");

function label(status: Label | string, lang: Lang): string {
  if (typeof status === "string") return status;
  return lang === "ja" ? status.labelJa : status.label;
}

function companyInvoices(companyId: string): InvoiceListItem[] {
  const items: InvoiceListItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=200${cursor ? `&cursor=${enc(cursor)}` : ""}`;
    const page: Page<InvoiceListItem> = callApi(
      "get",
      `/v1/companies/${enc(companyId)}/invoices?${query}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function pullCompanyReview(companyId: string, groupIds?: string[]): ReviewResult {
  const lang = userLang();
  const groups =
    groupIds && groupIds.length > 0
      ? groupIds
      : callApi<{ id: string }[]>("get", `/v1/companies/${enc(companyId)}/groups`).map((g) => g.id);
  const contracts = groups.flatMap((g) =>
    callApi<GroupContract[]>("get", `/v1/groups/${enc(g)}/contracts`),
  );
  const chosen = new Set(contracts.map((c) => c.id));
  const invoices = companyInvoices(companyId).filter((i) => chosen.has(i.contractId));
  const partners = new Map(invoices.map((i) => [i.contractId, i.partnerName]));
  const partnerOf = (c: { id: string; partnerUserId?: string }) =>
    partners.get(c.id) ?? c.partnerUserId ?? "";

  const contractRows: ReviewRow[] = [];
  const orderRows: ReviewRow[] = [];
  for (const contract of contracts) {
    contractRows.push([
      contract.id,
      contract.title,
      partnerOf(contract),
      `${contract.startDate}〜${contract.endDate}`,
      label(contract.status, lang),
      "",
    ]);
    const detail = callApi<{ orders?: Order[] }>("get", `/v1/contracts/${enc(contract.id)}`);
    for (const order of detail.orders ?? []) {
      orderRows.push([
        order.id,
        order.number ?? order.subject ?? "",
        partnerOf(contract),
        monthOf(order.sentAt ?? order.createdAt),
        ORDER_STATUS_LABELS[order.status]?.[lang] ?? order.status,
        "",
      ]);
    }
  }
  const invoiceRows: ReviewRow[] = invoices.map((i) => [
    i.id,
    i.number ?? "",
    i.partnerName,
    i.month,
    INVOICE_STATUS_LABELS[i.status]?.[lang] ?? i.status,
    i.total,
  ]);
  const headers = HEADERS[lang];
  return {
    companyId,
    groupIds: groups,
    sheets: [
      writeReviewSheet(REVIEW_SHEETS.contracts, headers.contracts, contractRows),
      writeReviewSheet(REVIEW_SHEETS.orders, headers.orders, orderRows),
      writeReviewSheet(REVIEW_SHEETS.invoices, headers.invoices, invoiceRows),
    ],
  };
}

/** The menu's 会社: レビューを取得: every company the caller reviews, all its groups. */
export function menuPullReview(): ReviewResult[] {
  const lang = userLang();
  try {
    const results = getAccount().companies.map((c) => pullCompanyReview(c.id));
    const rows = results.flatMap((r) => r.sheets).reduce((n, s) => n + s.added + s.updated, 0);
    SpreadsheetApp.getActiveSpreadsheet().toast(
      `${rows} ${t(MESSAGES.reviewPulled, lang)}`,
      "Shimebi",
    );
    return results;
  } catch (error) {
    SpreadsheetApp.getUi().alert(error instanceof Error ? error.message : String(error));
    return [];
  }
}
