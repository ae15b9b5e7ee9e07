import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Gas, installGas } from "../testing";
import { API_BASE } from "../testing/fixtures";
import { answering, sentencesOf } from "./answer";
import * as server from "./index";

// The envelope every sidebar call answers: the API's error with its issues, a refusal of the
// add-on's own in the user's language, and for a bug a sentence, never its message or stack.

let gas: Gas & { uninstall(): Promise<void> };

beforeEach(() => {
  gas = installGas({ locale: "ja", identityToken: "token-1" });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
});

afterEach(async () => {
  await gas.uninstall();
});

describe("the envelope", () => {
  it("carries the API's error object and status, issues and all", () => {
    const error = {
      code: "invalid_invoice",
      message: "請求書の入力内容に誤りがあります",
      issues: [{ path: "dueDate", message: "支払期日が過ぎています" }],
    };
    gas.setFetch(() => ({ status: 422, body: { error } }));
    expect(server.saveInvoicePdfToDrive("inv-1")).toEqual({
      ok: false,
      error: { status: 422, ...error },
    });
  });

  it("answers a value as { ok: true, value }", () => {
    gas.setFetch(() => ({ status: 200, body: { unreadCount: 0, items: [] } }));
    expect(server.listNotifications()).toEqual({
      ok: true,
      value: { unreadCount: 0, items: [] },
    });
  });

  it("says a refusal of the add-on's own in the user's language, beside its field", () => {
    const answer = server.saveSettings({ apiBaseUrl: "http://evil.example/" });
    expect(answer).toMatchObject({
      ok: false,
      error: { status: 0, code: "bad_api_url", issues: [{ path: "apiBaseUrl" }] },
    });
    if (!answer.ok) expect(answer.error.message).toMatch(/https:\/\//);
    gas.setLocale("en-US");
    const english = server.createTimesheet("c-1", "2025-13");
    expect(english).toMatchObject({ ok: false, error: { code: "bad_month" } });
    if (!english.ok) expect(english.error.message).toMatch(/^The working month must be YYYY-MM/);
  });

  it("turns no answer at all into a sentence", () => {
    gas.setFetch(() => {
      throw new Error("Address unavailable: https://api.example.test");
    });
    const answer = server.listNotifications();
    expect(answer).toMatchObject({ ok: false, error: { code: "fetch_failed", status: 0 } });
    if (!answer.ok)
      expect(answer.error.message).toBe(
        "サーバーに接続できませんでした。API の URL とネットワークを確認してください",
      );
  });

  it("never hands a bug's message or stack to the sidebar", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const broken = answering((): number => {
        throw new TypeError("Cannot read properties of undefined (reading 'id')");
      });
      const answer = broken();
      expect(answer).toEqual({
        ok: false,
        error: {
          status: 0,
          code: "unexpected",
          message: "処理できませんでした。時間をおいてもう一度お試しください",
          issues: [],
        },
      });
      expect(JSON.stringify(answer)).not.toMatch(/undefined|TypeError|at /);
      expect(logged).toHaveBeenCalledTimes(1); // in the script's log instead
    } finally {
      logged.mockRestore();
    }
  });

  it("words an error as lines for an alert, without JSON", () => {
    expect(
      sentencesOf({
        status: 422,
        code: "invalid_request",
        message: "入力内容に誤りがあります",
        issues: [{ path: "rows.3.end", message: "6行目: 終了は開始より後にしてください" }],
      }),
    ).toBe("入力内容に誤りがあります\n6行目: 終了は開始より後にしてください");
  });
});
