import { describe, expect, it } from "vitest";
import { invoices, workEntries } from "../db/schema";
import { snapshot, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";

// A month is invoiced once it has closed: before its closing date in Japan the hours are not
// final, and submitting is refused with the reason; from the closing date on it goes through.

describe("an invoice for a month that has not closed yet", () => {
  it("is refused until the closing date in Japan, then submitted", async () => {
    const t = await testApp();
    const ctx = await approvedContract(t); // closing day 25: 2025-08 closes on 2025-08-25
    await t.db.insert(workEntries).values({
      contractId: ctx.contractId,
      workingMonth: "2025-08",
      date: "2025-08-01",
      costCategoryId: "ses",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    });
    // 23:30 on 2025-08-24 in Tokyo (14:30 UTC): the day before the closing date.
    t.clock.now = new Date("2025-08-24T14:30:00Z");
    const partner = await signIn(t, "partner@demo.shimebi.test");
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: partner,
      body: {},
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const submit = (language: string) =>
      t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
        token: partner,
        body: { confirmMonth: "2025-08" },
        headers: { "accept-language": language },
      });
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
