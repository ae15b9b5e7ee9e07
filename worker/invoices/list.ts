import { and, desc, eq, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { InvoiceStatus } from "../../shared";
import { type Caller, inCallerGroups } from "../companies/groupScope";
import { companies, contracts, invoices, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";

// The invoice lists: one query each, whatever their length (joins, a sub-select for the
// caller's groups, keyset pagination), so 10,000 invoices cost what 10 do.

export type ListQuery = {
  kind?: "invoice" | "paymentNotice";
  status?: InvoiceStatus;
  month?: string;
  limit: number;
  cursor?: string;
};

type Cursor = { t: number; id: string };

function encodeCursor(row: { createdAt: Date; id: string }) {
  return btoa(JSON.stringify({ t: row.createdAt.getTime(), id: row.id }));
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(atob(cursor)) as Cursor;
    if (typeof value.t === "number" && typeof value.id === "string") return value;
  } catch {
    // reported below
  }
  throw new ApiError(422, "invalid_cursor", "The cursor is not one this list gave", [
    {
      path: "cursor",
      message: "Pass the nextCursor of the previous page as it was given",
      messageJa: "前のページの nextCursor をそのまま渡してください",
    },
  ]);
}

function pageConditions(query: ListQuery): SQL[] {
  const where: SQL[] = [];
  if (query.kind) where.push(eq(invoices.kind, query.kind));
  if (query.status) where.push(eq(invoices.status, query.status));
  if (query.month) where.push(eq(invoices.workingMonth, query.month));
  if (query.cursor) {
    const { t, id } = decodeCursor(query.cursor);
    const after = or(
      lt(invoices.createdAt, new Date(t)),
      and(eq(invoices.createdAt, new Date(t)), lt(invoices.id, id)),
    );
    if (after) where.push(after);
  }
  return where;
}

const columns = {
  id: invoices.id,
  kind: invoices.kind,
  contractId: invoices.contractId,
  contractTitle: contracts.title,
  companyId: invoices.companyId,
  companyName: companies.name,
  partnerUserId: invoices.partnerUserId,
  partnerName: users.fullName,
  partnerEmail: users.email,
  month: invoices.workingMonth,
  status: invoices.status,
  number: invoices.number,
  total: invoices.total,
  // The stored quote's figures without loading its lines.
  subtotal: sql<number | null>`json_extract(${invoices.figures}, '$.subtotal')`,
  consumptionTax: sql<number | null>`json_extract(${invoices.figures}, '$.consumptionTax')`,
  withholdingTax: sql<number | null>`json_extract(${invoices.figures}, '$.withholdingTax')`,
  payable: sql<number | null>`json_extract(${invoices.figures}, '$.payable')`,
  dueDate: invoices.dueDate,
  acceptBy: invoices.acceptBy,
  submittedAt: invoices.submittedAt,
  createdAt: invoices.createdAt,
};

type ListRow = Awaited<ReturnType<typeof select>>[number];

function page(rows: ListRow[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ partnerEmail, ...row }) => ({
      ...row,
      partnerName: row.partnerName ?? partnerEmail,
      acceptBy: row.acceptBy?.toISOString() ?? null,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

function select(deps: Pick<Deps, "db">, where: SQL[], limit: number) {
  return deps.db
    .select(columns)
    .from(invoices)
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .innerJoin(companies, eq(companies.id, invoices.companyId))
    .innerJoin(users, eq(users.id, invoices.partnerUserId))
    .where(and(...where))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(limit + 1);
}

/**
 * The company's invoices the caller may see: all for a company owner, their groups' for
 * group owners and members. Drafts stay the partner's until submitted.
 */
export async function listCompanyInvoices(
  deps: Pick<Deps, "db">,
  caller: Caller,
  query: ListQuery,
) {
  // The company's review queue: its partners' invoices unless it asks for its own notices.
  const where = pageConditions({ ...query, kind: query.kind ?? "invoice" });
  where.push(eq(invoices.companyId, caller.companyId), ne(invoices.status, "draft"));
  const groups = inCallerGroups(caller, contracts.groupId);
  if (groups) where.push(groups);
  return page(await select(deps, where, query.limit), query.limit);
}

/** The partner's documents across companies: their invoices and the notices sent to them. */
export async function listMyInvoices(deps: Pick<Deps, "db">, userId: string, query: ListQuery) {
  const where = pageConditions(query);
  where.push(eq(invoices.partnerUserId, userId));
  return page(await select(deps, where, query.limit), query.limit);
}
