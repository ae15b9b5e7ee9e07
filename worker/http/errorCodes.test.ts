import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IssueCode } from "../../shared";
import { testApp } from "../testing/app";
import { ERROR_MESSAGES, wordsFor } from "./errorCodes";

// Every error code the API can send, walked: each has words in Japanese and in English. Codes come from the catalogue and from the source itself (every literal code an
// error is thrown with), so a code added without its Japanese is found here as well as by tsc.

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const WORKER = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** `new ApiError(404, "not_found", ...)`, `issuesError(422, "x", ...)`, `fileError(413, "y"`. */
function thrownCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const thrown = /(?:new ApiError|issuesError|fileError)\(\s*\d{3},\s*"([a-z0-9_]+)"/g;
  for (const file of sources(WORKER)) {
    for (const match of readFileSync(file, "utf8").matchAll(thrown)) {
      codes.set(match[1] ?? "", file.slice(WORKER.length + 1));
    }
  }
  return codes;
}

describe("error codes", () => {
  it("each has a Japanese and an English message", () => {
    const entries = Object.entries(ERROR_MESSAGES);
    expect(entries.length).toBeGreaterThan(60);
    for (const [code, words] of entries) {
      expect(words.ja, code).toMatch(JAPANESE);
      expect(words.en, code).toMatch(/^[A-Z]/);
      expect(words.en, code).not.toMatch(JAPANESE);
    }
  });

  it("every code the source throws is in the catalogue or is an engine issue's", () => {
    const codes = thrownCodes();
    expect(codes.size).toBeGreaterThan(50);
    const engine = new Set<string>(Object.values(IssueCode));
    const missing = [...codes].filter(([code]) => !wordsFor(code) && !engine.has(code));
    expect(missing).toEqual([]);
  });

  it("answers in Japanese for ja, in English for en and without the header", async () => {
    const t = await testApp();
    const login = (language?: string) =>
      t.call("POST", "/v1/auth/login", {
        body: { email: "nobody@example.test", password: "wrong-password" },
        headers: language ? { "accept-language": language } : {},
      });
    for (const language of ["ja", "ja-JP,en;q=0.5", "en;q=0.3,ja"]) {
      const res = await login(language);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("invalid_credentials");
      expect(res.body.error.message).toBe("メールアドレスまたはパスワードが正しくありません");
    }
    for (const language of ["en", undefined]) {
      const english = await login(language);
      expect(english.body.error.message).toBe("The email address or password is not correct");
    }
    // A thrower with words of its own in English only answers its code's Japanese.
    const me = await t.call("GET", "/v1/me", { headers: { "accept-language": "ja" } });
    expect(me.body.error).toMatchObject({
      code: "unauthenticated",
      message: "ログインしてください",
    });
  });
});
