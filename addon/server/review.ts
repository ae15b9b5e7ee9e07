import { callApi } from "./api";
import type { ContractListItem } from "./apiModels";
import { type Lang, MESSAGES, t, userLang } from "./i18n";
import { getAccount, type InvoiceListItem } from "./invoice";
import {
  contractRow,
  invoiceRow,
  NOT_LISTED,
  orderRow,
  REVIEW_SHEET_NAMES,
  type ReviewKind,
  reviewColumns,
  statusColumn,
} from "./reviewRows";
import { type ReviewRow, refreshReviewSheet, type Written } from "./reviewSheet";

// 会社: レビューを取得. The contracts, purchase orders and invoices of a company's chosen
// groups (all it may see when none are chosen) into three sheets, 契約 / 発注書 / 請求書
// (Contracts / Purchase orders / Invoices), refreshed in place by id on every pull. The
// requests are one per group and one per page of invoices, whatever the number of contracts:
// the contract list carries each contract's partner, conditions and orders.

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReviewResult {
  companyId: string;
  groupIds: string[];
  sheets: Written[];
}

const enc = encodeURIComponent;

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

type Records = Record<ReviewKind, ReviewRow[]>;

/** One company's rows: its chosen groups' contracts and orders, and their invoices. */
function recordsOf(companyId: string, groupIds: string[] | undefined, lang: Lang) {
  const today = Utilities.formatDate(new Date(), "Asia/Tokyo", "yyyy-MM-dd");
  const groups =
    groupIds && groupIds.length > 0
      ? groupIds
      : callApi<{ id: string }[]>("get", `/v1/companies/${enc(companyId)}/groups`).map((g) => g.id);
  const contracts = groups.flatMap((g) =>
    callApi<ContractListItem[]>("get", `/v1/groups/${enc(g)}/contracts`),
  );
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const invoices = companyInvoices(companyId).filter((i) => byId.has(i.contractId));
  const records: Records = {
    contracts: contracts.map((c) => contractRow(c, today, lang)),
    orders: contracts.flatMap((c) => c.orders.map((o) => orderRow(o, c, lang))),
    invoices: invoices.map((i) => invoiceRow(i, byId.get(i.contractId), lang)),
  };
  return { groups, records };
}

/** The three sheets, each in one read and one write; what the pull did not list is marked. */
function writeAll(records: Records, lang: Lang): Written[] {
  return (["contracts", "orders", "invoices"] as const).map((kind) =>
    refreshReviewSheet(
      {
        names: REVIEW_SHEET_NAMES[kind],
        lang,
        columns: reviewColumns(kind, lang),
        statusColumn: statusColumn(kind),
        notListed: NOT_LISTED,
      },
      records[kind],
    ),
  );
}

export function pullCompanyReview(companyId: string, groupIds?: string[]): ReviewResult {
  const lang = userLang();
  const { groups, records } = recordsOf(companyId, groupIds, lang);
  return { companyId, groupIds: groups, sheets: writeAll(records, lang) };
}

export interface MenuReviewResult {
  companies: { companyId: string; groupIds: string[] }[];
  sheets: Written[];
}

/**
 * The menu's 会社: レビューを取得: every company the caller reviews, all its groups, written
 * together so that one company's rows are not marked as no longer listed by another's pull.
 */
export function menuPullReview(): MenuReviewResult | null {
  const lang = userLang();
  try {
    const pulled = getAccount().companies.map((c) => ({
      companyId: c.id,
      ...recordsOf(c.id, undefined, lang),
    }));
    const all: Records = { contracts: [], orders: [], invoices: [] };
    for (const { records } of pulled) {
      for (const kind of ["contracts", "orders", "invoices"] as const) {
        all[kind].push(...records[kind]);
      }
    }
    const sheets = writeAll(all, lang);
    const rows = sheets.reduce((n, s) => n + s.added + s.updated, 0);
    SpreadsheetApp.getActiveSpreadsheet().toast(
      `${rows} ${t(MESSAGES.reviewPulled, lang)}`,
      "Shimebi",
    );
    return {
      companies: pulled.map((p) => ({ companyId: p.companyId, groupIds: p.groups })),
      sheets,
    };
  } catch (error) {
    SpreadsheetApp.getUi().alert(error instanceof Error ? error.message : String(error));
    return null;
  }
}
