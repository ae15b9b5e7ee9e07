import { and, asc, eq, lte } from "drizzle-orm";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../db/schema";
import type { Deps } from "../deps";
import { signedHeaders } from "./signing";

/**
 * Waits after each failed attempt, as Standard Webhooks recommends: the first retry within
 * seconds, the last about a day after the event. A delivery out of attempts is "failed" and
 * can be sent again by hand (redeliver).
 */
export const RETRY_DELAYS_MS = [
  5e3,
  5 * 60e3,
  30 * 60e3,
  2 * 3600e3,
  5 * 3600e3,
  10 * 3600e3,
  10 * 3600e3,
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** How long an attempt holds its delivery, so overlapping runs never send it twice at once. */
const LEASE_MS = 60e3;
const TIMEOUT_MS = 10e3;
const KEPT_RESPONSE_BYTES = 1024;

type DeliveryDeps = Pick<Deps, "db" | "now" | "fetch">;

/** Sends every delivery that is due, oldest first; answers how many went out and how. */
export async function deliverDueWebhooks(deps: DeliveryDeps, options: { limit?: number } = {}) {
  const due = await deps.db
    .select({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, deps.now()),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(options.limit ?? 100);
  const result = { succeeded: 0, retrying: 0, failed: 0 };
  for (const delivery of due) {
    const outcome = await attempt(deps, delivery.id, delivery.attempts);
    if (outcome) result[outcome]++;
  }
  return result;
}

async function attempt(deps: DeliveryDeps, deliveryId: string, attemptsBefore: number) {
  // Claim: only the run that moves the counter sends this attempt.
  const [claimed] = await deps.db
    .update(webhookDeliveries)
    .set({ attempts: attemptsBefore + 1, nextAttemptAt: new Date(deps.now().getTime() + LEASE_MS) })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.attempts, attemptsBefore),
        eq(webhookDeliveries.status, "pending"),
      ),
    )
    .returning();
  if (!claimed) return undefined;
  const [endpoint] = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, claimed.endpointId));
  if (!endpoint || endpoint.disabledAt) {
    await deps.db
      .update(webhookDeliveries)
      .set({ status: "failed", nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    return "failed" as const;
  }
  const now = deps.now();
  const secrets = [endpoint.secret];
  if (
    endpoint.previousSecret &&
    endpoint.previousSecretUntil &&
    endpoint.previousSecretUntil > now
  ) {
    secrets.push(endpoint.previousSecret);
  }
  const started = Date.now();
  let statusCode: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  try {
    const response = await deps.fetch(endpoint.url, {
      method: "POST",
      headers: signedHeaders(secrets, claimed.messageId, now, claimed.payload),
      body: claimed.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    statusCode = response.status;
    responseBody = await firstBytes(response, KEPT_RESPONSE_BYTES);
  } catch (cause) {
    error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  }
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  await deps.db.insert(webhookAttempts).values({
    deliveryId,
    attemptedAt: now,
    statusCode,
    responseBody,
    error: error ?? (ok ? null : `HTTP ${statusCode}`),
    durationMs: Date.now() - started,
  });
  const attempts = claimed.attempts;
  const outcome = ok ? "succeeded" : attempts >= MAX_ATTEMPTS ? "failed" : "retrying";
  const delay = RETRY_DELAYS_MS[attempts - 1] ?? 0;
  await deps.db
    .update(webhookDeliveries)
    .set(
      outcome === "succeeded"
        ? { status: "succeeded", nextAttemptAt: null, deliveredAt: now }
        : outcome === "failed"
          ? { status: "failed", nextAttemptAt: null }
          : { nextAttemptAt: new Date(now.getTime() + delay) },
    )
    .where(eq(webhookDeliveries.id, deliveryId));
  return outcome;
}

/** The start of a response body, reading no further than that. */
async function firstBytes(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
    if (offset >= bytes.length) break;
  }
  return new TextDecoder().decode(bytes);
}
