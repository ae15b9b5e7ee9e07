import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";
import { type FakeSheet, type Gas, installGas } from "../testing";
import { callApi } from "./api";
import { menuPullReview } from "./index";

// The company's review sheets against `npm start`'s own server over real HTTP, as the seeded
// demo owner: the demo contract (1,000,000 yen a month, 140-180 h, from last month to three
// months ahead) with its approved purchase order, then a change of conditions.

let server: RunningServer;
let gas: Gas & { uninstall(): Promise<void> };

beforeAll(async () => {
  server = await startNodeServer();
  gas = installGas({
    locale: "ja",
    identityToken: await devIdToken("owner@demo.shimebi.test"),
    fetch: "http",
  });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", server.base);
}, 60_000);

afterAll(async () => {
  await gas?.uninstall();
  await server?.stop();
});

const sheet = (name: string) => gas.spreadsheet.getSheetByName(name) as unknown as FakeSheet;
const row = (name: string, title: string) =>
  sheet(name).cells.find((r) => r?.includes(title)) ?? [];

describe("the review sheets against the local API", () => {
  it("fills the demo contract's partner, terms and order amount, then appends a new draft order in place", () => {
    const first = menuPullReview();
    expect(gas.ui.alerts).toEqual([]);
    const contract = row("契約", "Shimebi 開発支援");
    expect(contract.slice(1)).toEqual([
      "Shimebi 開発支援",
      "田中 美咲",
      expect.stringMatching(/^\d{4}-\d{2}-01$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      "契約中",
      1000000,
      "",
      "140〜180時間",
    ]);
    const order = row("発注書", "Shimebi 開発支援");
    // Five working months at 1,000,000 yen, month-end closing.
    expect(order.slice(3, 7)).toEqual([
      "田中 美咲",
      expect.stringMatching(/^\d{4}年\d{1,2}月〜\d{4}年\d{1,2}月$/),
      5000000,
      "承認済み",
    ]);
    expect(sheet("発注書").getRange(2, 6).getNumberFormat()).toBe('#,##0"円"');
    const ordersBefore = first?.sheets[1]?.rows ?? 0;

    // A change of conditions from next month: a draft order for the remaining months.
    const contractId = String(contract[0]);
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
    const effectiveFrom = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
    })
      .format(from)
      .slice(0, 7);
    callApi("post", `/v1/contracts/${contractId}/conditions`, {
      effectiveFrom,
      costCategories: [{ id: "fix", name: "月額", type: "monthly", monthlyFee: 1200000 }],
    });
    const second = menuPullReview();
    expect(second?.sheets[1]).toMatchObject({ rows: ordersBefore + 1, added: 1 });
    expect(row("発注書", "Shimebi 開発支援")).toEqual(order);
    const draft =
      sheet("発注書").cells.find((r) => r?.[2] === "Shimebi 開発支援" && r?.[6] === "下書き") ?? [];
    // The three months from next month on, at 1,200,000 yen.
    expect(draft[5]).toBe(3600000);
    expect(draft[7]).toBe("");
  });
});
