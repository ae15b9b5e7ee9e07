import { and, eq } from "drizzle-orm";
import { type contracts, invoices } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import type { Invoice } from "../invoices/rules";

// The month's payment notice row, written by the sending and by the approval route's hold:
// the row that was read is updated only while unchanged, or a first one is inserted, where
// the unique (contract, month, kind) index stops a concurrent twin. Either way a lost race is
// a 409, never a second notice or a silent overwrite.

type Tx = Parameters<Parameters<Deps["db"]["transaction"]>[0]>[0];
type Insert = typeof invoices.$inferInsert;
type Values = Partial<Insert>;

export const changed = () =>
  new ApiError(409, "payment_notice_changed", "The payment notice changed meanwhile: reload it");

export async function writeNotice(
  tx: Tx,
  target: {
    existing: Invoice | undefined;
    contract: typeof contracts.$inferSelect;
    month: string;
    now: Date;
  },
  values: Values & Pick<Insert, "inputs">,
  only: { onUpdate: Values; onInsert: Values & Pick<Insert, "status"> },
): Promise<Invoice> {
  const { existing, contract } = target;
  let row: Invoice | undefined;
  if (existing) {
    [row] = await tx
      .update(invoices)
      .set({ ...values, ...only.onUpdate, approvalVersion: existing.approvalVersion + 1 })
      .where(
        and(
          eq(invoices.id, existing.id),
          eq(invoices.status, existing.status),
          eq(invoices.approvalVersion, existing.approvalVersion),
        ),
      )
      .returning();
  } else {
    [row] = await tx
      .insert(invoices)
      .values({
        ...values,
        ...only.onInsert,
        companyId: contract.companyId,
        contractId: contract.id,
        partnerUserId: contract.partnerUserId,
        workingMonth: target.month,
        kind: "paymentNotice",
        issuerId: contract.companyId,
        createdAt: target.now,
      })
      .onConflictDoNothing()
      .returning();
  }
  if (!row) throw changed();
  return row;
}
