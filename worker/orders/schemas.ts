import { z } from "@hono/zod-openapi";
import { ORDER_STATUSES } from "../../shared";
import { approvalSchema } from "../approvals/schemas";

/** A purchase order (発注書) as the step routes answer it: `serializeOrder`. */
export const orderSchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    number: z.string().openapi({ example: "PO-000001" }),
    status: z.enum(ORDER_STATUSES),
    subject: z.string(),
    remarks: z.string(),
    hideRangeTerms: z.boolean(),
    revision: z.number().int(),
    contentHash: z.string().nullable(),
    sentAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    confirmation: z.record(z.string(), z.unknown()).nullable(),
    approval: approvalSchema,
    createdAt: z.string(),
  })
  .openapi("PurchaseOrder");
