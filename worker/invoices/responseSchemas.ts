import { z } from "@hono/zod-openapi";
import { INVOICE_STATUSES } from "../../shared";
import { approvalSchema } from "../approvals/schemas";
import { invoices } from "../db/schema";
import { instant, int, isoDate, yearMonth, yen } from "../http/schemas";
import { quoteResponseSchema, taxByRateSchema } from "../quote/schemas";
import { invoiceDocumentSchema, invoiceInputsSchema } from "./documentSchema";

// What the invoice and payment-notice routes answer: one row of the invoices table (a
// partner's 請求書 or the company's 支払通知書), its inputs, the engine's figures and the
// document as submitted or sent. The JSON columns' schemas are in documentSchema.ts.

const kind = z.enum(invoices.kind.enumValues).openapi({
  description: "invoice: the partner's 請求書; paymentNotice: the company's 支払通知書",
});

export const invoiceSchema = z
  .object({
    id: z.string(),
    kind,
    contractId: z.string(),
    companyId: z.string(),
    partnerUserId: z.string(),
    month: yearMonth.openapi({ description: "the working month (稼働月)" }),
    status: z.enum(INVOICE_STATUSES),
    number: z.string().nullable().openapi({ example: "INV-000001" }),
    inputs: invoiceInputsSchema,
    figures: quoteResponseSchema.nullable().openapi({ description: "the engine's quote" }),
    total: yen,
    taxByRate: z.array(taxByRateSchema).openapi({
      description: "税率ごとの対価と消費税: the figures' per-rate totals, empty before any",
    }),
    dueDate: isoDate.nullable(),
    document: invoiceDocumentSchema
      .nullable()
      .openapi({ description: "as last submitted or sent" }),
    contentHash: z.string().nullable().openapi({ description: "SHA-256 of the document" }),
    revision: int,
    submittedAt: instant.nullable(),
    decidedAt: instant.nullable(),
    returnReason: z.string().nullable(),
    acceptBy: instant.nullable().openapi({
      description:
        "A payment notice's confirmation deadline (確認期限): unanswered by then, it counts as accepted. Null for an invoice",
    }),
    autoAccepted: z.boolean().openapi({ description: "accepted by the deadline passing" }),
    approval: approvalSchema,
    warnings: z.array(z.object({ path: z.string(), message: z.string() })),
    createdAt: instant,
  })
  .openapi("Invoice", { description: "A 請求書 or a 支払通知書" });
export type InvoiceBody = z.infer<typeof invoiceSchema>;

export const invoiceListItemSchema = z
  .object({
    id: z.string(),
    kind,
    contractId: z.string(),
    contractTitle: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    partnerUserId: z.string(),
    partnerName: z.string(),
    month: yearMonth,
    status: z.enum(INVOICE_STATUSES),
    number: z.string().nullable(),
    total: yen,
    subtotal: yen.nullable().openapi({ description: "null until first computed" }),
    consumptionTax: yen.nullable(),
    withholdingTax: yen.nullable().openapi({ description: "源泉徴収税額" }),
    payable: z.number().int().nullable().openapi({ description: "差引支払額" }),
    dueDate: isoDate.nullable(),
    acceptBy: instant.nullable(),
    submittedAt: instant.nullable(),
    createdAt: instant,
  })
  .openapi("InvoiceListItem");

export const invoiceListSchema = z
  .object({ items: z.array(invoiceListItemSchema), nextCursor: z.string().nullable() })
  .openapi("InvoiceList");
