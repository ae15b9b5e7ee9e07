import { and, desc, eq, gte, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { invoiceStatusStamp, type SENT_INVOICE_STATUSES } from "../../shared";
import { type Caller, inCallerGroups } from "../companies/groupScope";
import { contracts, invoices, users } from "../db/schema";
import type { Deps } from "../deps";
import { toCsv } from "../entries/estimate";
import { ApiError, type IssueInput } from "../http/errors";

// 電子帳簿保存法 search: the company's stored invoices and payment notices by transaction date,
// amount and counterparty, in any combination. One query per page whatever the filters or
// the number of documents, so it stays usable with ten thousand of them.

export type DocumentQuery = {
  from?: string;
  to?: string;
  minAmount?: number;
  maxAmount?: number;
  counterparty?: string;
  kind?: "invoice" | "paymentNotice";
  status?: (typeof SENT_INVOICE_STATUSES)[number];
  limit: number;
  cursor?: string;
};

/**
 * The transaction date (取引年月日) is the closing date of the working month: the day the
 * month's work is billed, as the invoice document states it (invoiceDocument.ts). Computed
 * in SQL so the date range filters in the one query; closing day 31 means the month's end.
 */
const transactionDate = sql<string>`case when ${contracts.closingDay} = 31
  then date(${invoices.workingMonth} || '-01', '+1 month', '-1 day')
  else ${invoices.workingMonth} || '-' || printf('%02d', ${contracts.closingDay}) end`;

/** The partner is the counterparty of both kinds; the email stands in for a missing name. */
const counterparty = sql<string>`coalesce(${users.fullName}, ${users.email})`;

/** `%` and `_` typed by the user are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function checkRanges(query: DocumentQuery) {
  const issues: IssueInput[] = [];
  if (query.from && query.to && query.from > query.to)
    issues.push({
      path: "from",
      message: `The start date ${query.from} is after ${query.to}`,
      messageJa: `開始日 ${query.from} が終了日 ${query.to} より後になっています`,
    });
  if (
    query.minAmount !== undefined &&
    query.maxAmount !== undefined &&
    query.minAmount > query.maxAmount
  )
    issues.push({
      path: "minAmount",
      message: `The minimum amount ${query.minAmount} is above the maximum ${query.maxAmount}`,
      messageJa: `最小金額 ${query.minAmount} が最大金額 ${query.maxAmount} を上回っています`,
    });
  if (issues.length)
    throw new ApiError(
      422,
      "invalid_search",
      issues[0]?.message ?? "Invalid search",
      issues,
      issues[0]?.messageJa,
    );
}

type Cursor = { d: string; id: string };

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(atob(cursor)) as Cursor;
    if (typeof value.d === "string" && typeof value.id === "string") return value;
  } catch {
    // reported below
  }
  throw new ApiError(422, "invalid_cursor", "The cursor is not one this search gave", [
    {
      path: "cursor",
      message: "Pass the nextCursor of the previous page as it was given",
      messageJa: "前のページの nextCursor をそのまま渡してください",
    },
  ]);
}

function conditions(caller: Caller, query: DocumentQuery): SQL[] {
  const where: SQL[] = [eq(invoices.companyId, caller.companyId), ne(invoices.status, "draft")];
  if (query.from) where.push(sql`${transactionDate} >= ${query.from}`);
  if (query.to) where.push(sql`${transactionDate} <= ${query.to}`);
  if (query.minAmount !== undefined) where.push(gte(invoices.total, query.minAmount));
  if (query.maxAmount !== undefined) where.push(lte(invoices.total, query.maxAmount));
  if (query.counterparty) {
    const pattern = likePattern(query.counterparty);
    where.push(
      sql`(lower(coalesce(${users.fullName}, '')) like ${pattern} escape '\\' or lower(${users.email}) like ${pattern} escape '\\')`,
    );
  }
  if (query.kind) where.push(eq(invoices.kind, query.kind));
  if (query.status) where.push(eq(invoices.status, query.status));
  if (query.cursor) {
    const { d, id } = decodeCursor(query.cursor);
    const after = or(
      sql`${transactionDate} < ${d}`,
      and(sql`${transactionDate} = ${d}`, sql`${invoices.id} < ${id}`),
    );
    if (after) where.push(after);
  }
  const groups = inCallerGroups(caller, contracts.groupId);
  if (groups) where.push(groups);
  return where;
}

/** One page of matching documents, newest transaction date first, and the next page's cursor. */
export async function searchDocuments(
  deps: Pick<Deps, "db">,
  caller: Caller,
  query: DocumentQuery,
) {
  checkRanges(query);
  const rows = await deps.db
    .select({
      id: invoices.id,
      kind: invoices.kind,
      number: invoices.number,
      status: invoices.status,
      workingMonth: invoices.workingMonth,
      transactionDate,
      total: invoices.total,
      counterparty,
      contractTitle: contracts.title,
      submittedAt: invoices.submittedAt,
      decidedAt: invoices.decidedAt,
      contentHash: invoices.contentHash,
    })
    .from(invoices)
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .innerJoin(users, eq(users.id, invoices.partnerUserId))
    .where(and(...conditions(caller, query)))
    .orderBy(desc(transactionDate), desc(invoices.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((row) => ({
    ...row,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? btoa(JSON.stringify({ d: last.transactionDate, id: last.id }))
        : null,
  };
}

export type DocumentRow = Awaited<ReturnType<typeof searchDocuments>>["items"][number];

const KIND_JA = { invoice: "請求書", paymentNotice: "支払通知書" } as const;
const CSV_HEADER = [
  "種別",
  "番号",
  "状態",
  "稼働月",
  "取引日",
  "金額",
  "取引先",
  "契約",
  "提出日時",
  "決定日時",
  "ハッシュ",
];

/** The matching documents as CSV (UTF-8 with BOM, CRLF), for the tax office or an accountant. */
export function documentsCsv(rows: DocumentRow[]): string {
  return toCsv([
    CSV_HEADER,
    ...rows.map((row) => [
      KIND_JA[row.kind],
      row.number ?? "",
      invoiceStatusStamp(row.status),
      row.workingMonth,
      row.transactionDate,
      String(row.total),
      row.counterparty,
      row.contractTitle,
      row.submittedAt ?? "",
      row.decidedAt ?? "",
      row.contentHash ?? "",
    ]),
  ]);
}
