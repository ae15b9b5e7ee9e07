import { z } from "@hono/zod-openapi";
import { words } from "../http/zodWords";

// The history's receipt (its signed head) and the verdict of /history/verify.

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, "64 hexadecimal digits");

export const receiptSchema = z
  .object({
    sequence: z.number().int().openapi({ description: "The last row's sequence number" }),
    events: z.number().int().openapi({ description: "How many events lead to it" }),
    hash: z.string().openapi({ description: "The last row's hash" }),
    signature: z.string().openapi({
      description: "HMAC-SHA256 under HISTORY_KEY over the company, sequence, events and hash",
    }),
  })
  .openapi("HistoryReceipt");

/** A receipt given back to verify, as query parameters: all four or none. */
export const receiptQuery = z
  .object({
    sequence: z.coerce.number().int().min(0).optional(),
    events: z.coerce.number().int().min(0).optional(),
    hash: hex64.optional(),
    signature: hex64.optional(),
  })
  .refine(
    (q) =>
      [q.sequence, q.events, q.hash, q.signature].every((v) => v === undefined) ||
      [q.sequence, q.events, q.hash, q.signature].every((v) => v !== undefined),
    {
      message: words(
        "Give all of sequence, events, hash and signature of a receipt, or none",
        "受領記録の sequence・events・hash・signature はすべて指定するか、すべて省いてください",
      ),
      path: ["signature"],
    },
  );

export const verdictSchema = z
  .object({
    valid: z.boolean(),
    events: z.number().int(),
    breaks: z.array(
      z.object({
        seq: z.number().int(),
        documentNumber: z.string(),
        event: z.string(),
        reason: z.string(),
      }),
    ),
    receipt: z
      .object({ sequence: z.number().int(), matches: z.boolean(), reason: z.string().nullable() })
      .nullable()
      .openapi({ description: "The check against the receipt given, if one was" }),
    head: receiptSchema.openapi({ description: "The current head: the receipt to keep next" }),
  })
  .openapi("HistoryVerdict");
