import { pruneLoginThrottle } from "../accounts/loginThrottle";
import { renewEndedContracts } from "../contracts/renewal";
import { type Deps, resolveDeps } from "../deps";
import { expireOverdueOrders } from "../orders/expiry";
import { acceptOverdueNotices } from "../paymentNotices/answers";
import { deliverDueWebhooks } from "../webhooks/delivery";

/**
 * Work that happens because time passes, not because someone asked: run by the Worker's cron
 * trigger and by a timer in `npm start`. Each job is idempotent, so overlapping runs are safe.
 */
export async function runScheduledJobs(
  deps: Pick<Deps, "db" | "now"> & Partial<Pick<Deps, "mail" | "config" | "fetch">>,
) {
  const expiredOrders = await expireOverdueOrders(deps);
  const acceptedNotices = await acceptOverdueNotices(deps);
  const throttleKeysDropped = await pruneLoginThrottle(deps);
  // After expiry: an order left unanswered at the end expires before the contract renews.
  const renewedContracts = await renewEndedContracts(resolveDeps(deps));
  // Last, so the events the jobs above raised go out in the same run.
  const webhooks = await deliverDueWebhooks({ ...deps, fetch: deps.fetch ?? fetch });
  return { expiredOrders, acceptedNotices, throttleKeysDropped, renewedContracts, webhooks };
}
