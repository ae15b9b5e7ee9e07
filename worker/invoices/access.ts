import type { Context } from "hono";
import { accessOf } from "../companies/routes";
import { ApiError } from "../http/errors";
import type { AppEnv } from "../http/router";
import { getInvoice, visibleTo } from "./service";

type Kind = "invoice" | "paymentNotice";

/**
 * The invoice (or payment notice) behind an `{invoiceId}` route, of the kinds the route
 * serves; a draft does not exist for the company yet.
 */
export async function invoiceOf(c: Context<AppEnv>, kinds: readonly Kind[] = ["invoice"]) {
  const access = accessOf(c);
  const invoice = await getInvoice(c.var.deps, access.invoiceId ?? "");
  if (!kinds.includes(invoice.kind) || !visibleTo(invoice, access.roles)) {
    throw new ApiError(404, "not_found", "No such invoice");
  }
  return invoice;
}

/** Routes that read a document serve invoices and payment notices alike. */
export const BOTH_KINDS: readonly Kind[] = ["invoice", "paymentNotice"];
