import { and, count, eq, gt } from "drizzle-orm";
import { type AccountEvent, accountEvents } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";

// How often an account action may be tried: a number of attempts in a sliding window, counted
// from rows the action writes anyway (sign-in attempts, the account audit trail).

export type Throttle = { limit: number; windowMs: number };

const MINUTE_MS = 60_000;

/** Failed sign-ins per address. */
export const LOGIN_THROTTLE: Throttle = { limit: 5, windowMs: 15 * MINUTE_MS };

/**
 * Per address for a reset asked for (known or not, so a refusal tells nothing), per user for
 * the rest: enough for a person who mistypes, too few to flood a mailbox.
 */
export const ACCOUNT_THROTTLES: Record<AccountEvent, Throttle> = {
  passwordResetRequested: { limit: 3, windowMs: 60 * MINUTE_MS },
  passwordReset: { limit: 3, windowMs: 60 * MINUTE_MS },
  emailChangeRequested: { limit: 3, windowMs: 60 * MINUTE_MS },
  emailChanged: { limit: 3, windowMs: 24 * 60 * MINUTE_MS },
  signedOutEverywhere: { limit: 10, windowMs: 60 * MINUTE_MS },
};

/** The start of the window that ends now. */
export const windowStart = (deps: Pick<Deps, "now">, throttle: Throttle) =>
  new Date(deps.now().getTime() - throttle.windowMs);

/** 429 once `attempts` reached the limit: the same words whatever was throttled. */
export function assertUnderLimit(attempts: number, throttle: Throttle): void {
  if (attempts < throttle.limit) return;
  const minutes = Math.ceil(throttle.windowMs / MINUTE_MS);
  throw new ApiError(
    429,
    "too_many_attempts",
    `Too many attempts: wait ${minutes} minutes and try again`,
    [],
    `試行回数が多すぎます。${minutes}分待ってからもう一度お試しください`,
  );
}

/** Throttles an account action by its own audit rows, for an address or a user. */
export async function assertAccountActionAllowed(
  deps: Pick<Deps, "db" | "now">,
  event: AccountEvent,
  who: { email: string } | { userId: string },
): Promise<void> {
  const throttle = ACCOUNT_THROTTLES[event];
  const subject =
    "email" in who ? eq(accountEvents.email, who.email) : eq(accountEvents.userId, who.userId);
  const [row] = await deps.db
    .select({ n: count() })
    .from(accountEvents)
    .where(
      and(
        subject,
        eq(accountEvents.event, event),
        gt(accountEvents.createdAt, windowStart(deps, throttle)),
      ),
    );
  assertUnderLimit(row?.n ?? 0, throttle);
}
