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

function write(kind: ReviewKind, lang: Lang, rows: ReviewRow[]): Written {
  return refreshReviewSheet(
    {
      names: REVIEW_SHEET_NAMES[kind],
      lang,
      columns: reviewColumns(kind, lang),
      statusColumn: statusColumn(kind),
      notListed: NOT_LISTED,
    },
    rows,
  );
}

export function pullCompanyReview(companyId: string, groupIds?: string[]): ReviewResult {
  const lang = userLang();
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
  return {
    companyId,
    groupIds: groups,
    sheets: [
      write(
        "contracts",
        lang,
        contracts.map((c) => contractRow(c, today, lang)),
      ),
      write(
        "orders",
        lang,
        contracts.flatMap((c) => c.orders.map((o) => orderRow(o, c, lang))),
      ),
      write(
        "invoices",
        lang,
        invoices.map((i) => invoiceRow(i, byId.get(i.contractId), lang)),
      ),
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
