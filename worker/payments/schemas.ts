import { z } from "@hono/zod-openapi";
import { companyIdParam } from "../companies/schemas";
import { issueSchema, yen } from "../http/schemas";

export const runParams = companyIdParam.extend({
  runId: z.string().openapi({ param: { name: "runId", in: "path" } }),
});
export const itemParams = runParams.extend({
  itemId: z.string().openapi({ param: { name: "itemId", in: "path" } }),
});

export const newRunSchema = z
  .strictObject({
    paymentDate: z.string().openapi({ example: "2026-01-30", description: "A bank business day" }),
  })
  .openapi("NewPaymentRun");

export const failedItemSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(500).openapi({ example: "口座なし" }) })
  .openapi("FailedTransfer");

const itemSchema = z.object({
  id: z.string(),
  invoiceId: z.string(),
  kind: z.enum(["invoice", "paymentNotice"]),
  number: z.string().nullable(),
  month: z.string(),
  dueDate: z.string().nullable(),
  partnerName: z.string(),
  amount: yen.openapi({ description: "支払額: total - withholding + expenses" }),
  status: z.enum(["pending", "paid", "failed"]),
  failureReason: z.string().nullable(),
  channel: z.enum(["domestic", "overseas"]),
  problems: z.array(issueSchema),
  holderName: z.string().nullable(),
});

export const runSchema = z
  .object({
    id: z.string(),
    paymentDate: z.string(),
    status: z.enum(["open", "paid"]),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
    items: z.array(itemSchema),
    transfer: z.object({ count: z.number().int(), total: yen }),
    overseas: z.array(itemSchema),
    problems: z.array(issueSchema),
  })
  .openapi("PaymentRun");

export const runSummarySchema = z
  .object({
    id: z.string(),
    paymentDate: z.string(),
    status: z.enum(["open", "paid"]),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("PaymentRunSummary");

export const paymentItemSchema = z
  .object({
    id: z.string(),
    status: z.enum(["pending", "paid", "failed"]),
    failureReason: z.string().nullable(),
    amount: yen,
  })
  .openapi("PaymentItem");
