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
import { type PullScope, type ReviewRow, refreshReviewSheet, type Written } from "./reviewSheet";

// 会社: レビューを取得. The contracts, purchase orders and invoices of a company's chosen
// groups (all it may see when none are chosen) into three sheets, 契約 / 発注書 / 請求書
// (Contracts / Purchase orders / Invoices), refreshed in place by id on every pull, which marks
// only rows of the company and groups it pulled when they are no longer listed. The
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

/** A record's scope, kept beside its row: the company and group it was pulled for. */
const scopeOf = (companyId: string, groupId: string) => `${companyId}/${groupId}`;

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
  const scopes = new Map<string, string>();
  for (const c of contracts) {
    const scope = scopeOf(companyId, c.groupId);
    scopes.set(c.id, scope);
    for (const o of c.orders) scopes.set(o.id, scope);
  }
  for (const i of invoices) scopes.set(i.id, scopes.get(i.contractId) ?? "");
  return { groups, records, scopes };
}

/**
 * The three sheets, each in one read and one write; the rows of `scope` the pull did not
 * list are marked, every other row is left as it was.
 */
function writeAll(records: Records, lang: Lang, scope: PullScope): Written[] {
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
      scope,
    ),
  );
}

export function pullCompanyReview(companyId: string, groupIds?: string[]): ReviewResult {
  const lang = userLang();
  const { groups, records, scopes } = recordsOf(companyId, groupIds, lang);
  // Chosen groups answer for their own rows; no choice, for every row of the company.
  const owned = new Set(groups.map((g) => scopeOf(companyId, g)));
  const chosen = groupIds !== undefined && groupIds.length > 0;
  const owns = (scope: string) =>
    chosen ? owned.has(scope) : scope.startsWith(scopeOf(companyId, ""));
  return { companyId, groupIds: groups, sheets: writeAll(records, lang, { of: scopes, owns }) };
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
    const scopes = new Map<string, string>();
    for (const pull of pulled) {
      for (const kind of ["contracts", "orders", "invoices"] as const) {
        all[kind].push(...pull.records[kind]);
      }
      for (const [id, scope] of pull.scopes) scopes.set(id, scope);
    }
    // Everything the caller reviews: a row it no longer lists is no longer theirs to see.
    const sheets = writeAll(all, lang, { of: scopes, owns: () => true });
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
