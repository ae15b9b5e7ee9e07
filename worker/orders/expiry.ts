import { and, eq, inArray } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { transitionOrder } from "../contracts/rules";
import { contracts, purchaseOrders } from "../db/schema";
import type { Deps } from "../deps";
import type { HistoryKeyHolder } from "../platform/history";
import type { PurchaseOrder } from "./drafts";
import { recordEvent } from "./events";

export async function expireOrder(
  deps: Pick<Deps, "db" | "now"> & HistoryKeyHolder,
  order: PurchaseOrder,
  endDate: string,
) {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchaseOrders)
      .set({ status: "expired", decidedAt: deps.now() })
      .where(and(eq(purchaseOrders.id, order.id), eq(purchaseOrders.status, "underReview")))
      .returning();
    if (row) await recordEvent(tx, deps, row, order.document ?? {}, "expired", null, { endDate });
  });
}

/**
 * A change of conditions: orders still open on the old ones give way (superseded); approved
 * and expired ones stay as they were. One the partner had been sent is recorded in the history.
 */
export async function supersedeOpenOrders(
  deps: Pick<Deps, "db" | "now"> & HistoryKeyHolder,
  actor: User | null,
  contractId: string,
) {
  await deps.db.transaction(async (tx) => {
    const open = await tx
      .update(purchaseOrders)
      .set({ status: "superseded", decidedAt: deps.now() })
      .where(
        and(
          eq(purchaseOrders.contractId, contractId),
          inArray(purchaseOrders.status, ["draft", "underReview", "returned"]),
        ),
      )
      .returning();
    for (const order of open) {
      if (order.sentAt)
        await recordEvent(tx, deps, order, order.document ?? {}, "superseded", actor);
    }
  });
}

/** The scheduled sweep: orders still under review after their contract ended expire. */
export async function expireOverdueOrders(
  deps: Pick<Deps, "db" | "now"> & HistoryKeyHolder,
): Promise<number> {
  const open = await deps.db
    .select({ order: purchaseOrders, endDate: contracts.endDate })
    .from(purchaseOrders)
    .innerJoin(contracts, eq(contracts.id, purchaseOrders.contractId))
    .where(inArray(purchaseOrders.status, ["underReview"]));
  let expired = 0;
  for (const { order, endDate } of open) {
    const check = transitionOrder("underReview", "expire", { now: deps.now(), endDate });
    if (check.ok) {
      await expireOrder(deps, order, endDate);
      expired++;
    }
  }
  return expired;
}
