import type { Deps } from "../deps";
import { expireOverdueOrders } from "../orders/service";
import { acceptOverdueNotices } from "../paymentNotices/service";

/**
 * Work that happens because time passes, not because someone asked: run by the Worker's cron
 * trigger and by a timer in `npm start`. Each job is idempotent, so overlapping runs are safe.
 */
export async function runScheduledJobs(
  deps: Pick<Deps, "db" | "now"> & Partial<Pick<Deps, "mail" | "config">>,
) {
  const expiredOrders = await expireOverdueOrders(deps);
  const acceptedNotices = await acceptOverdueNotices(deps);
  return { expiredOrders, acceptedNotices };
}
