import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { groups, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { type TestApp, testApp } from "../testing/app";
import { DEMO_PASSWORD, signIn } from "../testing/contracts";

// A contract entirely in the past is created as "ended": the answer says so at once, in the
// caller's language, instead of leaving the company to find out when nothing can be sent.

let t: TestApp;
let owner: string;
let path: string;
let partnerUserId: string;

beforeEach(async () => {
  t = await testApp();
  await seedDemo(t.db, DEMO_PASSWORD);
  t.clock.now = new Date("2026-12-04T01:00:00Z");
  owner = await signIn(t, "owner@demo.shimebi.test");
  const [group] = await t.db.select().from(groups).where(eq(groups.name, "開発チーム"));
  const [partner] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, "partner@demo.shimebi.test"));
  path = `/v1/groups/${group?.id}/contracts`;
  partnerUserId = partner?.id ?? "";
});

const contract = (startDate: string, endDate: string) => ({
  title: "保守",
  partnerUserId,
  contractType: "quasiMandate",
  scope: "保守運用",
  startDate,
  endDate,
  closingDay: 31,
  paymentTerms: { monthsAfter: 1, day: 31 },
  billingMode: "invoice",
  conditions: { costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }] },
});

describe("POST /v1/groups/{groupId}/contracts", () => {
  it("warns of a period that is already over, in Japanese or English", async () => {
    const ja = await t.call("POST", path, {
      token: owner,
      body: contract("2026-04-01", "2026-09-30"),
      headers: { "accept-language": "ja" },
    });
    expect(ja.status, JSON.stringify(ja.body)).toBe(201);
    expect(ja.body.status.code).toBe("ended");
    expect(ja.body.warnings).toEqual([
      {
        path: "endDate",
        code: "contract_in_the_past",
        message: expect.stringContaining("契約期間は 2026年9月30日 に終了しています"),
      },
    ]);
    const en = await t.call("POST", path, {
      token: owner,
      body: contract("2026-04-01", "2026-09-30"),
      headers: { "accept-language": "en" },
    });
    expect(en.body.warnings[0].message).toContain("The contract's period ended on 2026-09-30");
  });

  it("has no warning for a contract still running", async () => {
    const now = await t.call("POST", path, {
      token: owner,
      body: contract("2026-12-01", "2027-05-31"),
    });
    expect(now.status, JSON.stringify(now.body)).toBe(201);
    expect(now.body.warnings).toEqual([]);
  });
});
