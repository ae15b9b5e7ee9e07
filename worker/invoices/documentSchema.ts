import { z } from "@hono/zod-openapi";
import type { QuoteResult } from "../../shared";
import { bankAccounts, invoices } from "../db/schema";
import { int, isoDate, type Same, typesAgree, yearMonth, yen } from "../http/schemas";
import { lineTaxRate, quoteResponseSchema, taxByRateSchema } from "../quote/schemas";
import type { InvoiceDocument } from "./document";
import type { InvoiceInputs } from "./rules";

// The invoice's JSON columns as the API answers them: what the partner chose (inputs) and the
// document frozen at submission. The TypeScript types the services use are checked against
// these at compile time (bottom of the file), so the contract and the code cannot drift.

/** An extra item or expense as stored: its rate always written (8 is 軽減税率). */
const ratedItem = z.object({ name: z.string(), amount: yen, taxRate: lineTaxRate });
/** As printed: documents frozen before rates per line have none (10). */
const printedItem = z.object({ name: z.string(), amount: yen, taxRate: int.optional() });

const withholding = z.object({
  enabled: z.boolean(),
  base: z.enum(["includingTax", "excludingTax"]),
  excludedTaxTreatment: z.enum(["advancePayment", "compensationBreakdown"]).optional(),
});

const issuer = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  registrationNumber: z.string().openapi({ example: "T1234567890123" }),
});

/** What is stored in `invoices.inputs`: every choice resolved, nothing left to guess. */
export const invoiceInputsSchema = z
  .object({
    extraItems: z.array(ratedItem).openapi({ description: "追加項目" }),
    expenses: z.array(ratedItem).openapi({ description: "立替経費" }),
    consumptionTax: z.object({ enabled: z.boolean() }),
    withholding: withholding.openapi({ description: "源泉徴収" }),
    issuer,
    bankAccountId: z.string().nullable(),
    dueDate: isoDate.nullable(),
    remarks: z.string(),
  })
  .openapi("InvoiceInputs");

const reportEntry = z.object({
  date: isoDate,
  costCategoryId: z.string(),
  category: z.string(),
  start: z.string().nullable().openapi({ example: "09:00" }),
  end: z.string().nullable().openapi({ example: "18:00" }),
  breakMinutes: int,
  workedMinutes: int.nullable(),
  quantity: z.number().nullable(),
  skipHours: z.boolean(),
  details: z.string(),
});

/** What a qualified invoice (適格請求書) and the business report (業務報告書) print. */
export const invoiceDocumentSchema = z
  .object({
    kind: z.enum(invoices.kind.enumValues),
    title: z.enum(["請求書", "支払通知書"]),
    number: z.string().nullable(),
    issuedOn: isoDate,
    month: yearMonth,
    period: z.object({ from: isoDate, to: isoDate }),
    transactionDate: isoDate.openapi({ description: "取引年月日: the closing date" }),
    contract: z.object({ id: z.string(), title: z.string(), contractType: z.string() }),
    recipient: z
      .object({ name: z.string(), address: z.string().optional(), phone: z.string().optional() })
      .openapi({ description: "The company (on a notice, its issuer, with its address)" }),
    issuer: issuer.extend({
      kind: z.enum(["individual", "corporation"]),
      nonResident: z.boolean(),
    }),
    figures: quoteResponseSchema,
    taxByRate: z.array(taxByRateSchema),
    consumptionTaxEnabled: z.boolean(),
    withholding: withholding.extend({ amount: yen }),
    extraItems: z.array(printedItem),
    expenses: z.array(printedItem),
    dueDate: isoDate.nullable(),
    bankAccount: z
      .object({
        kind: z.enum(bankAccounts.kind.enumValues),
        bankName: z.string(),
        branchName: z.string(),
        accountType: z.enum(bankAccounts.accountType.enumValues).nullable(),
        accountNumber: z.string(),
        holderName: z.string(),
        swiftCode: z.string().nullable(),
      })
      .nullable(),
    remarks: z.string(),
    entries: z.array(reportEntry),
  })
  .openapi("InvoiceDocument");

typesAgree<Same<InvoiceInputs, z.infer<typeof invoiceInputsSchema>>>();
typesAgree<Same<InvoiceDocument, z.infer<typeof invoiceDocumentSchema>>>();
typesAgree<Same<QuoteResult, z.infer<typeof quoteResponseSchema>>>();
