import { describe, expect, it } from "vitest";
import { testApp } from "../testing/app";
import { augustDraft } from "../testing/contracts";

// Issues answer in the caller's language: a month invoiced after its terms' date gets no due
// date by default, and submitting it without one names the field in Japanese to `ja`.

describe("the issues of an invoice submitted without a due date", () => {
  it("are given in Japanese to Japanese callers and in English to others", async () => {
    const t = await testApp();
    // Long after the terms' date of 2025-08: the draft has no due date.
    const { submit } = await augustDraft(t, new Date("2026-01-15T03:00:00Z"));
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
