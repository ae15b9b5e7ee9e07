import canonicalize from "canonicalize";
import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { historyEvents } from "../db/schema";
import { enqueueWebhooks } from "../webhooks/service";
import { sha256Hex } from "./crypto";

// 電子帳簿保存法: an append-only, hash-chained record of every document event, per company.
// Each row's hash covers its own fields and the previous row's hash, so a changed, removed or
// reordered row breaks the chain at that row; the triggers of migration 0002 refuse UPDATE
// and DELETE outright.

export const GENESIS_HASH = "0".repeat(64);

export type HistoryEventInput = {
  companyId: string;
  documentType: "purchaseOrder" | "invoice" | "paymentNotice";
  documentId: string;
  documentNumber: string;
  event: string;
  actorUserId: string | null;
  actorName: string;
  occurredAt: Date;
  transactionDate: string;
  amount: number;
  counterparty: string;
  contentHash: string;
  details?: Record<string, unknown>;
};

type Row = typeof historyEvents.$inferSelect;

/** The SHA-256 of a document's content in canonical JSON (RFC 8785): what was sent. */
export async function contentHashOf(document: unknown): Promise<string> {
  return sha256Hex(canonicalize(document) ?? "null");
}

function chainedFields(row: Omit<Row, "seq" | "hash">) {
  return {
    companyId: row.companyId,
    documentType: row.documentType,
    documentId: row.documentId,
    documentNumber: row.documentNumber,
    event: row.event,
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    occurredAt: row.occurredAt,
    transactionDate: row.transactionDate,
    amount: row.amount,
    counterparty: row.counterparty,
    contentHash: row.contentHash,
    details: row.details,
    prevHash: row.prevHash,
  };
}

async function hashOf(row: Omit<Row, "seq" | "hash">): Promise<string> {
  return sha256Hex(canonicalize(chainedFields(row)) ?? "");
}

/**
 * Appends one event to the company's chain. Call it inside the transaction that changes the
 * document, so the event and the change land together or not at all.
 */
export async function appendHistory(db: Pick<Db, "select" | "insert">, input: HistoryEventInput) {
  const [last] = await db
    .select({ hash: historyEvents.hash })
    .from(historyEvents)
    .where(eq(historyEvents.companyId, input.companyId))
    .orderBy(desc(historyEvents.seq))
    .limit(1);
  const row = {
    companyId: input.companyId,
    documentType: input.documentType,
    documentId: input.documentId,
    documentNumber: input.documentNumber,
    event: input.event,
    actorUserId: input.actorUserId,
    actorName: input.actorName,
    occurredAt: input.occurredAt.toISOString(),
    transactionDate: input.transactionDate,
    amount: input.amount,
    counterparty: input.counterparty,
    contentHash: input.contentHash,
    details: canonicalize(input.details ?? {}) ?? "{}",
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = await hashOf(row);
  await db.insert(historyEvents).values({ ...row, hash });
  // Integrators hear of the event only once it is on record, and in the same transaction.
  await enqueueWebhooks(db, { ...row, hash });
}

export type ChainBreak = { seq: number; documentNumber: string; event: string; reason: string };

/** Walks the company's chain from its first row; names every row that does not hold. */
export async function verifyHistory(db: Db, companyId: string) {
  const rows = await db
    .select()
    .from(historyEvents)
    .where(eq(historyEvents.companyId, companyId))
    .orderBy(asc(historyEvents.seq));
  const breaks: ChainBreak[] = [];
  let previous = GENESIS_HASH;
  for (const row of rows) {
    const where = { seq: row.seq, documentNumber: row.documentNumber, event: row.event };
    if (row.prevHash !== previous) {
      breaks.push({
        ...where,
        reason: "does not follow the row before it: a row was removed, inserted or reordered",
      });
    }
    if ((await hashOf(row)) !== row.hash) {
      breaks.push({ ...where, reason: "its content does not match its hash: the row was changed" });
    }
    previous = row.hash;
  }
  return { valid: breaks.length === 0, events: rows.length, breaks };
}
