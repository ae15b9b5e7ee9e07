import { z } from "@hono/zod-openapi";
import { historyEvents } from "../db/schema";
import { instant, int, isoDate, type Same, typesAgree, yen } from "../http/schemas";
import { DOCUMENT_TYPES, HISTORY_EVENTS, type HistoryDetails } from "../platform/historyEvents";

// The history (電子帳簿保存法) as the API answers it: every event of every document, and the
// verdict on its hash chain.

export const historyQuery = z.object({
  documentType: z.enum(DOCUMENT_TYPES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  minAmount: z.coerce.number().int().optional(),
  maxAmount: z.coerce.number().int().optional(),
  counterparty: z.string().max(100).optional(),
});

export const historyDetailsSchema = z
  .object({
    reason: z.string().optional().openapi({ description: "why it was returned or failed" }),
    acceptBy: instant.nullable().optional().openapi({ description: "payment notices: 確認期限" }),
    endDate: isoDate
      .optional()
      .openapi({ description: "an expired order's contract end; a renewal's new end" }),
    previousEndDate: isoDate.optional().openapi({ description: "renewed: the end it replaced" }),
    startDate: isoDate.optional().openapi({ description: "renewed: the renewed period's start" }),
    months: z.array(z.string()).optional().openapi({ description: "renewed: its working months" }),
    paymentRunId: z.string().optional(),
    paymentDate: isoDate.optional(),
    amountPaid: yen.optional(),
    amount: yen.optional(),
    route: z.string().optional().openapi({ description: "承認経路 of the decision" }),
    step: int.optional(),
    stepName: z.string().optional(),
    steps: int.optional(),
  })
  .openapi("HistoryDetails");
typesAgree<Same<HistoryDetails, z.infer<typeof historyDetailsSchema>>>();

export const historyEventSchema = z
  .object({
    seq: int,
    companyId: z.string(),
    documentType: z.enum(DOCUMENT_TYPES),
    documentId: z.string(),
    documentNumber: z.string().openapi({ example: "INV-000001" }),
    event: z.enum(HISTORY_EVENTS),
    actorUserId: z.string().nullable().openapi({ description: "null for the system" }),
    actorName: z.string(),
    occurredAt: instant,
    transactionDate: z.string().openapi({ description: "取引年月日 (YYYY-MM-DD)" }),
    amount: z.number().int().openapi({ description: "取引金額, yen" }),
    counterparty: z.string().openapi({ description: "取引先" }),
    contentHash: z.string().openapi({ description: "SHA-256 of the document as it was" }),
    details: historyDetailsSchema,
    prevHash: z.string(),
    hash: z.string(),
    hashAlgorithm: z.enum(historyEvents.hashAlgorithm.enumValues).openapi({
      description: "hmac-sha256 (keyed) for rows written since the chain was keyed",
    }),
  })
  .openapi("HistoryEvent");
