import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../deps";
import { fakeNta, NTA_NUMBERS, NTA_TEST_APP_ID, numAnswer } from "../testing/nta";
import { lookupRegistration, NTA_NUM_URL, readNumAnswer } from "./nta";

const now = new Date("2026-11-24T01:00:00.000Z");
const checkedAt = now.toISOString();

/** The fake register; `ntaAppId: null` for a server where the lookup is not configured. */
function deps(mode?: Parameters<typeof fakeNta>[0], ntaAppId: string | null = NTA_TEST_APP_ID) {
  const nta = fakeNta(mode);
  const config = { ...DEFAULT_CONFIG, ntaAppId: ntaAppId ?? undefined };
  return { nta, deps: { fetch: nta.fetch, now: () => now, config } };
}

describe("readNumAnswer: the documented /1/num JSON", () => {
  it("reads every answer the test fake gives, the same way as the real one", () => {
    const read = (n: string) => readNumAnswer(numAnswer(n), n, now);
    expect(read(NTA_NUMBERS.current)).toEqual({
      status: "current",
      name: "国税庁",
      message: 'Registered as a qualified invoice issuer under the name "国税庁" since 2023-10-01',
      messageJa: "「国税庁」の名称で2023-10-01から適格請求書発行事業者として登録されています",
      checkedAt,
    });
    expect(read(NTA_NUMBERS.expired)).toMatchObject({
      status: "expired",
      name: "株式会社失効テスト",
      message: expect.stringContaining("expired on 2025-04-01"),
    });
    expect(read(NTA_NUMBERS.revoked)).toMatchObject({
      status: "revoked",
      name: "取消テスト商事株式会社",
      message: expect.stringContaining("revoked on 2024-10-01"),
    });
    expect(read(NTA_NUMBERS.deleted)).toMatchObject({
      status: "notFound",
      message: expect.stringContaining("deleted"),
    });
    expect(read(NTA_NUMBERS.notFound)).toMatchObject({
      status: "notFound",
      message: `${NTA_NUMBERS.notFound} is not in the National Tax Agency's register of qualified invoice issuers: check the number`,
    });
  });

  it("counts an end date from the day in Tokyo, and keeps an announced future end current", () => {
    const number = NTA_NUMBERS.current;
    const ending = (date: string) => {
      const answer = numAnswer(number);
      const [record] = answer.announcement;
      return { ...answer, announcement: [{ ...record, process: "03", expireDate: date }] };
    };
    // 2026-11-24T01:00Z is already the 24th in Tokyo.
    expect(readNumAnswer(ending("2026-11-24"), number, now)?.status).toBe("expired");
    const later = readNumAnswer(ending("2026-12-01"), number, now);
    expect(later).toMatchObject({
      status: "current",
      message: expect.stringContaining("until 2026-12-01"),
    });
  });

  it("answers undefined for anything not in the documented shape", () => {
    const n = NTA_NUMBERS.current;
    const record = numAnswer(n).announcement[0];
    for (const body of [
      null,
      "text",
      {},
      { count: "x", announcement: [] },
      { count: "1" },
      { count: "1", announcement: [{ ...record, registratedNumber: NTA_NUMBERS.expired }] },
      { count: "1", announcement: [{ ...record, name: "" }] },
      { count: "1", announcement: [{ ...record, registrationDate: "R5.10.1" }] },
    ]) {
      expect(readNumAnswer(body, n, now)).toBeUndefined();
    }
  });
});

describe("lookupRegistration", () => {
  it("asks /1/num for JSON without history, with the application id", async () => {
    const { nta, deps: d } = deps();
    const lookup = await lookupRegistration(d, NTA_NUMBERS.current);
    expect(lookup).toMatchObject({ status: "current", name: "国税庁" });
    expect(nta.requests).toHaveLength(1);
    const [url] = nta.requests;
    expect(`${url?.origin}${url?.pathname}`).toBe(NTA_NUM_URL);
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      id: NTA_TEST_APP_ID,
      number: NTA_NUMBERS.current,
      type: "21",
      history: "0",
    });
  });

  it("is unverified without asking when no application id is configured", async () => {
    const { nta, deps: d } = deps("answer", null);
    expect(await lookupRegistration(d, NTA_NUMBERS.current)).toEqual({
      status: "unverified",
      message: "Could not verify with the National Tax Agency: the lookup is not configured",
      messageJa: expect.stringContaining("照会が設定されていません"),
      checkedAt,
    });
    expect(nta.requests).toHaveLength(0);
  });

  it.each([
    ["down", "did not answer (HTTP 503)"],
    ["malformed", "did not answer in the documented form"],
    ["unreachable", "did not answer (it could not be reached)"],
  ] as const)("is unverified when the register is %s", async (mode, words) => {
    const lookup = await lookupRegistration(deps(mode).deps, NTA_NUMBERS.current);
    expect(lookup.status).toBe("unverified");
    expect(lookup.message).toContain(words);
    expect(lookup.message).not.toContain(NTA_TEST_APP_ID);
  });

  it("gives up on a silent register when the time runs out", async () => {
    const started = Date.now();
    const lookup = await lookupRegistration(deps("silent").deps, NTA_NUMBERS.current, {
      timeoutMs: 50,
    });
    expect(lookup).toMatchObject({
      status: "unverified",
      message: expect.stringContaining("did not answer within 0.05 seconds"),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
