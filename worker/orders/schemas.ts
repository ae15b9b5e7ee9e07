import { z } from "@hono/zod-openapi";
import { ORDER_STATUSES } from "../../shared";
import { approvalSchema } from "../approvals/schemas";
import { contracts } from "../db/schema";
import { instant, int, isoDate, yearMonth, yen } from "../http/schemas";

// What the API answers about a purchase order (発注書). The types the services store in the
// order's JSON columns are inferred from these, so the answer and the row cannot disagree.

const orderLine = z.object({
  costCategoryId: z.string(),
  name: z.string().openapi({ description: "費目: the category's name, or its id" }),
  type: z.enum(["hourly", "quantity", "monthly", "monthlyRange"]),
  unitPrice: yen,
  quantity: int.nullable().openapi({ description: "1 for monthly types; null when set by work" }),
  months: int.openapi({ description: "発注月数" }),
  amount: yen.nullable().openapi({ description: "null when set by the work" }),
});

const monthTermsRow = z.object({
  month: yearMonth,
  monthlyFee: yen,
  lowerHours: z.number(),
  upperHours: z.number(),
});

/** 発注書の内容: what the partner reviews, frozen into the order when it is sent. */
export const orderDocumentSchema = z
  .object({
    number: z.string(),
    subject: z.string(),
    issuedOn: isoDate,
    company: z
      .object({
        id: z.string(),
        name: z.string(),
        address: z.string().optional(),
        phone: z.string().optional(),
      })
      .openapi({ description: "発注者, with its address and phone (absent on older orders)" }),
    partner: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      kind: z.enum(["individual", "corporation"]).optional(),
    }),
    contractType: z.enum(contracts.contractType.enumValues),
    contractTypeLabel: z.string().openapi({ example: "準委任契約" }),
    scope: z.string(),
    period: z.object({ start: isoDate, end: isoDate }),
    deliverables: z.string(),
    workPlace: z.string(),
    closingDay: int,
    paymentTerms: z.object({ monthsAfter: int, day: int }).openapi({ description: "支払条件" }),
    paymentDeadline: z.string().openapi({ example: "末日締め 翌月末払い（初回 2025-09-30）" }),
    billingMode: z.enum(contracts.billingMode.enumValues),
    workingMonths: z.array(yearMonth),
    conditionVersion: int,
    lines: z.array(orderLine),
    totalAmount: yen.openapi({ description: "合計（税抜）of the fixed lines" }),
    remarks: z.array(z.string()).openapi({ description: "備考, one string per printed line" }),
    monthTable: z.array(monthTermsRow).nullable(),
  })
  .openapi("PurchaseOrderDocument");
export type OrderDocument = z.infer<typeof orderDocumentSchema>;

/** 発注請書: the partner's details as approved. */
export const orderConfirmationSchema = z
  .object({
    fullName: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    bankAccount: z
      .object({
        kind: z.enum(["domestic", "overseas"]),
        bankName: z.string(),
        branchName: z.string(),
        accountType: z.enum(["ordinary", "checking", "savings"]).nullable(),
        accountNumber: z.string(),
        holderName: z.string(),
      })
      .optional(),
    approvedAt: instant,
  })
  .openapi("OrderConfirmation");
export type OrderConfirmation = z.infer<typeof orderConfirmationSchema>;

export const orderSchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    number: z.string().openapi({ example: "PO-000001" }),
    status: z.enum(ORDER_STATUSES),
    subject: z.string(),
    remarks: z.string().openapi({ description: "the company's own remarks" }),
    hideRangeTerms: z.boolean(),
    revision: int,
    contentHash: z.string().nullable().openapi({ description: "SHA-256 of the sent document" }),
    sentAt: instant.nullable(),
    decidedAt: instant.nullable(),
    returnReason: z.string().nullable(),
    confirmation: orderConfirmationSchema.nullable(),
    approval: approvalSchema,
    createdAt: instant,
  })
  .openapi("PurchaseOrder");
export type OrderBody = z.infer<typeof orderSchema>;

export const orderDetailSchema = orderSchema
  .extend({ document: orderDocumentSchema })
  .openapi("PurchaseOrderDetail");
