import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { hmacSha256Hex } from "./crypto";
import { GENESIS_HASH, walkHistory } from "./history";

// The chain's head as a receipt: its last sequence number, how many events lead to it, its
// hash, and an HMAC under HISTORY_KEY over all three and the company. A company that keeps
// its latest receipt (each verify answers a fresh one) can later prove that the chain still
// reaches that head: rows removed from the end, or a chain rebuilt from an earlier row, no
// longer match it, and nobody without the key can sign a head of their own.

export type HistoryReceipt = { sequence: number; events: number; hash: string; signature: string };

const LABEL = "shimebi-history-head/v1";

function signatureOf(key: string, companyId: string, head: Omit<HistoryReceipt, "signature">) {
  return hmacSha256Hex(key, [LABEL, companyId, head.sequence, head.events, head.hash].join("\n"));
}

/** Equal strings in time independent of where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

async function receiptOf(
  key: string,
  companyId: string,
  rows: { seq: number; hash: string }[],
): Promise<HistoryReceipt> {
  const last = rows.at(-1);
  const head = {
    sequence: last?.seq ?? 0,
    events: rows.length,
    hash: last?.hash ?? GENESIS_HASH,
  };
  return { ...head, signature: await signatureOf(key, companyId, head) };
}

/** The company's current head, signed; only for a chain that holds, so a broken one is never vouched for. */
export async function historyHead(db: Db, key: string, companyId: string) {
  const { rows, breaks } = await walkHistory(db, key, companyId);
  if (breaks.length > 0) {
    throw new ApiError(
      409,
      "history_broken",
      `The history does not hold at ${breaks.length} rows: see /history/verify; no head is signed for it`,
      [],
      `履歴の ${breaks.length} 行が検証に失敗しています（/history/verify を参照）。先頭の署名は発行しません`,
    );
  }
  return receiptOf(key, companyId, rows);
}

type ReceiptCheck = { sequence: number; matches: boolean; reason: string | null };

/** Whether the chain still reaches the receipt's head, with the same hash and count. */
function checkReceipt(
  rows: { seq: number; hash: string }[],
  receipt: HistoryReceipt,
): ReceiptCheck {
  const fail = (reason: string) => ({ sequence: receipt.sequence, matches: false, reason });
  if (receipt.sequence === 0) {
    return { sequence: 0, matches: true, reason: null };
  }
  const index = rows.findIndex((row) => row.seq === receipt.sequence);
  if (index < 0) {
    return fail(
      `the chain has no row ${receipt.sequence}, the head of the receipt: rows were removed from its end`,
    );
  }
  if (rows[index]?.hash !== receipt.hash) {
    return fail(
      `row ${receipt.sequence} has another hash than the receipt's: the chain was rewritten up to it`,
    );
  }
  if (index + 1 !== receipt.events) {
    return fail(
      `the receipt counts ${receipt.events} events up to row ${receipt.sequence}, the chain ${index + 1}: rows before it were removed or added`,
    );
  }
  return { sequence: receipt.sequence, matches: true, reason: null };
}

/**
 * Walks the company's chain and, given a receipt the company kept, checks the chain still
 * reaches it. Answers the current head, signed, as the next receipt to keep.
 */
export async function verifyHistory(
  db: Db,
  key: string,
  companyId: string,
  receipt?: HistoryReceipt,
) {
  if (receipt) {
    const expected = await signatureOf(key, companyId, receipt);
    if (!sameText(expected, receipt.signature.toLowerCase())) {
      const message =
        "The receipt's signature does not hold: it is not a head this server signed for this company";
      throw new ApiError(
        422,
        "invalid_receipt",
        message,
        [
          {
            path: "signature",
            message,
            messageJa:
              "受領書の署名が一致しません。このサーバーがこの会社に発行した先頭ではありません",
          },
        ],
        "受領書の署名が一致しません。このサーバーがこの会社に発行した先頭ではありません",
      );
    }
  }
  const { rows, breaks } = await walkHistory(db, key, companyId);
  const checked = receipt ? checkReceipt(rows, receipt) : null;
  return {
    valid: breaks.length === 0 && (checked?.matches ?? true),
    events: rows.length,
    breaks,
    receipt: checked,
    head: await receiptOf(key, companyId, rows),
  };
}
