import { beforeEach, describe, expect, it } from "vitest";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { approvedContract } from "../testing/contracts";

// An entry goes into the working month the partner means: named, its period must hold the
// date, as the month sync requires. The seed's contract: 2025-07-26..2025-09-25, closing 25.

let t: TestApp;
let c: Awaited<ReturnType<typeof approvedContract>>;
let base: string;

beforeEach(async () => {
  t = await testApp();
  c = await approvedContract(t);
  base = `/v1/contracts/${c.contractId}`;
});

const entry = (date: string, workingMonth?: string) => ({
  date,
  costCategoryId: "ses",
  start: "0900",
  end: "1800",
  breakMinutes: 60,
  ...(workingMonth ? { workingMonth } : {}),
});

const post = (body: unknown, lang = "ja") =>
  t.call("POST", `${base}/entries`, {
    token: c.partner,
    body,
    headers: { "accept-language": lang },
  });

describe("the working month of one entry (稼働月)", () => {
  it("refuses a date outside the named month, saying which month it is in", async () => {
    const before = await snapshot(t.db);
    const res = await post(entry("2025-08-26", "2025-08"));
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      {
        path: "date",
        code: "date_outside_period",
        message:
          "2025-08-26 は稼働月 2025-08（2025-07-26〜2025-08-25）の期間外です。この日は稼働月 2025-09 に入ります",
      },
    ]);
    const en = await post(entry("2025-08-26", "2025-08"), "en");
    expect(en.body.error.issues[0].message).toBe(
      "2025-08-26 is outside the working month 2025-08 (2025-07-26 to 2025-08-25): it belongs to 2025-09",
    );
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("files a date after the closing day of July into August when August is named", async () => {
    const res = await post(entry("2025-07-26", "2025-08"));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.workingMonth).toBe("2025-08");
    const month = await t.call("GET", `${base}/months/2025-08/entries`, { token: c.partner });
    expect(JSON.stringify(month.body)).toContain("2025-07-26");
  });

  it("refuses a month the contract does not work in at workingMonth", async () => {
    const res = await post(entry("2025-07-26", "2025-07"));
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0]).toMatchObject({
      path: "workingMonth",
      code: "month_not_working_month",
    });
  });

  it("keeps an edit in its month: moving the date out of the named month is refused", async () => {
    const created = await post(entry("2025-08-01", "2025-08"));
    expect(created.status).toBe(201);
    const moved = await t.call("PUT", `${base}/entries/${created.body.id}`, {
      token: c.partner,
      body: entry("2025-08-27", "2025-08"),
    });
    expect(moved.status).toBe(422);
    expect(moved.body.error.issues[0].path).toBe("date");
  });

  it("answers the month it used when none is named", async () => {
    const res = await post(entry("2025-08-26"));
    expect(res.status).toBe(201);
    expect(res.body.workingMonth).toBe("2025-09");
  });
});
