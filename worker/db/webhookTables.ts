import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { companies, users } from "./accountTables";
import { createdAt, id, time } from "./columns";

// ── Webhooks (issue 15) ──────────────────────────────────────────────────────────────────

/** An integrator's endpoint: the events it wants, signed with its own secret. */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    /** `whsec_` + base64: needed to sign, so kept (never answered after creation). */
    secret: text("secret").notNull(),
    /** After a rotation the old secret signs too until this time, so receivers can switch. */
    previousSecret: text("previous_secret"),
    previousSecretUntil: time("previous_secret_until"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    disabledAt: time("disabled_at"),
  },
  (t) => [index("webhook_endpoints_company").on(t.companyId)],
);

/** One event for one endpoint: tried until delivered or out of attempts. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    companyId: text("company_id").notNull(),
    /** The `webhook-id` header: the same on every attempt, so receivers can drop repeats. */
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: time("next_attempt_at"),
    createdAt: createdAt(),
    deliveredAt: time("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint").on(t.endpointId, t.createdAt),
  ],
);

/** Every attempt and what the endpoint answered (its first KiB). */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    attemptedAt: time("attempted_at").notNull(),
    statusCode: integer("status_code"),
    responseBody: text("response_body"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("webhook_attempts_delivery").on(t.deliveryId, t.attemptedAt)],
);
