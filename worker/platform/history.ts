import canonicalize from "canonicalize";
import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { historyEvents } from "../db/schema";
import type { Config } from "../deps";
import { ApiError } from "../http/errors";
import { enqueueWebhooks } from "../webhooks/service";
import { hmacSha256Hex, sha256Hex } from "./crypto";
import type { DocumentType, HistoryDetails, HistoryEvent } from "./historyEvents";

// 電子帳簿保存法: an append-only, hash-chained record of every document event, per company.
// Each row's hash covers its own fields and the previous row's hash, so a changed, removed or
// reordered row breaks the chain at that row; the triggers of migration 0002 refuse UPDATE
// and DELETE outright. Since migration 0008 the hash is an HMAC under HISTORY_KEY, a secret
// kept outside the database: someone who can write the database but not read the key can
// no longer add a row, or recompute the rows after one they changed, with hashes that hold.
// Rows written before are kept as they were ("sha256") and stay checkable; the first keyed
// row covers the last of them, so they cannot be changed either once a keyed row follows.
// What the chain still cannot show by itself, rows removed from its end, the signed head
// (historyHead.ts) shows: a company keeps it as a receipt and verify checks the chain against it.

export const GENESIS_HASH = "0".repeat(64);

/**
 * The key `npm start` uses outside production when HISTORY_KEY is not set. Published here, so
 * it proves nothing: production refuses to start without a HISTORY_KEY of its own.
 */
export const DEV_HISTORY_KEY = "shimebi-dev-history-key-not-secret";

export type HashAlgorithm = (typeof historyEvents.$inferSelect)["hashAlgorithm"];
export const KEYED: HashAlgorithm = "hmac-sha256";

export type HistoryEventInput = {
  companyId: string;
  /** "contract" for what happens to the contract itself: its automatic renewal. */
  documentType: DocumentType;
  documentId: string;
  documentNumber: string;
  event: HistoryEvent;
  actorUserId: string | null;
  actorName: string;
  occurredAt: Date;
  transactionDate: string;
  amount: number;
  counterparty: string;
  contentHash: string;
  details?: HistoryDetails;
};

type Row = typeof historyEvents.$inferSelect;

/** What carries HISTORY_KEY: the app's deps, or a scheduled job's. */
export type HistoryKeyHolder = { config?: Pick<Config, "historyKey"> };

/** The history key, or a 503: a server without HISTORY_KEY writes no history rather than an unkeyed one. */
export function historyKeyOf(deps: HistoryKeyHolder): string {
  const key = deps.config?.historyKey;
  if (!key) {
    throw new ApiError(
      503,
      "no_history_key",
      "This server has no HISTORY_KEY: it cannot record or check the history",
      [],
      "このサーバーには HISTORY_KEY が設定されていないため、履歴を記録・検証できません",
    );
  }
  return key;
}

/** The SHA-256 of a document's content in canonical JSON (RFC 8785): what was sent. */
export async function contentHashOf(document: unknown): Promise<string> {
  return sha256Hex(canonicalize(document) ?? "null");
}

function chainedFields(row: Omit<Row, "seq" | "hash" | "hashAlgorithm">) {
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

/** The row's hash by its own algorithm: the unkeyed SHA-256 of old rows, or the keyed HMAC. */
async function hashOf(key: string, row: Omit<Row, "seq" | "hash">): Promise<string> {
  const fields = chainedFields(row);
  if (row.hashAlgorithm === "sha256") return sha256Hex(canonicalize(fields) ?? "");
  return hmacSha256Hex(key, canonicalize({ ...fields, hashAlgorithm: row.hashAlgorithm }) ?? "");
}

/**
 * Appends one event to the company's chain. Call it inside the transaction that changes the
 * document, so the event and the change land together or not at all.
 */
export async function appendHistory(
  db: Pick<Db, "select" | "insert">,
  key: string,
  input: HistoryEventInput,
) {
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
    hashAlgorithm: KEYED,
  };
  const hash = await hashOf(key, row);
  await db.insert(historyEvents).values({ ...row, hash });
  // Integrators hear of the event only once it is on record, and in the same transaction.
  await enqueueWebhooks(db, { ...row, hash });
}

export type ChainBreak = { seq: number; documentNumber: string; event: string; reason: string };

export type ChainWalk = { rows: Row[]; breaks: ChainBreak[] };

/** Walks the company's chain from its first row; names every row that does not hold. */
export async function walkHistory(db: Db, key: string, companyId: string): Promise<ChainWalk> {
  const rows = await db
    .select()
    .from(historyEvents)
    .where(eq(historyEvents.companyId, companyId))
    .orderBy(asc(historyEvents.seq));
  const breaks: ChainBreak[] = [];
  let previous = GENESIS_HASH;
  let keyed = false;
  for (const row of rows) {
    const where = { seq: row.seq, documentNumber: row.documentNumber, event: row.event };
    if (row.prevHash !== previous) {
      breaks.push({
        ...where,
        reason: "does not follow the row before it: a row was removed, inserted or reordered",
      });
    }
    if (keyed && row.hashAlgorithm !== KEYED) {
      breaks.push({
        ...where,
        reason:
          "has an unkeyed SHA-256 after the chain was keyed: it was written outside the application",
      });
    } else if ((await hashOf(key, row)) !== row.hash) {
      breaks.push({ ...where, reason: "its content does not match its hash: the row was changed" });
    }
    keyed ||= row.hashAlgorithm === KEYED;
    previous = row.hash;
  }
  return { rows, breaks };
}
