import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { companies, groups, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { DEMO_PASSWORD, signIn } from "../testing/contracts";

// Creating a contract: the rules checked before anything is stored.

let t: TestApp;
let owner: string;
let groupId: string;
let partnerUserId: string;

beforeEach(async () => {
  t = await testApp();
  await seedDemo(t.db, DEMO_PASSWORD);
  t.clock.now = new Date("2025-07-20T01:00:00Z");
  owner = await signIn(t, "owner@demo.shimebi.test");
  const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
  const [group] = await t.db
    .select()
    .from(groups)
    .where(eq(groups.companyId, company?.id ?? ""));
  const [user] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, "partner@demo.shimebi.test"));
  groupId = group?.id ?? "";
  partnerUserId = user?.id ?? "";
});

/** The seed's example period: 2025-07-26..2025-09-25, closing on the 25th. */
function contractBody(overrides: Record<string, unknown> = {}, effectiveFrom?: string) {
  return {
    title: "開発支援",
    partnerUserId,
    contractType: "quasiMandate",
    scope: "Webアプリケーションの開発支援",
    startDate: "2025-07-26",
    endDate: "2025-09-25",
    closingDay: 25,
    paymentTerms: { monthsAfter: 1, day: 31 },
    settlementUnit: 30,
    conditions: {
      ...(effectiveFrom ? { effectiveFrom } : {}),
      costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }],
    },
    ...overrides,
  };
}

const create = (body: unknown, lang = "ja") =>
  t.call("POST", `/v1/groups/${groupId}/contracts`, {
    token: owner,
    body,
    headers: { "accept-language": lang },
  });

describe("the first working month (稼働初月)", () => {
  it("refuses 7月 for 2025-07-26..2025-09-25 closing on the 25th, naming 8月", async () => {
    const before = await snapshot(t.db);
    const res = await create(contractBody({}, "2025-07"));
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({
        path: "conditions.effectiveFrom",
        code: "not_first_working_month",
      }),
    ]);
    expect(res.body.error.issues[0].message).toContain("2025年8月");
    expect(res.body.error.issues[0].message).toContain("2025年7月 は指定できません");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a later month, which would leave the first months unbilled, in English too", async () => {
    const res = await create(contractBody({}, "2025-09"), "en");
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toBe("conditions.effectiveFrom");
    expect(res.body.error.issues[0].message).toContain("must take effect in 2025-08");
  });

  it("accepts the first working month, given or defaulted", async () => {
    expect((await create(contractBody({}, "2025-08"))).status).toBe(201);
    const defaulted = await create(contractBody());
    expect(defaulted.status).toBe(201);
    const shown = await t.call("GET", `/v1/contracts/${defaulted.body.id}`, { token: owner });
    expect(shown.body.conditions.effectiveFrom).toBe("2025-08");
  });

  it("counts month-end closing by the calendar: 2026-10-26 starts in 2026-10", async () => {
    const body = contractBody({ startDate: "2026-10-26", endDate: "2027-04-30", closingDay: 31 });
    expect(
      (await create({ ...body, conditions: { ...body.conditions, effectiveFrom: "2026-11" } }))
        .status,
    ).toBe(422);
    expect(
      (await create({ ...body, conditions: { ...body.conditions, effectiveFrom: "2026-10" } }))
        .status,
    ).toBe(201);
  });
});

describe("a repeated create (a double click, a retry)", () => {
  it("answers the first contract for the same Idempotency-Key, creating one", async () => {
    const send = (key: string) =>
      t.call("POST", `/v1/groups/${groupId}/contracts`, {
        token: owner,
        body: contractBody(),
        headers: { "accept-language": "ja", "idempotency-key": key },
      });
    const first = await send("contract-form-1");
    const again = await send("contract-form-1");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const listed = await t.call("GET", `/v1/groups/${groupId}/contracts`, { token: owner });
    const titled = listed.body.filter((c: { title: string }) => c.title === "開発支援");
    expect(titled.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
    // Another key is another contract.
    expect((await send("contract-form-2")).body.id).not.toBe(first.body.id);
  });
});

describe("dates far from today", () => {
  it("refuses a contract in 9999 with the field named, never a 500, creating nothing", async () => {
    const before = await snapshot(t.db);
    const res = await create(contractBody({ startDate: "9999-01-01", endDate: "9999-12-31" }));
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({
        path: "startDate",
        message: "開始日（9999-01-01）は 2000-01-01〜2099-12-31 の日付にしてください",
      }),
      expect.objectContaining({
        path: "endDate",
        message: "終了日（9999-12-31）は 2000-01-01〜2099-12-31 の日付にしてください",
      }),
    ]);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
