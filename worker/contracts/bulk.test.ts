import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  companies,
  conditionVersions,
  contracts,
  groups,
  purchaseOrders,
  users,
} from "../db/schema";
import { seedDemo } from "../db/seed";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { DEMO_PASSWORD, HOUR_RANGE_CATEGORY, signIn } from "../testing/contracts";

// Contracts in bulk: every row by the rules of creating one, all created or none.

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

/** A row of the seed's period, 2025-07-26..2025-09-25 closing on the 25th. */
function row(title: string, costCategories: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    title,
    partnerUserId,
    contractType: "quasiMandate",
    scope: "Webアプリケーションの開発支援",
    startDate: "2025-07-26",
    endDate: "2025-09-25",
    closingDay: 25,
    paymentTerms: { monthsAfter: 1, day: 31 },
    settlementUnit: 30,
    conditions: { costCategories },
    ...overrides,
  };
}

const hourly = (unitPrice: number) => [{ id: "dev", name: "開発", type: "hourly", unitPrice }];
const monthly = (fee: number) => [{ id: "fee", name: "月額", type: "monthly", monthlyFee: fee }];

const bulk = (rows: unknown[], options: { lang?: string; query?: string; token?: string } = {}) =>
  t.call("POST", `/v1/groups/${groupId}/contracts/bulk${options.query ?? ""}`, {
    token: options.token ?? owner,
    body: { rows },
    headers: { "accept-language": options.lang ?? "ja" },
  });

const contractCount = async () => (await t.db.select({ n: count() }).from(contracts))[0]?.n;

describe("POST /v1/groups/{groupId}/contracts/bulk", () => {
  it("creates every row with its conditions and a draft purchase order", async () => {
    const rows = [
      row("開発支援 A", hourly(5000)),
      row("保守 B", monthly(300000)),
      row("SES C", [HOUR_RANGE_CATEGORY]),
    ];
    const res = await bulk(rows);
    expect(res.status).toBe(201);
    expect(res.body.dryRun).toBe(false);
    expect(res.body.rows.map((r: { contract: { title: string } }) => r.contract.title)).toEqual([
      "開発支援 A",
      "保守 B",
      "SES C",
    ]);
    expect(res.body.rows.map((r: { order: { number: string } }) => r.order.number)).toEqual([
      "PO-000001",
      "PO-000002",
      "PO-000003",
    ]);
    expect(res.body.rows[0].contract.status.labelJa).toBe("発注書未送付");

    expect(await contractCount()).toBe(3);
    const stored = await t.db
      .select({ title: contracts.title, version: conditionVersions })
      .from(contracts)
      .innerJoin(conditionVersions, eq(conditionVersions.contractId, contracts.id));
    const byTitle = new Map(stored.map((s) => [s.title, s.version]));
    expect(byTitle.get("開発支援 A")?.costCategories).toEqual(hourly(5000));
    expect(byTitle.get("保守 B")?.costCategories).toEqual(monthly(300000));
    expect(byTitle.get("SES C")?.costCategories[0]).toMatchObject({
      monthlyFee: 1000000,
      lowerHours: 100,
      upperHours: 120,
      excessRate: 8000,
      deductionRate: 10000,
    });
    expect(byTitle.get("開発支援 A")?.effectiveFrom).toBe("2025-08");
    const orders = await t.db.select().from(purchaseOrders);
    expect(orders.map((o) => o.status)).toEqual(["draft", "draft", "draft"]);
  });

  it("creates none when one row is bad, naming that row and field in Japanese", async () => {
    const before = await snapshot(t.db);
    const rows = [
      row("開発支援 A", hourly(5000)),
      row("開発支援 B", hourly(5000), {
        conditions: { effectiveFrom: "2025-07", costCategories: hourly(5000) },
      }),
      row("開発支援 C", hourly(5000)),
    ];
    const res = await bulk(rows);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("invalid_contract");
    expect(res.body.error.message).toBe("3行中1行に問題があるため、契約は1件も作成していません");
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({
        path: "rows.1.conditions.effectiveFrom",
        code: "not_first_working_month",
      }),
    ]);
    expect(res.body.error.issues[0].message).toContain("2025年8月");
    expect(await contractCount()).toBe(0);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a row pasted twice, naming the first, and creates nothing", async () => {
    const before = await snapshot(t.db);
    const rows = [
      row("開発支援 A", hourly(5000)),
      row("保守 B", monthly(300000)),
      row("開発支援 A", hourly(5000)),
    ];
    const res = await bulk(rows);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe("3行中1行に問題があるため、契約は1件も作成していません");
    expect(res.body.error.issues).toEqual([
      {
        path: "rows.2.title",
        code: "duplicate_row",
        message: "1件目と同じ内容の契約です。同じ契約を2件作らないよう、どちらかを削除してください",
      },
    ]);
    expect((await bulk(rows, { query: "?dryRun=true" })).status).toBe(422);
    expect(await contractCount()).toBe(0);
    expect(await snapshot(t.db)).toEqual(before);
    // The same title and period at another fee is another contract.
    const other = [row("開発支援 A", hourly(5000)), row("開発支援 A", hourly(6000))];
    expect((await bulk(other)).status).toBe(201);
    expect(await contractCount()).toBe(2);
  });

  it("warns of a row that repeats a contract the group already has", async () => {
    const first = await bulk([row("開発支援 A", hourly(5000))]);
    expect(first.status).toBe(201);
    const id = first.body.rows[0].contract.id;
    const again = await bulk([row("開発支援 A", hourly(5000)), row("保守 B", monthly(300000))], {
      query: "?dryRun=true",
    });
    expect(again.status).toBe(200);
    expect(again.body.rows[0].warnings).toEqual([
      {
        path: "title",
        code: "contract_exists",
        message: `同じパートナー・契約名・契約期間の契約がすでにあります（契約ID ${id}）。二重に作成しないか確認してください`,
      },
    ]);
    expect(again.body.rows[1].warnings).toEqual([]);
  });

  it("reports a row failing the schema and another failing a rule in one answer, in English", async () => {
    const { title: _, ...untitled } = row("", hourly(5000));
    const rows = [
      untitled,
      row("開発支援 B", hourly(5000), { endDate: "2025-07-01" }),
      row("開発支援 C", hourly(-1)),
      row("開発支援 D", hourly(5000), { partnerUserId: "nobody" }),
    ];
    const res = await bulk(rows, { lang: "en" });
    expect(res.status).toBe(422);
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain("rows.0.title");
    // A schema problem names the row's field as the request has it, not the row alone.
    expect(
      res.body.error.issues.find((i: { path: string }) => i.path === "rows.0.title").message,
    ).toBe("rows.0.title is required");
    expect(paths).toContain("rows.1.endDate");
    expect(paths.some((p: string) => p.startsWith("rows.2.conditions.costCategories.0"))).toBe(
      true,
    );
    expect(paths).toContain("rows.3.partnerUserId");
    expect(res.body.error.message).toBe("4 of 4 row(s) have problems: no contract was created");
    const partnerIssue = res.body.error.issues.find(
      (i: { path: string }) => i.path === "rows.3.partnerUserId",
    );
    expect(partnerIssue.message).toBe("Choose a partner of this group (invite them first)");
    expect(await contractCount()).toBe(0);
  });

  it("words the Freelance Act's 60 days in Japanese too", async () => {
    const late = row("開発支援", hourly(5000), { paymentTerms: { monthsAfter: 3, day: 31 } });
    const res = await bulk([late]);
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toBe("rows.0.paymentTerms");
    expect(res.body.error.issues[0].message).toContain("フリーランス保護法により");
  });

  it("checks without creating on a dry run", async () => {
    const before = await snapshot(t.db);
    const rows = [row("開発支援 A", hourly(5000)), row("保守 B", monthly(300000))];
    const res = await bulk(rows, { query: "?dryRun=true" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: true,
      rows: [
        { index: 0, contract: null, order: null, warnings: [] },
        { index: 1, contract: null, order: null, warnings: [] },
      ],
    });
    expect(await snapshot(t.db)).toEqual(before);
    const bad = await bulk([rows[0], { ...rows[1], closingDay: 30 }], { query: "?dryRun=true" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe("rows.1.closingDay");
  });

  it("answers a retry with the same Idempotency-Key without creating twice", async () => {
    const send = () =>
      t.call("POST", `/v1/groups/${groupId}/contracts/bulk`, {
        token: owner,
        body: { rows: [row("開発支援 A", hourly(5000))] },
        headers: { "idempotency-key": "sheet-1" },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.rows[0].contract.id).toBe(first.body.rows[0].contract.id);
    expect(await contractCount()).toBe(1);
  });

  it("refuses more than 200 rows and an empty list", async () => {
    const many = Array.from({ length: 201 }, (_, i) => row(`契約 ${i}`, hourly(5000)));
    const res = await bulk(many, { lang: "en" });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toBe("rows");
    expect((await bulk([])).status).toBe(422);
    expect(await contractCount()).toBe(0);
  });

  it("refuses the group's partner and another company's owner, creating nothing", async () => {
    const rows = [row("開発支援 A", hourly(5000))];
    const partner = await signIn(t, "partner@demo.shimebi.test");
    const other = await signIn(t, "owner@other.shimebi.test");
    const member = await signIn(t, "member@demo.shimebi.test");
    expect((await bulk(rows, { token: partner })).status).toBe(403);
    expect([403, 404]).toContain((await bulk(rows, { token: other })).status);
    expect((await bulk(rows, { token: member })).status).toBe(403);
    expect(await contractCount()).toBe(0);
  });
});
