import { describe, expect, it } from "vitest";
import { workEntries } from "../db/schema";
import { testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";

// Issues answer in the caller's language: a month invoiced after its terms' date gets no due
// date by default, and submitting it without one names the field in Japanese to `ja`.

describe("the issues of an invoice submitted without a due date", () => {
  it("are given in Japanese to Japanese callers and in English to others", async () => {
    const t = await testApp();
    const ctx = await approvedContract(t);
    await t.db.insert(workEntries).values({
      contractId: ctx.contractId,
      workingMonth: "2025-08",
      date: "2025-08-01",
      costCategoryId: "ses",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    });
    // Long after the terms' date of 2025-08: the draft has no due date.
    t.clock.now = new Date("2026-01-15T03:00:00Z");
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
    const dueDateIssue = (body: { error: { issues: { path: string; message: string }[] } }) =>
      body.error.issues.find((i) => i.path === "dueDate")?.message;
    const ja = await submit("ja");
    expect(ja.status, JSON.stringify(ja.body)).toBe(422);
    expect(dueDateIssue(ja.body)).toBe("支払期日を選んでください");
    const en = await submit("en");
    expect(en.status).toBe(422);
    expect(dueDateIssue(en.body)).toBe("Choose a due date");
  });
});
