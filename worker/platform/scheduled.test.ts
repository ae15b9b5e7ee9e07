import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { historyEvents, purchaseOrders } from "../db/schema";
import { resolveDeps } from "../deps";
import { TEST_HISTORY_KEY, testApp } from "../testing/app";
import { approvedContract } from "../testing/contracts";
import { runScheduledJobs } from "./scheduled";

describe("scheduled jobs", () => {
  it("expire orders still under review once their contract has ended, once", async () => {
    const t = await testApp();
    const { owner, contractId } = await approvedContract(t);
    // A change of conditions makes a second order, sent but never answered.
    const change = await t.call("POST", `/v1/contracts/${contractId}/conditions`, {
      token: owner,
      body: {
        effectiveFrom: "2025-09",
        costCategories: [{ id: "dev", type: "hourly", unitPrice: 6000 }],
      },
    });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    await t.call("POST", `/v1/orders/${change.body.id}/send`, { token: owner });

    const deps = resolveDeps({
      db: t.db,
      now: () => t.clock.now,
      config: { historyKey: TEST_HISTORY_KEY },
    });
    expect(await runScheduledJobs(deps)).toMatchObject({ expiredOrders: 0, acceptedNotices: 0 });
    t.clock.now = new Date("2025-09-25T15:00:00Z"); // the day after the end date, JST
    expect(await runScheduledJobs(deps)).toMatchObject({ expiredOrders: 1, acceptedNotices: 0 });
    expect(await runScheduledJobs(deps)).toMatchObject({ expiredOrders: 0, acceptedNotices: 0 });

    const [order] = await t.db
      .select()
      .from(purchaseOrders)
      .where(eq(purchaseOrders.id, change.body.id));
    expect(order?.status).toBe("expired");
    const events = await t.db
      .select()
      .from(historyEvents)
      .where(eq(historyEvents.documentId, change.body.id));
    expect(events.map((e) => [e.event, e.actorName])).toEqual([
      ["sent", "山田 太郎"],
      ["expired", "system"],
    ]);
  });
});
