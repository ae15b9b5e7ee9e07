import type { MiddlewareHandler } from "hono";
import type { Deps } from "../deps";
import { deliverDueWebhooks } from "./delivery";

// Deliveries queued by a request go out right after its answer, never before it: the request
// only writes the queue (in its own transaction); this sends it, and the scheduled job retries
// what fails.

let queued = 0;
let lastRun: Promise<unknown> = Promise.resolve();

/** Called when deliveries were queued, so the request that queued them sends them after. */
export function noteQueued() {
  queued++;
}

/** The latest run started after a response (tests wait on it). */
export function webhookRunSettled(): Promise<unknown> {
  return lastRun;
}

export function sendQueuedWebhooksAfterResponse(): MiddlewareHandler {
  return async (c, next) => {
    const before = queued;
    await next();
    if (queued === before) return;
    const deps = c.var.deps as Deps;
    const run = deliverDueWebhooks(deps, { limit: 20 }).catch((error) =>
      console.error("webhook delivery failed", error instanceof Error ? error.message : error),
    );
    lastRun = run;
    try {
      c.executionCtx.waitUntil(run);
    } catch {
      // Node has no execution context: the promise simply runs on.
    }
  };
}
