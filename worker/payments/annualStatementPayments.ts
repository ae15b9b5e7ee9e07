import { and, eq, inArray } from "drizzle-orm";
import { jstDateOf, type QuoteResult } from "../../shared";
import { invoices, paymentItems, paymentRuns } from "../db/schema";
import type { Deps } from "../deps";
import { payDateOf } from "./rules";

// Which documents a year's 支払調書 counts, and when each was paid: approved invoices and
// accepted payment notices, dated by the payment run that paid them, else by the day their due
// date is paid on. One counted but not paid yet (in a run still pending or failed, or due
// after today) is unpaid.

type Invoice = typeof invoices.$inferSelect;

export type CountedDocument = {
  invoiceId: string;
  number: string | null;
  month: string;
  /** The day it was (or will be) paid, and where that date came from. */
  paidOn: string;
  basis: "paymentRun" | "dueDate";
  unpaid: boolean;
  /** 支払金額: the fee with consumption tax, expenses (立替金) left out. */
  amount: number;
  consumptionTax: number;
  withholdingTax: number;
};

export type Counted = CountedDocument & { partnerUserId: string; contractId: string };

/** The latest paid payment of each document, from the payment runs. */
async function paidDates(db: Deps["db"], ids: string[]) {
  const paid = new Map<string, string>();
  const open = new Set<string>();
  if (ids.length === 0) return { paid, open };
  const rows = await db
    .select({
      invoiceId: paymentItems.invoiceId,
      status: paymentItems.status,
      date: paymentRuns.paymentDate,
    })
    .from(paymentItems)
    .innerJoin(paymentRuns, eq(paymentRuns.id, paymentItems.runId))
    .where(inArray(paymentItems.invoiceId, ids));
  for (const row of rows) {
    if (row.status === "paid") {
      const before = paid.get(row.invoiceId);
      if (!before || before < row.date) paid.set(row.invoiceId, row.date);
    } else {
      open.add(row.invoiceId);
    }
  }
  return { paid, open };
}

function figuresOf(invoice: Invoice) {
  const figures = (invoice.figures ?? {}) as Partial<QuoteResult>;
  const whole = (n: unknown) => (typeof n === "number" && Number.isSafeInteger(n) ? n : 0);
  return {
    total: whole(figures.total ?? invoice.total),
    consumptionTax: whole(figures.consumptionTax),
    withholdingTax: whole(figures.withholdingTax),
  };
}

/** Each approved document of the company paid in `year`, with when and whether it was paid. */
export async function countedDocuments(
  deps: Pick<Deps, "db" | "now">,
  companyId: string,
  year: number,
) {
  const approved = await deps.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.companyId, companyId), eq(invoices.status, "approved")));
  const { paid, open } = await paidDates(
    deps.db,
    approved.map((i) => i.id),
  );
  const today = jstDateOf(deps.now().getTime());
  const counted: Counted[] = [];
  for (const invoice of approved) {
    const paidOn = paid.get(invoice.id);
    const due =
      invoice.dueDate ?? (invoice.decidedAt ? jstDateOf(invoice.decidedAt.getTime()) : null);
    const date = paidOn ?? (due ? payDateOf(due) : null);
    if (!date || Number(date.slice(0, 4)) !== year) continue;
    const figures = figuresOf(invoice);
    counted.push({
      partnerUserId: invoice.partnerUserId,
      contractId: invoice.contractId,
      invoiceId: invoice.id,
      number: invoice.number,
      month: invoice.workingMonth,
      paidOn: date,
      basis: paidOn ? "paymentRun" : "dueDate",
      unpaid: !paidOn && (open.has(invoice.id) || date > today),
      amount: figures.total,
      consumptionTax: figures.consumptionTax,
      withholdingTax: figures.withholdingTax,
    });
  }
  return counted.sort((a, b) => a.paidOn.localeCompare(b.paidOn));
}
