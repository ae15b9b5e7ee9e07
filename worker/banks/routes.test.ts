import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../db/seed";
import { type TestApp, testApp } from "../testing/app";

const PASSWORD = "shimebi-demo";

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.db, PASSWORD);
  const login = await t.call("POST", "/v1/auth/login", {
    body: { email: "partner@demo.shimebi.test", password: PASSWORD },
  });
  token = login.body.token;
});

const banks = async (q: string) => t.call("GET", `/v1/banks?q=${encodeURIComponent(q)}`, { token });

describe("GET /v1/banks", () => {
  it.each(["0001", "00", "ミズホ", "みずほ", "ﾐｽﾞﾎ", "mizuho", "みずほ銀行"])(
    "finds みずほ first by %s",
    async (q) => {
      const found = await banks(q);
      expect(found.status).toBe(200);
      expect(found.body[0]).toEqual({ code: "0001", name: "みずほ", kana: "ミズホ" });
    },
  );

  it("finds banks by Latin letters in their names and by romaji", async () => {
    expect((await banks("ufj")).body[0]).toMatchObject({ code: "0005", name: "三菱ＵＦＪ" });
    expect((await banks("rakuten")).body[0]).toMatchObject({ code: "0036" });
    expect((await banks("ゆうちょ銀行")).body[0]).toMatchObject({ code: "9900" });
  });

  it("answers the first 50 in code order for an empty search, and nothing for no match", async () => {
    const all = await t.call("GET", "/v1/banks", { token });
    expect(all.body).toHaveLength(50);
    expect(all.body.slice(0, 3).map((b: { code: string }) => b.code)).toEqual([
      "0001",
      "0005",
      "0009",
    ]);
    expect((await banks("zzzzzz")).body).toEqual([]);
    expect((await banks("1")).body.length).toBeLessThanOrEqual(50);
  });

  it("asks for a sign-in", async () => {
    expect((await t.call("GET", "/v1/banks?q=0001")).status).toBe(401);
    expect((await t.call("GET", "/v1/banks/0001/branches")).status).toBe(401);
  });
});

describe("GET /v1/banks/{bankCode}/branches", () => {
  const branches = async (bank: string, q: string) =>
    t.call("GET", `/v1/banks/${bank}/branches?q=${encodeURIComponent(q)}`, { token });

  it("finds branch 001 of みずほ by code, kanji, kana and romaji", async () => {
    for (const q of ["001", "東京営業部", "とうきょう", "toukyou", "tokyo"]) {
      const found = await branches("0001", q);
      expect(found.status).toBe(200);
      expect(found.body[0]).toEqual({ code: "001", name: "東京営業部", kana: "トウキヨウ" });
    }
  });

  it("reads a trailing 支店 as part of the search", async () => {
    const found = await branches("0009", "新宿支店");
    expect(found.body[0]).toMatchObject({ code: "221", name: "新宿" });
  });

  it("answers 404 for a bank not in the list", async () => {
    const missing = await branches("9999", "");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: "unknown_bank",
      message: "No bank with code 9999 in the Zengin list",
    });
  });
});
