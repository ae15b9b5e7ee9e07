import { z } from "@hono/zod-openapi";
import { companyIdParam } from "../companies/schemas";
import { payerSettingsSchema } from "../companySettings/schemas";
import { issueSchema, yen } from "../http/schemas";
import { EXCLUSION_REASONS } from "./annualStatement";

export const yearParams = companyIdParam.extend({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .openapi({ param: { name: "year", in: "path" }, example: "2026", description: "暦年" }),
});

const lineSchema = z.object({
  category: z.string().openapi({ description: "区分", example: "デザイン料" }),
  detail: z.string().openapi({ description: "細目" }),
  amount: yen.openapi({ description: "支払金額 (未払金額 included), consumption tax included" }),
  unpaidAmount: yen.openapi({ description: "未払金額: inside amount" }),
  withholdingTax: yen.openapi({ description: "源泉徴収税額 (未徴収税額 included)" }),
  unwithheldTax: yen.openapi({ description: "未徴収税額: inside withholdingTax" }),
});

const documentSchema = z.object({
  invoiceId: z.string(),
  number: z.string().nullable(),
  month: z.string(),
  paidOn: z.string().openapi({ description: "The day it was, or will be, paid" }),
  basis: z
    .enum(["paymentRun", "dueDate"])
    .openapi({ description: "paidOn from the run that paid it, or from its due date" }),
  unpaid: z.boolean(),
  amount: yen,
  consumptionTax: yen,
  withholdingTax: yen,
});

const statementSchema = z.object({
  partnerUserId: z.string(),
  name: z.string(),
  address: z.string(),
  lines: z.array(lineSchema),
  total: lineSchema.omit({ category: true, detail: true }),
  consumptionTax: yen,
  documents: z.array(documentSchema),
});

const exclusionSchema = z.object({
  partnerUserId: z.string(),
  name: z.string(),
  reason: z.enum(EXCLUSION_REASONS),
  message: z.string(),
  amount: yen,
  withholdingTax: yen,
  documents: z.number().int(),
});

export const annualStatementsSchema = z
  .object({
    year: z.number().int(),
    title: z.string().openapi({ example: "令和8年分 報酬、料金、契約金及び賞金の支払調書" }),
    threshold: yen.openapi({ description: "提出範囲: more than this a year to one payee" }),
    payer: payerSettingsSchema.nullable(),
    statements: z.array(statementSchema),
    excluded: z.array(exclusionSchema),
    problems: z.array(issueSchema),
  })
  .openapi("AnnualPaymentStatements");
