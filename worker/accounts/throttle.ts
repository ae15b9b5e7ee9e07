import type { AccountEvent } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { claim, type ThrottlePolicy } from "./loginThrottle";

// Account recovery throttled by the sign-in throttle's claims (`loginThrottle.ts`: one
// conditional upsert per attempt, so parallel requests cannot slip past a count read earlier),
// under a key per action and address or user.

const MINUTE_MS = 60_000;
const SLOW: ThrottlePolicy = { free: 3, firstDelayMs: 15 * MINUTE_MS, maxDelayMs: 60 * MINUTE_MS };

/**
 * A reset is counted per address, known or not (so a refusal tells nothing), the rest per
 * user: enough for a person who mistypes, too few to flood a mailbox.
 */
export const ACCOUNT_POLICIES: Record<AccountEvent, ThrottlePolicy> = {
  passwordResetRequested: SLOW,
  passwordReset: SLOW,
  emailChangeRequested: SLOW,
  emailChanged: SLOW,
  signedOutEverywhere: { free: 10, firstDelayMs: MINUTE_MS, maxDelayMs: 15 * MINUTE_MS },
};

export const accountKey = (event: AccountEvent, who: { email: string } | { userId: string }) =>
  `account:${event}:${"email" in who ? who.email : who.userId}`;

/** Claims one attempt of an account action: 429 with Retry-After when it must wait. */
export async function assertAccountActionAllowed(
  deps: Pick<Deps, "db" | "now">,
  event: AccountEvent,
  who: { email: string } | { userId: string },
): Promise<void> {
  const { waitMs } = await claim(
    deps.db,
    accountKey(event, who),
    ACCOUNT_POLICIES[event],
    deps.now().getTime(),
  );
  if (waitMs <= 0) return;
  const minutes = Math.ceil(waitMs / MINUTE_MS);
  const error = new ApiError(
    429,
    "too_many_attempts",
    `Too many attempts: try again in ${minutes} minutes`,
    [],
    `試行回数が多すぎます。${minutes}分後にもう一度お試しください`,
  );
  error.headers = { "retry-after": String(Math.ceil(waitMs / 1000)) };
  throw error;
}
