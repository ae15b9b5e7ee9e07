import { z } from "@hono/zod-openapi";
import { costCategorySchema } from "../quote/schemas";

export const contractIdParam = z.object({
  contractId: z.string().openapi({ param: { name: "contractId", in: "path" } }),
});
export const orderIdParam = z.object({
  orderId: z.string().openapi({ param: { name: "orderId", in: "path" } }),
});

const isoDate = z.string().openapi({ format: "date", example: "2025-07-26" });
const yearMonth = z.string().openapi({ pattern: "^\\d{4}-\\d{2}$", example: "2025-08" });

export const paymentTermsSchema = z
  .strictObject({
    monthsAfter: z
      .number()
      .int()
      .min(0)
      .max(3)
      .openapi({ description: "months after the closing date's month", example: 1 }),
    day: z
      .number()
      .int()
      .min(1)
      .max(31)
      .openapi({ description: "day of that month; 31 means its last day", example: 31 }),
  })
  .openapi("PaymentTerms", {
    description: "支払条件: 1 and 31 is end of the following month (翌月末払い)",
  });

export const conditionsSchema = z
  .strictObject({
    effectiveFrom: yearMonth.optional().openapi({
      description:
        "the contract's first working month (the one holding startDate); omit it to default to that month, any other is refused",
    }),
    costCategories: z.array(costCategorySchema).min(1),
  })
  .openapi("WorkingConditions", { description: "稼働条件" });

export const newContractSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    partnerUserId: z.string().min(1),
    contractType: z
      .enum(["quasiMandate", "workContract"])
      .openapi({ description: "準委任 or 請負" }),
    scope: z.string().trim().min(1).max(2000).openapi({ description: "業務内容" }),
    deliverables: z.string().max(2000).default(""),
    workPlace: z.string().max(500).default("").openapi({ description: "業務・納品場所" }),
    startDate: isoDate,
    endDate: isoDate,
    closingDay: z
      .number()
      .int()
      .openapi({ description: "1..28, or 31 for month end", example: 25 }),
    paymentTerms: paymentTermsSchema,
    autoRenewal: z.boolean().default(false),
    billingMode: z.enum(["invoice", "paymentNotice"]).default("invoice"),
    confirmationDays: z.number().int().min(1).max(60).optional(),
    settlementUnit: z.number().int().default(0),
    conditions: conditionsSchema,
  })
  .openapi("NewContract");

export const newConditionsSchema = conditionsSchema
  .extend({ effectiveFrom: yearMonth })
  .openapi("ConditionChange");

export const orderPatchSchema = z
  .strictObject({
    subject: z.string().trim().min(1).max(200).optional(),
    remarks: z.string().max(2000).optional(),
    hideRangeTerms: z.boolean().optional(),
  })
  .openapi("OrderPatch");

export const approveOrderSchema = z
  .strictObject({
    address: z.string().trim().max(200).optional(),
    phone: z.string().trim().max(30).optional(),
    bankAccountId: z.string().optional(),
    useNextTime: z
      .boolean()
      .default(false)
      .openapi({ description: "save address and phone to settings" }),
  })
  .openapi("OrderApproval", {
    description: "発注請書: the partner's details; saved settings fill what is left out",
  });

export const returnOrderSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(2000) })
  .openapi("OrderReturn");

export const companyOptionsSchema = z
  .strictObject({ hourRangeEnabled: z.boolean() })
  .openapi("CompanyOptions");

export const sesRatesQuery = z.object({
  monthlyFee: z.coerce.number().int().min(0),
  lowerHours: z.coerce.number().min(0),
  upperHours: z.coerce.number().min(0),
});

export const historyQuery = z.object({
  documentType: z.enum(["purchaseOrder", "invoice", "paymentNotice", "contract"]).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  minAmount: z.coerce.number().int().optional(),
  maxAmount: z.coerce.number().int().optional(),
  counterparty: z.string().max(100).optional(),
});

export const anyObject = z.record(z.string(), z.unknown());
