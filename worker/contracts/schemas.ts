import { z } from "@hono/zod-openapi";
import { CONTRACT_STATUSES, ORDER_STATUSES } from "../../shared";
import { contracts } from "../db/schema";
import { instant, int, isoDate, issueSchema, yearMonth, yen } from "../http/schemas";
import { orderSchema } from "../orders/schemas";
import { costCategorySchema } from "../quote/schemas";

export const contractIdParam = z.object({
  contractId: z.string().openapi({ param: { name: "contractId", in: "path" } }),
});
export const orderIdParam = z.object({
  orderId: z.string().openapi({ param: { name: "orderId", in: "path" } }),
});

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
      .enum(contracts.contractType.enumValues)
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
    billingMode: z.enum(contracts.billingMode.enumValues).default("invoice"),
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

/** A contract as the API answers it, with its derived status (契約ステータス). */
export const contractSchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    groupId: z.string(),
    partnerUserId: z.string(),
    title: z.string(),
    contractType: z.enum(contracts.contractType.enumValues),
    scope: z.string(),
    deliverables: z.string(),
    workPlace: z.string(),
    startDate: isoDate,
    endDate: isoDate,
    closingDay: int,
    paymentTerms: paymentTermsSchema,
    autoRenewal: z.boolean(),
    billingMode: z.enum(contracts.billingMode.enumValues),
    confirmationDays: int.nullable(),
    settlementUnit: int.openapi({ description: "精算時間単位 in minutes: 0, 15, 30 or 60" }),
    status: z.object({
      code: z.enum(CONTRACT_STATUSES),
      label: z.string().openapi({ example: "In contract" }),
      labelJa: z.string().openapi({ example: "契約中" }),
    }),
    createdAt: instant,
  })
  .openapi("Contract");
export type ContractBody = z.infer<typeof contractSchema>;

/** The answer to creating a contract: the contract, with what the caller should know about it. */
export const createdContractSchema = contractSchema
  .extend({
    warnings: z.array(issueSchema).openapi({
      description: "e.g. contract_in_the_past: the period is already over",
    }),
  })
  .openapi("CreatedContract");

/** The working conditions in force: the latest version. */
export const conditionVersionSchema = z
  .object({
    version: int,
    effectiveFrom: yearMonth,
    costCategories: z.array(costCategorySchema),
  })
  .openapi("ConditionVersion");

/** An order as the contract lists show it: what it covers and its fixed total. */
const listedOrderSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: "PO-000001" }),
    status: z.enum(ORDER_STATUSES),
    subject: z.string(),
    sentAt: instant.nullable(),
    createdAt: instant,
    workingMonths: z.array(yearMonth).openapi({ description: "the working months it orders" }),
    totalAmount: yen.openapi({ description: "合計（税抜）of the fixed lines" }),
  })
  .openapi("ListedPurchaseOrder");

/** A contract in a list: its partner, the conditions in force and its orders, in one answer. */
export const contractListItemSchema = contractSchema
  .extend({
    partner: z.object({
      id: z.string(),
      name: z
        .string()
        .openapi({ description: "基本情報's name (a corporation's name), or the email" }),
      kind: z.enum(["individual", "corporation"]).nullable(),
      registeredName: z.string().nullable().openapi({
        description: "the name the National Tax Agency register holds for the registration number",
      }),
    }),
    conditions: z.union([conditionVersionSchema, z.null()]).openapi({
      description:
        "the version this working month (Japan time; before the contract, its first month; after it, its last) is billed by: the newest started version whose approved purchase order lists the month, as the month's quote reads it; null when no approved order covers the month",
    }),
    pendingConditions: z.union([conditionVersionSchema, z.null()]).openapi({
      description:
        "the newest version when its purchase order is not approved yet (draft, sent, returned): a change, or the first conditions, that bills nothing until then; otherwise null",
    }),
    orders: z.array(listedOrderSchema).openapi({
      description: "newest first; drafts only for the company's members",
    }),
  })
  .openapi("ContractListItem");
export type ContractListItem = z.infer<typeof contractListItemSchema>;

export const contractDetailSchema = contractSchema
  .extend({ conditions: conditionVersionSchema, orders: z.array(orderSchema) })
  .openapi("ContractDetail");

const rateNote = z.object({
  field: z.enum(["excessRate", "deductionRate"]),
  message: z.string(),
  messageJa: z.string(),
});

export const sesRatesSchema = z
  .object({
    ok: z.literal(true),
    suggestions: z.array(
      z.object({
        convention: z.enum(["upperLower", "midpoint"]),
        labelEn: z.string(),
        labelJa: z.string().openapi({ example: "上下割" }),
        excessRate: int.nullable().openapi({ description: "yen per hour, rounded down" }),
        deductionRate: int.nullable(),
        notes: z.array(rateNote),
      }),
    ),
  })
  .openapi("SesRateSuggestions");

/** At most this many contracts in one bulk request (a sheet of rows). */
export const MAX_BULK_CONTRACTS = 200;

export const bulkContractsBodySchema = z
  .strictObject({
    rows: z
      .array(newContractSchema)
      .min(1)
      .max(MAX_BULK_CONTRACTS)
      .openapi({ description: "each row the body of POST /v1/groups/{groupId}/contracts" }),
  })
  .openapi("NewContracts");

export const bulkContractsQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: check every row, create nothing (answers 200)" }),
});

export const bulkContractRowSchema = z
  .object({
    index: int.openapi({ description: "the row's index in `rows`" }),
    contract: contractSchema.nullable().openapi({ description: "null on a dry run" }),
    order: orderSchema.nullable().openapi({ description: "its draft purchase order" }),
    warnings: z.array(issueSchema),
  })
  .openapi("BulkContractRow");

export const bulkContractsSchema = z
  .object({ dryRun: z.boolean(), rows: z.array(bulkContractRowSchema) })
  .openapi("BulkContracts");
