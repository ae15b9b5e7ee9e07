import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Gas, installGas } from "../testing";
import { ApiError, callApi } from "./api";
import { getSettings, saveSettings } from "./settings";

let gas: Gas & { uninstall(): Promise<void> };
beforeEach(() => {
  gas = installGas({ locale: "ja", identityToken: "id-token" });
});
afterEach(() => gas.uninstall());

describe("settings", () => {
  it("keep the API base URL per user, never as a property of the document", () => {
    expect(getSettings()).toEqual({ apiBaseUrl: "", source: "none" });
    saveSettings({ apiBaseUrl: " https://api.example.jp/ " });
    expect(getSettings()).toEqual({ apiBaseUrl: "https://api.example.jp", source: "user" });
    expect(gas.properties.user.getProperty("shimebi.apiBaseUrl")).toBe("https://api.example.jp");
    // Another editor's document property is never read: it cannot redirect this user's token.
    gas.properties.document.setProperty("shimebi.apiBaseUrl", "https://evil.example");
    expect(getSettings().apiBaseUrl).toBe("https://api.example.jp");
    expect(gas.properties.document.getProperty("shimebi.apiBaseUrl")).toBe("https://evil.example");
    saveSettings({ apiBaseUrl: "" });
    expect(getSettings().source).toBe("none");
  });

  it("use only the built-in URL in a build that has one", () => {
    const holder = globalThis as { SHIMEBI_API_URL?: string };
    holder.SHIMEBI_API_URL = "https://api.shimebi.example";
    try {
      gas.properties.user.setProperty("shimebi.apiBaseUrl", "https://mine.example");
      expect(getSettings()).toEqual({
        apiBaseUrl: "https://api.shimebi.example",
        source: "default",
      });
      expect(() => saveSettings({ apiBaseUrl: "https://other.example" })).toThrow(/組み込まれて/);
    } finally {
      delete holder.SHIMEBI_API_URL;
    }
  });

  it("refuse anything but https (or a loopback address)", () => {
    expect(() => saveSettings({ apiBaseUrl: "http://api.example.jp" })).toThrow("https://");
    expect(() => saveSettings({ apiBaseUrl: "api.example.jp" })).toThrow("https://");
    expect(saveSettings({ apiBaseUrl: "http://127.0.0.1:8787" }).apiBaseUrl).toBe(
      "http://127.0.0.1:8787",
    );
  });
});

describe("callApi", () => {
  beforeEach(() => {
    saveSettings({ apiBaseUrl: "https://api.example.jp" });
  });

  it("sends the identity token as the bearer, JSON, in the user's language", () => {
    gas.setFetch(() => ({ status: 200, body: { ok: true } }));
    expect(callApi("post", "/v1/things", { a: 1 })).toEqual({ ok: true });
    expect(gas.requests[0]).toEqual({
      url: "https://api.example.jp/v1/things",
      method: "POST",
      headers: {
        Authorization: "Bearer id-token",
        Accept: "application/json",
        "Accept-Language": "ja",
        "Content-Type": "application/json",
      },
      payload: '{"a":1}',
    });
  });

  it("throws the API's error object as it came", () => {
    const error = {
      code: "invalid_entries",
      message: "1件の問題があります",
      issues: [{ path: "rows.0.end", code: "invalid_time", message: "1行目: 終了 ..." }],
    };
    gas.setFetch(() => ({ status: 422, body: { error } }));
    try {
      callApi("get", "/v1/x");
      expect.unreachable();
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(ApiError);
      expect((thrown as ApiError).status).toBe(422);
      expect((thrown as ApiError).error).toEqual(error);
    }
  });

  it("makes an error object of an answer that is not one", () => {
    gas.setFetch(() => ({ status: 502, body: "Bad gateway", headers: {} }));
    expect(() => callApi("get", "/v1/x")).toThrow(
      expect.objectContaining({
        status: 502,
        error: { code: "http_502", message: "Bad gateway", issues: [] },
      }),
    );
  });

  it("says so when no API URL is set", () => {
    saveSettings({ apiBaseUrl: "" });
    expect(() => callApi("get", "/v1/x")).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: "no_api_url" }) }),
    );
    expect(gas.counter.of("fetch")).toBe(0);
  });
});
