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

describe("a month whose figures cannot be computed", () => {
  it("says why in Japanese to Japanese callers, keeping the engine's words", async () => {
    const t = await testApp();
    const { contractId, partner } = await augustDraft(t, new Date("2025-09-02T03:00:00Z"));
    const huge = (language: string) =>
      t.call("PUT", `/v1/contracts/${contractId}/months/2025-08/invoice`, {
        token: partner,
        body: { extraItems: [{ name: "調整", amount: Number.MAX_SAFE_INTEGER }] },
        headers: { "accept-language": language },
      });
    const ja = await huge("ja");
    expect(ja.status).toBe(422);
    expect(ja.body.error.message).toBe("この月の金額を計算できません");
    expect(ja.body.error.issues).toEqual([
      {
        path: "",
        code: "amount_too_large",
        message:
          "請求金額の合計が大きすぎて正確に計算できません。単価・追加項目・立替経費を確認してください",
      },
    ]);
    const en = await huge("en");
    expect(en.body.error.issues[0].message).toMatch(/^The invoice's total is too large/);
  });
});
