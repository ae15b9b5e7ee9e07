import { and, eq } from "drizzle-orm";
import type { contracts } from "../db/schema";
import { invoices, users } from "../db/schema";
import type { Deps } from "../deps";
import type { InvoiceChoices } from "../entries/monthQuote";
import { defaultWithholding } from "../paymentNotices/rules";
import { choicesOf, normaliseInputs } from "./rules";
import { lastWithholding } from "./service";

// The choices an estimate (概算請求額) is computed with, so that it is the invoice the month
// will have: the month's own invoice (or payment notice) when there is one, else what a new
// one would start with (the partner's last withholding; the company's default on a notice).

/**
 * Where an estimate's choices came from: `monthDocument` the month's invoice or notice,
 * `lastInvoice` the partner's latest approved invoice, `defaults` the product's defaults.
 */
export const CHOICE_SOURCES = ["monthDocument", "lastInvoice", "defaults"] as const;
export type ChoiceSource = (typeof CHOICE_SOURCES)[number];

type Contract = typeof contracts.$inferSelect;

export async function estimateChoices(
  deps: Pick<Deps, "db">,
  contract: Contract,
  month: string,
): Promise<{ choices: InvoiceChoices; source: ChoiceSource }> {
  const kind = contract.billingMode === "paymentNotice" ? "paymentNotice" : "invoice";
  const [found] = await deps.db
    .select({ inputs: invoices.inputs, partner: users })
    .from(users)
    .leftJoin(
      invoices,
      and(
        eq(invoices.contractId, contract.id),
        eq(invoices.workingMonth, month),
        eq(invoices.kind, kind),
      ),
    )
    .where(eq(users.id, contract.partnerUserId));
  if (!found) return { choices: {}, source: "defaults" };
  const { partner } = found;
  if (found.inputs) {
    return { choices: choicesOf(normaliseInputs(found.inputs, partner)), source: "monthDocument" };
  }
  if (partner.partnerKind === "corporation") return { choices: {}, source: "defaults" };
  if (kind === "paymentNotice") {
    const withholding = defaultWithholding(partner);
    return { choices: withholding ? { withholding } : {}, source: "defaults" };
  }
  const last = await lastWithholding(deps, partner.id);
  return last
    ? {
        choices: { withholding: { enabled: last.enabled, base: last.base } },
        source: "lastInvoice",
      }
    : { choices: {}, source: "defaults" };
}
