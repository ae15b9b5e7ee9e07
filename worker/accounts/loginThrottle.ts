import { and, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { loginThrottle } from "../db/schema";
import { ApiError } from "../http/errors";

// Sign-in throttling that slows guessing down without locking the owner out.
//
// Two keys per attempt: the address from this client (email + IP), which an attacker
// exhausts quickly, and the address alone, which bounds an attacker who spreads over many
// clients and only ever slows down by a minute. After the free failures each further one
// doubles the wait; a right password is checked as soon as the wait is over, and resets both.
// Each attempt claims its keys with one conditional upsert that counts it as a failure in
// advance, so twenty parallel guesses are twenty claims in order: the first few are checked,
// the rest answered 429 with Retry-After, never all checked against a count read earlier.

export type ThrottlePolicy = { free: number; firstDelayMs: number; maxDelayMs: number };

export const CLIENT_POLICY: ThrottlePolicy = {
  free: 5,
  firstDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
};
export const ADDRESS_POLICY: ThrottlePolicy = { free: 20, firstDelayMs: 1_000, maxDelayMs: 60_000 };
/** After this long without an attempt, a key's count starts again. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/** The wait after the failure numbered `failures` (SQL over the new count). */
function delaySql(failures: ReturnType<typeof sql>, policy: ThrottlePolicy) {
  return sql`(case when ${failures} < ${policy.free} then 0 else min(${policy.firstDelayMs} << min(${failures} - ${policy.free}, 30), ${policy.maxDelayMs}) end)`;
}

/**
 * Claims one attempt on `key`: a wait of 0 if it may go ahead now, else the ms to wait. Other
 * account actions throttle through it too, under keys of their own (`throttle.ts`).
 */
export async function claim(db: Db, key: string, policy: ThrottlePolicy, now: number) {
  const quiet = now - THROTTLE_WINDOW_MS;
  const next = sql`(case when ${loginThrottle.lastAt} <= ${quiet} then 1 else ${loginThrottle.failures} + 1 end)`;
  const rows = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, lastAt: now, nextAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: next,
        lastAt: now,
        nextAt: sql`${now} + ${delaySql(next, policy)}`,
      },
      setWhere: sql`${loginThrottle.nextAt} <= ${now}`,
    })
    .returning({ failures: loginThrottle.failures });
  if (rows.length > 0) return { waitMs: 0 };
  const [row] = await db
    .select({ nextAt: loginThrottle.nextAt })
    .from(loginThrottle)
    .where(sql`${loginThrottle.key} = ${key}`);
  return { waitMs: Math.max(1, (row?.nextAt ?? now) - now) };
}

export const clientKey = (email: string, ip: string) => `client:${email}|${ip}`;
export const addressKey = (email: string) => `address:${email}`;

function tooMany(email: string, waitMs: number): ApiError {
  const seconds = Math.ceil(waitMs / 1000);
  const error = new ApiError(
    429,
    "too_many_attempts",
    `Too many failed sign-ins for ${email}: try again in ${seconds} seconds`,
    [],
    `${email} へのサインインの失敗が続いています。${seconds} 秒後にもう一度お試しください`,
  );
  error.headers = { "retry-after": String(seconds) };
  return error;
}

/**
 * Claims this attempt for the address from this client, then for the address: a 429 with
 * Retry-After if either must wait. The first key refused stops the attempt, so a throttled
 * client does not spend the address's allowance.
 */
export async function claimLoginAttempt(db: Db, email: string, ip: string, now: Date) {
  const at = now.getTime();
  const client = await claim(db, clientKey(email, ip), CLIENT_POLICY, at);
  if (client.waitMs > 0) throw tooMany(email, client.waitMs);
  const address = await claim(db, addressKey(email), ADDRESS_POLICY, at);
  if (address.waitMs > 0) throw tooMany(email, address.waitMs);
}

/** A right password: the failures counted against this address are forgiven. */
export async function clearLoginFailures(db: Db, email: string, ip: string) {
  await db
    .delete(loginThrottle)
    .where(inArray(loginThrottle.key, [clientKey(email, ip), addressKey(email)]));
}

/** Keys quiet for a whole window count nothing any more: the scheduled job drops them. */
export async function pruneLoginThrottle(deps: { db: Db; now: () => Date }): Promise<number> {
  const now = deps.now().getTime();
  const dropped = await deps.db
    .delete(loginThrottle)
    .where(and(lte(loginThrottle.lastAt, now - THROTTLE_WINDOW_MS), lte(loginThrottle.nextAt, now)))
    .returning({ key: loginThrottle.key });
  return dropped.length;
}
