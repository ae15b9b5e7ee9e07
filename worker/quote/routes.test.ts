import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { generatedMonth, specHourRangeExample, specHourRangeResponse } from "../testing/months";

const app = createApp();

function postQuote(body: unknown, headers: Record<string, string> = {}) {
  return app.request("/v1/quote", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

type ErrorJson = {
  error: { code: string; message: string; issues: Array<{ path: string; message: string }> };
};

describe("POST /v1/quote", () => {
  it("answers the spec's hour-range example with the spec's figures", async () => {
    const res = await postQuote(specHourRangeExample());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject(specHourRangeResponse);
  });

  it("answers the spec's first example: hourly, quantity and monthly lines", async () => {
    const res = await postQuote({
      month: "2025-08",
      closingDay: 25,
      settlementUnit: 30,
      costCategories: [
        { id: "dev", name: "開発", type: "hourly", unitPrice: 5000 },
        { id: "sup", name: "保守対応", type: "quantity", unitPrice: 4500 },
        { id: "fix", name: "月額", type: "monthly", monthlyFee: 300000 },
      ],
      entries: [
        { date: "2025-08-01", costCategoryId: "dev", start: "0900", end: "1800", breakMinutes: 60 },
        { date: "2025-08-02", costCategoryId: "sup", quantity: 3 },
        { date: "2025-08-03", costCategoryId: "fix", skipHours: true, details: "顧客紹介" },
      ],
      extraItems: [{ name: "追加作業", amount: 20000 }],
      expenses: [{ name: "交通費", amount: 1240 }],
      partner: { kind: "individual", nonResident: false },
      consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
      withholding: { enabled: true, base: "includingTax" },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    // 40,000 + 13,500 + 300,000 + 20,000 = 373,500; tax 37,350; total 410,850;
    // withholding floor(410,850 x 10.21 %) = 41,947; payable 410,850 - 41,947 + 1,240.
    expect(body).toMatchObject({
      lines: [
        {
          costCategoryId: "dev",
          type: "hourly",
          minutes: 480,
          hours: 8,
          quantity: 8,
          unitPrice: 5000,
          amount: 40000,
        },
        { costCategoryId: "sup", type: "quantity", quantity: 3, unitPrice: 4500, amount: 13500 },
        { costCategoryId: "fix", type: "monthly", quantity: 1, unitPrice: 300000, amount: 300000 },
      ],
      subtotal: 373500,
      consumptionTax: 37350,
      total: 410850,
      withholdingTax: 41947,
      expensesTotal: 1240,
      payable: 370143,
    });
  });

  it("answers a 300-entry month", async () => {
    const res = await postQuote(generatedMonth(300));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { lines: Array<{ minutes: number }> };
    expect(body.lines.map((l) => l.minutes)).toEqual([9000, 4500]);
  });

  it("names every field at fault with 422, in the spec's error shape", async () => {
    const res = await postQuote({
      month: 202508,
      costCategories: [{ id: "a", type: "daily" }],
      extra: 1,
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "month", message: "month must be text" }),
        expect.objectContaining({
          path: "costCategories.0.type",
          message:
            'costCategories.0.type must be one of "hourly", "quantity", "monthly", "monthlyRange"',
        }),
        expect.objectContaining({
          path: "",
          message: 'The request body has unknown field "extra"',
        }),
      ]),
    );
  });

  it("refuses an entry with an unknown field, and checks the entries' fields by the engine", async () => {
    const body = specHourRangeExample();
    body.entries[1] = { ...body.entries[1], breakMinute: 60 } as (typeof body.entries)[number];
    body.entries[2] = {
      ...body.entries[2],
      start: true,
    } as unknown as (typeof body.entries)[number];
    const unknownKey = await postQuote(body);
    expect(unknownKey.status).toBe(422);
    expect(((await unknownKey.json()) as ErrorJson).error.issues).toEqual([
      expect.objectContaining({
        path: "entries.1",
        message: 'entries.1 has unknown field "breakMinute"',
      }),
    ]);
    delete (body.entries[1] as unknown as Record<string, unknown>).breakMinute;
    const wrongType = await postQuote(body, { "accept-language": "ja" });
    expect(wrongType.status).toBe(422);
    const issues = ((await wrongType.json()) as ErrorJson).error.issues;
    expect(issues.map((i) => i.path)).toEqual(["entries.2.start"]);
    expect(issues[0]?.message).toMatch(/開始/);
  });

  it("reports a missing field as required", async () => {
    const res = await postQuote({ costCategories: [{ id: "a", type: "hourly", unitPrice: 1 }] });
    const body = (await res.json()) as ErrorJson;
    expect(res.status).toBe(422);
    expect(body.error.issues).toEqual([
      expect.objectContaining({ path: "month", message: "month is required" }),
    ]);
  });

  it("passes the engine's rule violations through as 422 with paths", async () => {
    const body = specHourRangeExample();
    body.entries[3] = { date: "2025-08-04", costCategoryId: "ses", start: "0900", end: "0800" };
    const res = await postQuote(body);
    expect(res.status).toBe(422);
    const json = (await res.json()) as ErrorJson;
    expect(json.error.code).toBe("invalid_quote");
    expect(json.error.issues.map((i) => i.path)).toContain("entries.3.end");
  });

  it("answers in Japanese when the caller prefers it", async () => {
    const body = specHourRangeExample();
    body.entries[0] = { date: "2025-09-01", costCategoryId: "ses", start: "0900", end: "1000" };
    const res = await postQuote(body, { "accept-language": "ja,en;q=0.8" });
    const json = (await res.json()) as ErrorJson;
    expect(res.status).toBe(422);
    expect(json.error.message).toMatch(/問題があります/);
    expect(json.error.issues[0]?.path).toBe("entries.0.date");
    expect(json.error.issues[0]?.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it("answers malformed JSON with 400 in the same shape", async () => {
    const res = await postQuote('{"month": "2025-08",');
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.error).toMatchObject({
      code: "malformed_json",
      message: "The request body is not valid JSON",
    });
  });

  it("refuses a body not sent as JSON with 415 rather than a list of missing fields", async () => {
    const res = await app.request("/v1/quote", { method: "POST", body: "month=2025-08" });
    expect(res.status).toBe(415);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe("unsupported_media_type");
  });

  it("never answers 500 for input of the wrong shape", async () => {
    for (const body of ["null", "[]", '"x"', "1", '{"month":"2025-08","costCategories":null}']) {
      const res = await postQuote(body);
      expect([400, 422]).toContain(res.status);
    }
  });
});
