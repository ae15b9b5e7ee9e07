import { and, asc, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { bankAccounts, invoices, paymentItems, paymentRuns, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import {
  assertPaymentDate,
  dueDateWindow,
  type Payee,
  payDateOf,
  type Resolved,
  resolvePayee,
  type Say,
} from "./rules";

// 支払 (payment runs): the approved invoices and accepted payment notices due on a date,
// and those whose transfer failed before, gathered once per date and paid by one file.

type Db = Deps["db"];
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Invoice = typeof invoices.$inferSelect;
export type PaymentRun = typeof paymentRuns.$inferSelect;
type Item = typeof paymentItems.$inferSelect;

/** 支払額 as the engine computed it: total − withholding + expenses. Never recomputed. */
export function payableOf(invoice: Invoice): number {
  const payable = invoice.figures?.payable;
  if (typeof payable !== "number" || !Number.isSafeInteger(payable)) {
    throw new ApiError(409, "figures_missing", `${invoice.number ?? invoice.id} has no figures`);
  }
  return payable;
}

/** Invoices already in a run that is not failed: paid, or about to be. */
async function takenInvoiceIds(db: Db | Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ invoiceId: paymentItems.invoiceId })
    .from(paymentItems)
    .where(
      and(inArray(paymentItems.invoiceId, ids), inArray(paymentItems.status, ["pending", "paid"])),
    );
  return new Set(rows.map((r) => r.invoiceId));
}

/** What a run for `paymentDate` takes in: due on it (after the holiday move), or failed before. */
async function dueInvoices(db: Db | Tx, companyId: string, paymentDate: string) {
  const window = dueDateWindow(paymentDate);
  const due = (
    await db
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.companyId, companyId),
          eq(invoices.status, "approved"),
          gte(invoices.dueDate, window.from),
          lte(invoices.dueDate, window.to),
        ),
      )
  ).filter((invoice) => invoice.dueDate && payDateOf(invoice.dueDate) === paymentDate);
  const failed = await db
    .selectDistinct({ invoice: invoices })
    .from(paymentItems)
    .innerJoin(invoices, eq(invoices.id, paymentItems.invoiceId))
    .where(and(eq(invoices.companyId, companyId), eq(paymentItems.status, "failed")));
  const all = new Map<string, Invoice>();
  for (const invoice of [...due, ...failed.map((f) => f.invoice)]) all.set(invoice.id, invoice);
  const taken = await takenInvoiceIds(db, [...all.keys()]);
  return [...all.values()].filter((invoice) => !taken.has(invoice.id));
}

/**
 * Makes the run for `paymentDate`, or adds what fell due since to the open run of that date:
 * asking twice (a double click) answers the same run.
 */
export async function createRun(
  deps: Deps,
  actor: User,
  companyId: string,
  paymentDate: string,
  say: Say,
): Promise<PaymentRun> {
  assertPaymentDate(paymentDate, say);
  return deps.db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(paymentRuns)
      .where(
        and(
          eq(paymentRuns.companyId, companyId),
          eq(paymentRuns.paymentDate, paymentDate),
          eq(paymentRuns.status, "open"),
        ),
      );
    // An item failed in this very run stays there as failed; a later run pays it.
    const inRun = new Set(
      open
        ? (
            await tx
              .select({ invoiceId: paymentItems.invoiceId })
              .from(paymentItems)
              .where(eq(paymentItems.runId, open.id))
          ).map((r) => r.invoiceId)
        : [],
    );
    const due = (await dueInvoices(tx, companyId, paymentDate)).filter((i) => !inRun.has(i.id));
    if (!open && due.length === 0) {
      const message = say(
        `${paymentDate} に支払う承認済みの請求書・支払通知書はありません`,
        `No approved invoice or accepted payment notice is due on ${paymentDate}`,
      );
      throw new ApiError(422, "nothing_due", message, [{ path: "paymentDate", message }]);
    }
    const run =
      open ??
      (
        await tx
          .insert(paymentRuns)
          .values({ companyId, paymentDate, status: "open", createdBy: actor.id })
          .returning()
      )[0];
    if (!run) throw new ApiError(500, "internal_error", "the run was not stored");
    if (due.length > 0) {
      await tx.insert(paymentItems).values(
        due.map((invoice) => ({
          runId: run.id,
          invoiceId: invoice.id,
          amount: payableOf(invoice),
          status: "pending" as const,
        })),
      );
    }
    return run;
  });
}

export async function listRuns(deps: Pick<Deps, "db">, companyId: string) {
  return deps.db
    .select()
    .from(paymentRuns)
    .where(eq(paymentRuns.companyId, companyId))
    .orderBy(desc(paymentRuns.paymentDate), desc(paymentRuns.createdAt));
}

export async function getRun(deps: Pick<Deps, "db">, companyId: string, runId: string) {
  const [run] = await deps.db
    .select()
    .from(paymentRuns)
    .where(and(eq(paymentRuns.id, runId), eq(paymentRuns.companyId, companyId)));
  if (!run) throw new ApiError(404, "not_found", "No such payment run");
  return run;
}

export type RunLine = {
  item: Item;
  invoice: Invoice;
  partner: typeof users.$inferSelect;
  payee: Resolved;
};

/** The account a document is paid into: the one it names, else the partner's default. */
async function accountFor(db: Db, invoice: Invoice) {
  const accounts = await db
    .select()
    .from(bankAccounts)
    .where(eq(bankAccounts.userId, invoice.partnerUserId));
  const chosen = invoice.inputs.bankAccountId;
  return (
    accounts.find((a) => a.id === chosen) ??
    accounts.find((a) => a.isDefault) ??
    accounts[0] ??
    null
  );
}

/** Every item with its document, partner and payee as their account stands now. */
export async function runLines(deps: Pick<Deps, "db">, run: PaymentRun, say: Say) {
  const rows = await deps.db
    .select({ item: paymentItems, invoice: invoices, partner: users })
    .from(paymentItems)
    .innerJoin(invoices, eq(invoices.id, paymentItems.invoiceId))
    .innerJoin(users, eq(users.id, invoices.partnerUserId))
    .where(eq(paymentItems.runId, run.id))
    .orderBy(asc(invoices.number), asc(paymentItems.createdAt));
  const lines: RunLine[] = [];
  for (const [index, row] of rows.entries()) {
    const payee: Payee = {
      partnerName: row.partner.fullName ?? row.partner.email,
      invoiceNumber: row.invoice.number ?? "",
      account: await accountFor(deps.db, row.invoice),
    };
    lines.push({
      ...row,
      payee: await resolvePayee(payee, row.item.amount, `items.${index}`, say),
    });
  }
  return lines;
}

export function serializeRun(run: PaymentRun, lines: RunLine[]) {
  const items = lines.map(({ item, invoice, partner, payee }) => ({
    id: item.id,
    invoiceId: invoice.id,
    kind: invoice.kind,
    number: invoice.number,
    month: invoice.workingMonth,
    dueDate: invoice.dueDate,
    partnerName: partner.fullName ?? partner.email,
    amount: item.amount,
    status: item.status,
    failureReason: item.failureReason,
    channel: payee.kind === "invalid" ? ("domestic" as const) : payee.kind,
    problems: payee.kind === "invalid" ? payee.issues : [],
    holderName: payee.kind === "domestic" ? payee.transfer.holderName : null,
  }));
  const inFile = items.filter((i) => i.status === "pending" && i.channel === "domestic");
  return {
    id: run.id,
    paymentDate: run.paymentDate,
    status: run.status,
    paidAt: run.paidAt?.toISOString() ?? null,
    createdAt: run.createdAt.toISOString(),
    items,
    transfer: { count: inFile.length, total: inFile.reduce((sum, i) => sum + i.amount, 0) },
    overseas: items.filter((i) => i.channel === "overseas"),
    problems: items.flatMap((i) => i.problems),
  };
}
