import { NTA_NUM_URL } from "../companies/nta";

// The one stand-in for the National Tax Agency's `/1/num` Web-API: it answers in the documented
// JSON shape (see worker/companies/nta.ts) and refuses requests the real one would, so the client
// is exercised end to end without the network. companies/nta.test.ts proves its answers parse.

export const NTA_TEST_APP_ID = "shimebi-test-nta-app-id";

/** Numbers with valid check digits, one per kind of answer. */
export const NTA_NUMBERS = {
  /** 国税庁 itself: registered. */
  current: "T7000012050002",
  expired: "T7123456789012",
  revoked: "T9234567890123",
  deleted: "T3456789012345",
  notFound: "T1345678901234",
} as const;

type Row = { [field: string]: string };

function announcement(number: string, fields: Partial<Row>): Row {
  return {
    sequenceNumber: "1",
    registratedNumber: number,
    process: "01",
    correct: "0",
    kind: "2",
    country: "1",
    latest: "1",
    registrationDate: "2023-10-01",
    updateDate: "2023-10-01",
    disposalDate: "",
    expireDate: "",
    address: "東京都千代田区霞が関３丁目１－１",
    addressPrefectureCode: "13",
    addressCityCode: "101",
    addressRequest: "",
    addressRequestPrefectureCode: "",
    addressRequestCityCode: "",
    kana: "",
    name: "",
    addressInside: "",
    addressInsidePrefectureCode: "",
    addressInsideCityCode: "",
    tradeName: "",
    popularName_previousName: "",
    ...fields,
  };
}

const REGISTER: { [number: string]: Row } = {
  [NTA_NUMBERS.current]: announcement(NTA_NUMBERS.current, { name: "国税庁" }),
  [NTA_NUMBERS.expired]: announcement(NTA_NUMBERS.expired, {
    process: "03",
    name: "株式会社失効テスト",
    updateDate: "2025-04-01",
    expireDate: "2025-04-01",
  }),
  [NTA_NUMBERS.revoked]: announcement(NTA_NUMBERS.revoked, {
    process: "04",
    name: "取消テスト商事株式会社",
    updateDate: "2024-10-01",
    disposalDate: "2024-10-01",
  }),
  [NTA_NUMBERS.deleted]: announcement(NTA_NUMBERS.deleted, { process: "99", name: "" }),
};

/** The documented JSON answer for one number, as the register gives it with history=0. */
export function numAnswer(number: string) {
  const record = REGISTER[number];
  return {
    lastUpdateDate: "2026-11-20",
    count: record ? "1" : "0",
    divideNumber: "1",
    divideSize: "1",
    announcement: record ? [record] : [],
  };
}

/**
 * - answer: the register as above;
 * - down: HTTP 503, as during maintenance;
 * - malformed: HTTP 200 with a body that is not the documented JSON;
 * - unreachable: the connection fails;
 * - silent: never answers, until the caller's signal gives up.
 */
export type FakeNtaMode = "answer" | "down" | "malformed" | "unreachable" | "silent";

export function fakeNta(mode: FakeNtaMode = "answer") {
  const requests: URL[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(url);
    if (mode === "unreachable") throw new TypeError("fetch failed");
    if (mode === "silent") {
      return new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal;
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener("abort", () => reject(signal.reason));
      });
    }
    if (mode === "down") return new Response("Service Unavailable", { status: 503 });
    if (mode === "malformed") return new Response("<html>maintenance</html>", { status: 200 });
    const q = url.searchParams;
    const number = q.get("number") ?? "";
    const wellFormed =
      `${url.origin}${url.pathname}` === NTA_NUM_URL &&
      q.get("id") === NTA_TEST_APP_ID &&
      q.get("type") === "21" &&
      q.get("history") === "0" &&
      /^T\d{13}$/.test(number);
    if (!wellFormed) return new Response("Bad Request", { status: 400 });
    return Response.json(numAnswer(number));
  };
  return { fetch, requests };
}
