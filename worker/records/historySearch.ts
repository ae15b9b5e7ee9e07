import { and, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { type Caller, inCallerGroups } from "../companies/groupScope";
import type { Db } from "../db/client";
import { contracts, historyEvents, invoices, purchaseOrders } from "../db/schema";
import type { HistoryEventInput } from "../platform/history";

// 電子帳簿保存法 search of the company's history, scoped by group as the invoice list and the
// document search are: an event belongs to its document's contract's group.

export type HistoryQuery = {
  documentType?: HistoryEventInput["documentType"];
  documentId?: string;
  from?: string;
  to?: string;
  minAmount?: number;
  maxAmount?: number;
  counterparty?: string;
  limit?: number;
};

/** Events of documents in the caller's groups: orders by their contract, invoices by theirs. */
function inCallersDocuments(caller: Caller): SQL | undefined {
  const groups = inCallerGroups(caller, contracts.groupId);
  if (!groups) return undefined;
  return sql`(${historyEvents.documentId} in (select ${purchaseOrders.id} from ${purchaseOrders} inner join ${contracts} on ${contracts.id} = ${purchaseOrders.contractId} where ${groups}) or ${historyEvents.documentId} in (select ${invoices.id} from ${invoices} inner join ${contracts} on ${contracts.id} = ${invoices.contractId} where ${groups}))`;
}

/** Search by transaction date range, amount range and counterparty, in any combination. */
export async function searchHistory(db: Db, caller: Caller, query: HistoryQuery) {
  const where: SQL[] = [eq(historyEvents.companyId, caller.companyId)];
  const scope = inCallersDocuments(caller);
  if (scope) where.push(scope);
  if (query.documentType) where.push(eq(historyEvents.documentType, query.documentType));
  if (query.documentId) where.push(eq(historyEvents.documentId, query.documentId));
  if (query.from) where.push(gte(historyEvents.transactionDate, query.from));
  if (query.to) where.push(lte(historyEvents.transactionDate, query.to));
  if (query.minAmount !== undefined) where.push(gte(historyEvents.amount, query.minAmount));
  if (query.maxAmount !== undefined) where.push(lte(historyEvents.amount, query.maxAmount));
  if (query.counterparty) {
    const pattern = `%${query.counterparty.replace(/[\\%_]/g, "\\$&")}%`;
    where.push(sql`${historyEvents.counterparty} like ${pattern} escape '\\'`);
  }
  return db
    .select()
    .from(historyEvents)
    .where(and(...where))
    .orderBy(historyEvents.seq)
    .limit(query.limit ?? 500);
}
