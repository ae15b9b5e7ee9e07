import type { Context } from "hono";
import { targetInvoice } from "../http/auth";
import { ApiError } from "../http/errors";
import type { AppEnv } from "../http/router";

type Kind = "invoice" | "paymentNotice";

/**
 * The invoice (or payment notice) behind an `{invoiceId}` route, as authorization loaded it
 * (drafts already decided), if it is of a kind the route serves.
 */
export function invoiceOf(c: Context<AppEnv>, kinds: readonly Kind[] = ["invoice"]) {
  const invoice = targetInvoice(c);
  if (!kinds.includes(invoice.kind)) throw new ApiError(404, "not_found", "No such invoice");
  return invoice;
}

/** Routes that read a document serve invoices and payment notices alike. */
export const BOTH_KINDS: readonly Kind[] = ["invoice", "paymentNotice"];
