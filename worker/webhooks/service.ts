import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { noteQueued } from "./afterResponse";
import { type WebhookEvent, webhookEventFor } from "./events";
import { newWebhookSecret } from "./signing";
import { checkWebhookUrl } from "./urls";

/** How long the secret before a rotation still signs, so receivers can switch without loss. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

type Endpoint = typeof webhookEndpoints.$inferSelect;

export type NewEndpoint = { url: string; events: WebhookEvent[]; description?: string };

function publicEndpoint(row: Endpoint) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEvent[],
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    secretRotatedUntil: row.previousSecretUntil?.toISOString() ?? null,
  };
}

export async function createEndpoint(
  deps: Pick<Deps, "db" | "config">,
  companyId: string,
  userId: string,
  input: NewEndpoint,
) {
  const url = checkWebhookUrl(input.url, { allowLocal: deps.config.allowLocalWebhooks });
  const secret = newWebhookSecret();
  const [row] = await deps.db
    .insert(webhookEndpoints)
    .values({
      companyId,
      url: url.toString(),
      description: input.description ?? "",
      events: [...new Set(input.events)],
      secret,
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error("endpoint not stored");
  return { ...publicEndpoint(row), secret };
}

export async function listEndpoints(db: Db, companyId: string) {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.companyId, companyId))
    .orderBy(desc(webhookEndpoints.createdAt));
  return rows.map(publicEndpoint);
}

async function endpointOf(db: Db, companyId: string, endpointId: string) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.companyId, companyId)));
  if (!row) {
    throw new ApiError(
      404,
      "not_found",
      "No such webhook endpoint",
      [],
      "この Webhook エンドポイントはありません",
    );
  }
  return row;
}

/** Stops deliveries to the endpoint; its record and deliveries stay. */
export async function disableEndpoint(
  deps: Pick<Deps, "db" | "now">,
  companyId: string,
  endpointId: string,
) {
  const row = await endpointOf(deps.db, companyId, endpointId);
  if (row.disabledAt) return publicEndpoint(row);
  const [updated] = await deps.db
    .update(webhookEndpoints)
    .set({ disabledAt: deps.now() })
    .where(eq(webhookEndpoints.id, row.id))
    .returning();
  await deps.db
    .update(webhookDeliveries)
    .set({ status: "failed", nextAttemptAt: null })
    .where(and(eq(webhookDeliveries.endpointId, row.id), eq(webhookDeliveries.status, "pending")));
  return publicEndpoint(updated ?? row);
}

/** A new secret, answered once; the old one keeps signing for a day beside it. */
export async function rotateSecret(
  deps: Pick<Deps, "db" | "now">,
  companyId: string,
  endpointId: string,
) {
  const row = await endpointOf(deps.db, companyId, endpointId);
  if (row.disabledAt) {
    throw new ApiError(
      409,
      "webhook_disabled",
      "The endpoint is disabled",
      [],
      "このエンドポイントは無効です",
    );
  }
  const secret = newWebhookSecret();
  const [updated] = await deps.db
    .update(webhookEndpoints)
    .set({
      secret,
      previousSecret: row.secret,
      previousSecretUntil: new Date(deps.now().getTime() + ROTATION_OVERLAP_MS),
    })
    .where(eq(webhookEndpoints.id, row.id))
    .returning();
  return { ...publicEndpoint(updated ?? row), secret };
}

export async function listDeliveries(db: Db, companyId: string, endpointId: string, limit = 50) {
  const endpoint = await endpointOf(db, companyId, endpointId);
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpoint.id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
  const attempts = deliveries.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            deliveries.map((d) => d.id),
          ),
        )
        .orderBy(webhookAttempts.attemptedAt)
    : [];
  return deliveries.map((d) => ({
    id: d.id,
    messageId: d.messageId,
    eventType: d.eventType as WebhookEvent,
    status: d.status,
    attempts: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attemptedAt: a.attemptedAt.toISOString(),
        statusCode: a.statusCode,
        responseBody: a.responseBody,
        error: a.error,
        durationMs: a.durationMs,
      })),
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    payload: JSON.parse(d.payload) as {
      type: WebhookEvent;
      timestamp: string;
      data: Record<string, string | number>;
    },
  }));
}

/** Sends a delivery again now, with the same `webhook-id` (receivers may already hold it). */
export async function redeliver(
  deps: Pick<Deps, "db" | "now">,
  companyId: string,
  endpointId: string,
  deliveryId: string,
) {
  const endpoint = await endpointOf(deps.db, companyId, endpointId);
  if (endpoint.disabledAt) {
    throw new ApiError(
      409,
      "webhook_disabled",
      "The endpoint is disabled",
      [],
      "このエンドポイントは無効です",
    );
  }
  const [row] = await deps.db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: deps.now(), attempts: 0 })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpoint.id)))
    .returning();
  if (!row) {
    throw new ApiError(
      404,
      "not_found",
      "No such delivery of this endpoint",
      [],
      "このエンドポイントの配信はありません",
    );
  }
  return { id: row.id, status: row.status };
}

export type HistoryRowForWebhook = {
  seq?: number;
  companyId: string;
  documentType: string;
  documentId: string;
  documentNumber: string;
  event: string;
  actorName: string;
  occurredAt: string;
  transactionDate: string;
  amount: number;
  counterparty: string;
  hash: string;
};

/**
 * Queues the event a history row raises for every endpoint of the company that wants it. Runs
 * inside the transaction that appends the row: the event is queued exactly when the change
 * lands. Delivery happens later, never in the request.
 */
export async function enqueueWebhooks(
  db: Pick<Db, "select" | "insert">,
  row: HistoryRowForWebhook,
) {
  const type = webhookEventFor(row.documentType, row.event);
  if (!type) return;
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.companyId, row.companyId), isNull(webhookEndpoints.disabledAt)));
  const wanting = endpoints.filter((e) => (e.events as string[]).includes(type));
  if (wanting.length === 0) return;
  const messageId = `msg_${crypto.randomUUID()}`;
  const payload = JSON.stringify({
    type,
    timestamp: row.occurredAt,
    data: {
      companyId: row.companyId,
      documentType: row.documentType,
      documentId: row.documentId,
      documentNumber: row.documentNumber,
      event: row.event,
      actor: row.actorName,
      transactionDate: row.transactionDate,
      amount: row.amount,
      counterparty: row.counterparty,
      historyHash: row.hash,
    },
  });
  await db.insert(webhookDeliveries).values(
    wanting.map((endpoint) => ({
      endpointId: endpoint.id,
      companyId: row.companyId,
      messageId: wanting.length === 1 ? messageId : `${messageId}_${endpoint.id.slice(0, 8)}`,
      eventType: type,
      payload,
      nextAttemptAt: new Date(row.occurredAt),
    })),
  );
  noteQueued();
}
