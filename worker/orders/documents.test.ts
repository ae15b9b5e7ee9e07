import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { companies } from "../db/schema";
import { seedDemo } from "../db/seed";
import { nodeFonts } from "../platform/nodeFonts";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, DEMO_PASSWORD, HOUR_RANGE_CATEGORY, signIn } from "../testing/contracts";
import { readDocument } from "../testing/documents";

// The purchase order (発注書) with its confirmation (発注請書), as a Japanese accountant reads
// it: HTML and PDF say the same lines, the partner (an individual) is addressed 様, the
// company (発注者) carries its address, and the fixed fee prints one row per run of months at
// one fee, each 単価 × 月数 = 金額, adding up to the order's total.

let t: TestApp;

beforeEach(async () => {
  t = await testApp({ fonts: nodeFonts });
  await seedDemo(t.db, DEMO_PASSWORD);
  const owner = await signIn(t, "owner@demo.shimebi.test");
  const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
  const settings = await t.call("PUT", `/v1/companies/${company?.id}/settings`, {
    token: owner,
    body: { payer: { name: "Demo", address: "東京都港区芝公園4-2-8", phone: "03-5555-0100" } },
  });
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
});

describe("the purchase order document", () => {
  it("prints lines that multiply out over the contract's working months", async () => {
    // 2025-07-26..2025-12-25, closing on the 25th: working months 2025-08..2025-12 (five);
    // 2025-09 at its own fee of 900,000 yen, the others at the base 1,000,000 yen.
    const ctx = await approvedContract(t, { seeded: true, endDate: "2025-12-25" });
    const { text } = await readDocument(
      t,
      `/v1/orders/${ctx.orderId}/document`,
      ctx.partner,
      "purchase-order",
    );
    for (const line of [
      "発注書",
      "田中 美咲 様",
      "件名 SES 開発支援",
      "発注日 2025年7月20日",
      "Demo",
      "東京都港区芝公園4-2-8",
      "TEL 03-5555-0100",
      "契約期間 2025年7月26日〜2025年12月25日",
      "支払期日 毎月25日締め 翌月末払い（初回 2025年9月30日）",
      `${HOUR_RANGE_CATEGORY.name}（2025年8月稼働分） 1,000,000円 1 1 1,000,000円`,
      `${HOUR_RANGE_CATEGORY.name}（2025年9月稼働分） 900,000円 1 1 900,000円`,
      `${HOUR_RANGE_CATEGORY.name}（2025年10月〜2025年12月稼働分） 1,000,000円 1 3 3,000,000円`,
      "発注金額合計（税抜） 4,900,000円",
      "発注請書",
      "氏名 田中 美咲",
    ]) {
      expect(text, line).toContain(line);
    }
    expect(text).toMatch(/承認日時 2025年7月20日 \d{2}:\d{2}/);
    // Approved: the confirmation says so; no status stamp, no ISO dates.
    expect(text).not.toContain("承認済み");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("prices by the work: per hour, per unit, and a total that is not 0 yen", async () => {
    const ctx = await approvedContract(t, {
      seeded: true,
      costCategories: [
        { id: "dev", name: "開発", type: "hourly", unitPrice: 5000 },
        { id: "art", name: "記事", type: "quantity", unitPrice: 30000 },
      ],
    });
    const { text } = await readDocument(
      t,
      `/v1/orders/${ctx.orderId}/document`,
      ctx.partner,
      "purchase-order",
    );
    for (const line of [
      "開発 5,000円/時間 実績による 2 実績による",
      "記事 30,000円 実績による 2 実績による",
      "発注金額合計（税抜） 実績による",
    ]) {
      expect(text, line).toContain(line);
    }
    expect(text).not.toContain("30,000円/時間");
    expect(text).not.toMatch(/発注金額合計（税抜） 0円/);
  });

  it("says which months the contract covers only in part", async () => {
    // 2025-08-01..2025-12-31 closing on the 25th: 2025-08 runs from 8/1 (not 7/26), and
    // 2026-01 holds 12/26..12/31 alone; both are ordered, each said so under the lines.
    const ctx = await approvedContract(t, {
      seeded: true,
      startDate: "2025-08-01",
      endDate: "2025-12-31",
    });
    const { text } = await readDocument(
      t,
      `/v1/orders/${ctx.orderId}/document`,
      ctx.owner,
      "purchase-order-partial-months",
    );
    expect(text).toContain(
      `${HOUR_RANGE_CATEGORY.name}（2025年10月〜2026年1月稼働分） 1,000,000円 1 4 4,000,000円`,
    );
    expect(text).toContain("発注金額合計（税抜） 5,900,000円");
    expect(text).toContain(
      "※ 2025年8月稼働分は、契約期間のうち 2025年8月1日〜2025年8月25日 のみです",
    );
    expect(text).toContain(
      "※ 2026年1月稼働分は、契約期間のうち 2025年12月26日〜2025年12月31日 のみです",
    );
  });
});
