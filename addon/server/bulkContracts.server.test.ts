import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";
import { type FakeSheet, type Gas, installGas } from "../testing";
import { CONTRACT_SHEET } from "./contractSheetTexts";
import { menuContractSheet, menuCreateContracts } from "./index";

// 会社: 契約一括作成 against `npm start`'s own server over real HTTP, as the seeded demo
// company owner: the API's own rules refuse the bad row (nothing is created), then every row
// is created with its draft order, and a second run creates nothing.

let server: RunningServer;
let gas: Gas & { uninstall(): Promise<void> };
let token: string;

beforeAll(async () => {
  server = await startNodeServer();
  token = await devIdToken("owner@demo.shimebi.test");
  gas = installGas({ locale: "ja", identityToken: token, fetch: "http" });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", server.base);
}, 60_000);

afterAll(async () => {
  await gas?.uninstall();
  await server?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads the API's JSON by path
async function api(path: string): Promise<any> {
  const res = await fetch(`${server.base}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.json();
}

async function groupContracts(): Promise<{ id: string; title: string }[]> {
  const me = await api("/v1/me");
  const companyId = me.memberships.find(
    (m: { role: string }) => m.role === "companyOwner",
  ).companyId;
  const [group] = await api(`/v1/companies/${companyId}/groups`);
  return api(`/v1/groups/${group.id}/contracts`);
}

const sheet = () => gas.spreadsheet.getSheetByName(CONTRACT_SHEET) as unknown as FakeSheet;

function typeRow(sheetRow: number, values: unknown[]) {
  values.forEach((value, index) => {
    sheet().write(sheetRow, index + 1, value);
  });
}

const row = (title: string, type: string, price: string, extra: unknown[] = []) => [
  title,
  "partner@demo.shimebi.test",
  "準委任",
  "開発支援",
  "2027/01/01",
  "2027-06-30",
  "末日",
  "翌月",
  "末日",
  "30",
  type,
  "",
  price,
  ...extra,
];

describe("contracts from the sheet against the local API", () => {
  it("refuses the whole sheet for one bad row, then creates every row once", async () => {
    const before = (await groupContracts()).length;
    menuContractSheet();
    typeRow(2, row("一括 A", "時間単価", "５，０００"));
    typeRow(
      3,
      row("一括 B", "月額固定（精算幅あり）", "1,000,000円", ["140", "180", "5,555", "7,142"]),
    );
    typeRow(4, row("一括 C", "月額固定", "800000", ["", "", "", "", "2026-12"]));

    expect(menuCreateContracts()).toEqual({ created: 0, badRows: [4], cancelled: false });
    const result = (r: number) => String(sheet().cells[r - 1]?.[20] ?? "");
    expect(result(2)).toBe("確認済み（未作成）");
    expect(result(4)).toMatch(/^稼働初月：.*2027年1月/);
    expect(result(4)).not.toMatch(/effectiveFrom|[{}]/);
    expect(gas.ui.alerts.at(-1)).toContain("4行目に問題があるため、契約は1件も作成していません");
    expect((await groupContracts()).length).toBe(before);

    sheet().write(4, 18, "");
    gas.ui.confirms.push(true);
    expect(menuCreateContracts()).toEqual({ created: 3, badRows: [], cancelled: false });
    const after = await groupContracts();
    expect(after.length).toBe(before + 3);
    const ids = [2, 3, 4].map((r) => String(sheet().cells[r - 1]?.[19]));
    expect(after.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
    expect(result(3)).toMatch(/^作成済み・発注書 PO-\d{6}（下書き）$/);
    const detail = await api(`/v1/contracts/${ids[1]}`);
    expect(detail.conditions.costCategories[0]).toMatchObject({
      type: "monthlyRange",
      monthlyFee: 1000000,
      lowerHours: 140,
      upperHours: 180,
      excessRate: 5555,
      deductionRate: 7142,
    });
    expect(detail.orders.map((o: { status: string }) => o.status)).toEqual(["draft"]);

    // A run whose ids never reached the sheet: the next run is answered the same contracts.
    for (const r of [2, 3, 4]) sheet().write(r, 20, "");
    gas.ui.confirms.push(true);
    expect(menuCreateContracts()).toMatchObject({ created: 3, badRows: [] });
    expect([2, 3, 4].map((r) => String(sheet().cells[r - 1]?.[19]))).toEqual(ids);
    expect((await groupContracts()).length).toBe(before + 3);

    expect(menuCreateContracts()).toBeNull();
    expect(gas.ui.alerts.at(-1)).toBe(
      "作成する行がありません（作成済みの行は契約IDが入っています）",
    );
    expect((await groupContracts()).length).toBe(before + 3);
  }, 60_000);
});
