import { and, eq } from "drizzle-orm";
import { idempotencyKeys } from "../db/schema";
import type { Deps } from "../deps";

// Idempotency-Key (as Stripe and the IETF draft use it): a client that retries a request it
// never saw answered, or a double click, gets the first answer again instead of a second
// action. Keys are scoped to the user and the concrete route (with its ids), so the same key
// on another invoice is another request.

export type StoredResponse<Body = unknown> = { status: number; body: Body };

export type IdempotencyScope = { key: string | undefined; userId: string; route: string };

/**
 * Runs `action` once per key: a repeat answers the stored status and body. Only successes are
 * stored: a refusal (422, 409) changed nothing, so running it again is harmless and lets the
 * client correct the input and retry under the same key.
 */
export async function withIdempotency<Body>(
  deps: Pick<Deps, "db" | "now">,
  scope: IdempotencyScope,
  action: () => Promise<StoredResponse<Body>>,
): Promise<StoredResponse<Body>> {
  if (!scope.key) return action();
  const where = and(
    eq(idempotencyKeys.userId, scope.userId),
    eq(idempotencyKeys.route, scope.route),
    eq(idempotencyKeys.key, scope.key),
  );
  // A stored body is one this route answered before: the same type, read back from JSON.
  const replay = (row: { status: number; response: string }) => ({
    status: row.status,
    body: JSON.parse(row.response) as Body,
  });
  const [seen] = await deps.db.select().from(idempotencyKeys).where(where);
  if (seen) return replay(seen);
  const result = await action();
  if (result.status >= 200 && result.status < 300) {
    // A concurrent twin may have stored first; its answer is the one that counts.
    await deps.db
      .insert(idempotencyKeys)
      .values({
        key: scope.key,
        userId: scope.userId,
        route: scope.route,
        status: result.status,
        response: JSON.stringify(result.body),
        createdAt: deps.now(),
      })
      .onConflictDoNothing();
    const [stored] = await deps.db.select().from(idempotencyKeys).where(where);
    if (stored) return replay(stored);
  }
  return result;
}
