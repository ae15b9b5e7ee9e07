import { and, eq, inArray } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { invoices, paymentItems, paymentRuns } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { recordInvoiceEvent } from "../invoices/service";
import type { Say } from "./rules";
import type { PaymentRun } from "./service";

// After the bank: a run marked paid records each document as paid in the hash-chained
// history; a transfer the bank reports failed is marked so, and the next run pays it again.

/** Every pending item paid, each with its history event; a run already paid answers as is. */
export async function markRunPaid(deps: Deps, actor: User, run: PaymentRun): Promise<PaymentRun> {
  if (run.status === "paid") return run;
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(paymentRuns)
      .set({ status: "paid", paidAt: deps.now() })
      .where(and(eq(paymentRuns.id, run.id), eq(paymentRuns.status, "open")))
      .returning();
    // A concurrent twin marked it first: same answer, no second set of events.
    if (!updated) {
      const [current] = await tx.select().from(paymentRuns).where(eq(paymentRuns.id, run.id));
      return current ?? run;
    }
    const pending = await tx
      .select({ item: paymentItems, invoice: invoices })
      .from(paymentItems)
      .innerJoin(invoices, eq(invoices.id, paymentItems.invoiceId))
      .where(and(eq(paymentItems.runId, run.id), eq(paymentItems.status, "pending")));
    if (pending.length > 0) {
      await tx
        .update(paymentItems)
        .set({ status: "paid", decidedAt: deps.now() })
        .where(
          inArray(
            paymentItems.id,
            pending.map((p) => p.item.id),
          ),
        );
    }
    for (const { item, invoice } of pending) {
      await recordInvoiceEvent(tx, deps, invoice, "paid", actor, {
        paymentRunId: run.id,
        paymentDate: run.paymentDate,
        amountPaid: item.amount,
      });
    }
    return updated;
  });
}

/** The bank reported the transfer failed: out of this run, into the next. */
export async function markItemFailed(
  deps: Deps,
  actor: User,
  run: PaymentRun,
  itemId: string,
  reason: string,
  say: Say,
) {
  const [found] = await deps.db
    .select({ item: paymentItems, invoice: invoices })
    .from(paymentItems)
    .innerJoin(invoices, eq(invoices.id, paymentItems.invoiceId))
    .where(and(eq(paymentItems.id, itemId), eq(paymentItems.runId, run.id)));
  if (!found) throw new ApiError(404, "not_found", say("その支払明細はありません", "No such item"));
  if (found.item.status === "failed") return found.item;
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(paymentItems)
      .set({ status: "failed", failureReason: reason, decidedAt: deps.now() })
      .where(and(eq(paymentItems.id, itemId), eq(paymentItems.status, found.item.status)))
      .returning();
    if (!updated) {
      throw new ApiError(
        409,
        "payment_item_changed",
        say(
          "支払明細が同時に変更されました。読み込み直してください",
          "The item changed meanwhile: reload it",
        ),
      );
    }
    await recordInvoiceEvent(tx, deps, found.invoice, "transferFailed", actor, {
      paymentRunId: run.id,
      paymentDate: run.paymentDate,
      amount: found.item.amount,
      reason,
    });
    return updated;
  });
}
