import { z } from "@hono/zod-openapi";
import { INVOICE_STATUSES } from "../../shared";
import { approvalSchema } from "../approvals/schemas";
import { quoteResponseSchema, taxByRateSchema } from "../quote/schemas";

// What the invoice and payment-notice routes answer: one row of the invoices table (a
// partner's 請求書 or the company's 支払通知書), its inputs, the engine's figures and the
// document as submitted or sent.

const isoDate = z.string().openapi({ example: "2025-09-30", format: "date" });
const instant = z.string().openapi({ example: "2025-08-26T01:00:00.000Z", format: "date-time" });
const named = z.object({
  name: z.string(),
  amount: z.number().int(),
  taxRate: z.number().int().optional().openapi({ description: "10, or 8 (軽減税率)" }),
});
const withholding = z.object({
  enabled: z.boolean(),
  base: z.enum(["includingTax", "excludingTax"]),
  excludedTaxTreatment: z.enum(["advancePayment", "compensationBreakdown"]).optional(),
});
const issuer = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  registrationNumber: z.string().openapi({ description: "T + 13 digits, or empty" }),
});

const inputsSchema = z
  .object({
    extraItems: z.array(named),
    expenses: z.array(named),
    consumptionTax: z.object({ enabled: z.boolean() }),
    withholding,
    issuer,
    bankAccountId: z.string().nullable(),
    dueDate: isoDate.nullable(),
    remarks: z.string(),
  })
  .openapi("InvoiceInputs", { description: "Every choice of the invoice, resolved" });

const entrySchema = z.object({
  date: isoDate,
  costCategoryId: z.string(),
  category: z.string(),
  start: z.string().nullable().openapi({ example: "09:00" }),
  end: z.string().nullable().openapi({ example: "18:00" }),
  breakMinutes: z.number().int(),
  workedMinutes: z.number().int().nullable(),
  quantity: z.number().nullable(),
  skipHours: z.boolean(),
  details: z.string(),
});

export const invoiceDocumentSchema = z
  .object({
    kind: z.enum(["invoice", "paymentNotice"]),
    title: z.enum(["請求書", "支払通知書"]),
    number: z.string().nullable(),
    issuedOn: isoDate,
    month: z.string(),
    period: z.object({ from: isoDate, to: isoDate }),
    transactionDate: isoDate.openapi({ description: "取引年月日: the closing date" }),
    contract: z.object({ id: z.string(), title: z.string(), contractType: z.string() }),
    recipient: z
      .object({
        name: z.string(),
        address: z.string().optional(),
        phone: z.string().optional(),
      })
      .openapi({ description: "The company (on a notice, its issuer, with its address)" }),
    issuer: issuer
      .extend({ kind: z.enum(["individual", "corporation"]), nonResident: z.boolean() })
      .openapi({ description: "The partner: the seller, with the registration number" }),
    figures: quoteResponseSchema,
    taxByRate: z.array(taxByRateSchema),
    consumptionTaxEnabled: z.boolean(),
    withholding: withholding.extend({ amount: z.number().int() }),
    extraItems: z.array(named),
    expenses: z.array(named),
    dueDate: isoDate.nullable(),
    bankAccount: z
      .object({
        kind: z.string(),
        bankName: z.string(),
        branchName: z.string(),
        accountType: z.string().nullable(),
        accountNumber: z.string(),
        holderName: z.string(),
        swiftCode: z.string().nullable(),
      })
      .nullable(),
    remarks: z.string(),
    entries: z.array(entrySchema),
  })
  .openapi("InvoiceDocument", {
    description: "What the 請求書 (or 支払通知書) and the 業務報告書 print, frozen when submitted",
  });

export const invoiceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["invoice", "paymentNotice"]).openapi({
      description: "invoice: the partner's 請求書; paymentNotice: the company's 支払通知書",
    }),
    contractId: z.string(),
    companyId: z.string(),
    partnerUserId: z.string(),
    month: z.string().openapi({ example: "2025-08", description: "the working month (稼働月)" }),
    status: z.enum(INVOICE_STATUSES),
    number: z.string().nullable().openapi({ example: "INV-000001" }),
    inputs: inputsSchema,
    figures: quoteResponseSchema.nullable(),
    total: z.number().int(),
    taxByRate: z.array(taxByRateSchema).openapi({
      description: "税率ごとの対価と消費税: the figures' per-rate totals, empty before any",
    }),
    dueDate: isoDate.nullable(),
    document: invoiceDocumentSchema.nullable(),
    contentHash: z.string().nullable(),
    revision: z.number().int(),
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

export const invoiceListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["invoice", "paymentNotice"]),
        contractId: z.string(),
        contractTitle: z.string(),
        companyId: z.string(),
        companyName: z.string(),
        partnerUserId: z.string(),
        partnerName: z.string(),
        month: z.string(),
        status: z.enum(INVOICE_STATUSES),
        number: z.string().nullable(),
        total: z.number().int(),
        dueDate: isoDate.nullable(),
        acceptBy: instant.nullable(),
        submittedAt: instant.nullable(),
        createdAt: instant,
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("InvoiceList");
