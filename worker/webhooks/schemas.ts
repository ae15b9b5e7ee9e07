import { z } from "@hono/zod-openapi";
import { companyIdParam } from "../companies/schemas";
import { WEBHOOK_EVENT_TYPES } from "./events";

export const webhookParams = companyIdParam.extend({
  webhookId: z.string().openapi({ param: { name: "webhookId", in: "path" } }),
});
export const deliveryParams = webhookParams.extend({
  deliveryId: z.string().openapi({ param: { name: "deliveryId", in: "path" } }),
});

export const webhookEventSchema = z.enum(WEBHOOK_EVENT_TYPES).openapi("WebhookEvent", {
  description:
    "order.sent / returned / approved, invoice.submitted / returned / approved, paymentNotice.sent / accepted / deemedAccepted (automatic acceptance), paymentRun.paid",
});

export const newWebhookSchema = z
  .strictObject({
    url: z.string().trim().min(1).max(2000).openapi({
      description: "https:// only; never this server or a private network",
      example: "https://example.com/hooks/shimebi",
    }),
    events: z.array(webhookEventSchema).min(1).max(WEBHOOK_EVENT_TYPES.length),
    description: z.string().trim().max(200).optional(),
  })
  .openapi("NewWebhook");

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(webhookEventSchema),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
    secretRotatedUntil: z.string().nullable().openapi({
      description: "Until this time deliveries also carry a signature with the previous secret",
    }),
  })
  .openapi("Webhook");

export const webhookWithSecretSchema = webhookSchema
  .extend({
    secret: z.string().openapi({
      description:
        "The signing secret (whsec_…), shown in this answer only: verify `webhook-signature` with any Standard Webhooks library",
    }),
  })
  .openapi("WebhookWithSecret");

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    messageId: z
      .string()
      .openapi({ description: "The `webhook-id` header, the same on every attempt" }),
    eventType: webhookEventSchema,
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.array(
      z.object({
        attemptedAt: z.string(),
        statusCode: z.number().int().nullable(),
        responseBody: z.string().nullable().openapi({ description: "The first KiB of the answer" }),
        error: z.string().nullable(),
        durationMs: z.number().int(),
      }),
    ),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    payload: z
      .object({
        type: webhookEventSchema,
        timestamp: z.string(),
        data: z.record(z.string(), z.union([z.string(), z.number()])),
      })
      .openapi({ description: "The body sent" }),
  })
  .openapi("WebhookDelivery");
