import { describe, expect, it } from "vitest";
import { invoices } from "../db/schema";
import { snapshot, testApp } from "../testing/app";
import { augustDraft } from "../testing/contracts";

// A month is invoiced once it has closed: before its closing date in Japan the hours are not
// final, and submitting is refused with the reason; from the closing date on it goes through.

describe("an invoice for a month that has not closed yet", () => {
  it("is refused until the closing date in Japan, then submitted", async () => {
    const t = await testApp();
    // Closing day 25: 2025-08 closes on 2025-08-25. 23:30 on 2025-08-24 in Tokyo (14:30 UTC).
    const { submit } = await augustDraft(t, new Date("2025-08-24T14:30:00Z"));
    const before = await snapshot(t.db);
    const ja = await submit("ja");
    expect(ja.status).toBe(422);
    expect(ja.body.error.code).toBe("month_not_closed");
    expect(ja.body.error.message).toBe(
      "2025年8月の稼働月は2025年8月25日に締まります。請求書はその日から提出できます",
    );
    expect(ja.body.error.issues[0].path).toBe("workingMonth");
    const en = await submit("en");
    expect(en.body.error.message).toBe(
      "The working month 2025-08 closes on 2025-08-25: submit its invoice from that day on",
    );
    expect(await snapshot(t.db)).toEqual(before);
    const [row] = await t.db.select().from(invoices);
    expect(row?.status).toBe("draft");

    // 00:30 on the closing date in Tokyo (15:30 UTC the day before).
    t.clock.now = new Date("2025-08-24T15:30:00Z");
    const res = await submit("ja");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe("underReview");
  });
});
