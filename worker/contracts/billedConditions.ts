import { sql } from "drizzle-orm";
import { purchaseOrders } from "../db/schema";

// Which working conditions bill a month (the one rule: the month's quote, estimates, invoices
// and the contract lists all read it here): the newest version starting on or before the
// month whose purchase order was approved and lists the month. A change whose order is still
// a draft, sent or returned bills nothing yet.

/** A condition version beside one of its orders, as the rule reads them. */
export interface VersionOrder<V> {
  version: V;
  orderStatus: string;
  /** The working months the order's sent document lists; null when it has no document. */
  orderMonths: readonly string[] | null;
}

/**
 * The order's document's `workingMonths` as JSON text: null only when there is no document
 * (a draft), `[]` when a document lists none. Read with `parseOrderMonths`.
 */
export const orderMonthsColumn = sql<
  string | null
>`case when ${purchaseOrders.document} is null then null else coalesce(json_extract(${purchaseOrders.document}, '$.workingMonths'), '[]') end`;

export const parseOrderMonths = (text: string | null): string[] | null =>
  text === null ? null : (JSON.parse(text) as string[]);

type Versioned = { effectiveFrom: string; version: number };

/** Newest first: the later start, then the later version. */
export const newestFirst = (a: Versioned, b: Versioned) =>
  b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version;

/** The version that bills `month`, or null when no approved order covers it. */
export function billedVersion<V extends Versioned>(
  pairs: readonly VersionOrder<V>[],
  month: string,
): V | null {
  let billed: V | null = null;
  for (const { version, orderStatus, orderMonths } of pairs) {
    if (orderStatus !== "approved" || version.effectiveFrom > month) continue;
    // An order covers the months its document lists: an automatic renewal's months wait for
    // the renewal's own order rather than falling back on the first period's.
    if (orderMonths !== null && !orderMonths.includes(month)) continue;
    if (billed === null || newestFirst(version, billed) < 0) billed = version;
  }
  return billed;
}

/**
 * The newest version, when no order of it is approved and it is newer than the billed one: a
 * change (or a first version) waiting for its order's approval.
 */
export function pendingVersion<V extends Versioned & { id: string }>(
  versions: readonly V[],
  pairs: readonly VersionOrder<V>[],
  billed: V | null,
): V | null {
  const newest = [...versions].sort((a, b) => b.version - a.version)[0];
  if (!newest || newest === billed) return null;
  if (billed && newest.version < billed.version) return null;
  const approved = pairs.some((p) => p.version.id === newest.id && p.orderStatus === "approved");
  return approved ? null : newest;
}
