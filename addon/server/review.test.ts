import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeSheet, type FetchRequest, type Gas, installGas } from "../testing";
import { API_BASE } from "../testing/fixtures";
import { menuPullReview, pullCompanyReview } from "./review";

// The company's review sheets against a stand-in of the API holding `n` contracts in group
// g-1 (each with one order and one invoice) and one contract in g-2 that must stay out.

let gas: Gas & { uninstall(): Promise<void> };
const label = (code: string, ja: string) => ({ code, label: code, labelJa: ja });

function companyApi(n: number) {
  const state = { invoiceStatus: new Map<string, string>(), pages: 0 };
  const contracts = (group: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${group}-c${i}`,
      groupId: group,
      partnerUserId: `u-${i}`,
      title: `契約${i}`,
      startDate: "2025-07-01",
      endDate: "2025-12-31",
      status: label("inContract", "契約中"),
    }));
  const all = [...contracts("g-1", n), ...contracts("g-2", 1)];
  const invoices = all.map((c, i) => ({
    id: `inv-${c.id}`,
    contractId: c.id,
    partnerName: `パートナー${i}`,
    month: "2025-08",
    status: state.invoiceStatus.get(`inv-${c.id}`) ?? "underReview",
    number: `INV-${i}`,
    total: 1100000 + i,
  }));
  const handler = (request: FetchRequest) => {
    expect(request.method).toBe("GET");
    const path = request.url.replace(API_BASE, "");
    const reply = (body: unknown) => ({ status: 200, body });
    if (path === "/v1/companies/co-1/groups") return reply([{ id: "g-1" }, { id: "g-2" }]);
    const group = /^\/v1\/groups\/(g-\d)\/contracts$/.exec(path)?.[1];
    if (group) return reply(all.filter((c) => c.groupId === group));
    const contract = /^\/v1\/contracts\/(.+)$/.exec(path)?.[1];
    if (contract) {
      const order = { id: `ord-${contract}`, contractId: contract, number: `PO-${contract}` };
      return reply({
        id: contract,
        orders: [{ ...order, status: "approved", sentAt: "2025-06-20T00:00:00.000Z" }],
      });
    }
    if (path.startsWith("/v1/companies/co-1/invoices?")) {
      // Two pages, to follow the cursor.
      state.pages++;
      const items = invoices.map((i) => ({
        ...i,
        status: state.invoiceStatus.get(i.id) ?? i.status,
      }));
      const half = Math.ceil(items.length / 2);
      return path.includes("cursor=next")
        ? reply({ items: items.slice(half), nextCursor: null })
        : reply({ items: items.slice(0, half), nextCursor: "next" });
    }
    if (path === "/v1/me")
      return reply({
        email: "o@example.test",
        memberships: [{ companyId: "co-1", companyName: "デモ", role: "companyOwner" }],
      });
    return { status: 404, body: { error: { code: "not_found", message: path, issues: [] } } };
  };
  return { handler, state };
}

const sheet = (name: string) => gas.spreadsheet.getSheetByName(name) as unknown as FakeSheet;
const dataRows = (name: string) =>
  sheet(name)
    .cells.slice(1)
    .filter((r) => r?.[0]);

beforeEach(() => {
  gas = installGas({ locale: "ja", identityToken: "token-1" });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
});
afterEach(() => gas.uninstall());

describe("pullCompanyReview", () => {
  it("writes the chosen groups' contracts, orders and invoices, then refreshes them in place", () => {
    const N = 40;
    const api = companyApi(N);
    gas.setFetch(api.handler);
    const first = pullCompanyReview("co-1", ["g-1"]);
    expect(first.sheets.map((s) => [s.sheet, s.rows, s.added])).toEqual([
      ["契約", N, N],
      ["発注書", N, N],
      ["請求書", N, N],
    ]);
    expect(sheet("請求書").cells[0]).toEqual([
      "ID",
      "請求書番号",
      "パートナー",
      "稼働月",
      "状態",
      "金額",
    ]);
    expect(sheet("請求書").cells[3]).toEqual([
      "inv-g-1-c2",
      "INV-2",
      "パートナー2",
      "2025-08",
      "請求書確認中",
      1100002,
    ]);
    expect(sheet("契約").cells[1]).toEqual([
      "g-1-c0",
      "契約0",
      "パートナー0",
      "2025-07-01〜2025-12-31",
      "契約中",
      "",
    ]);
    expect(sheet("発注書").cells[1]).toEqual([
      "ord-g-1-c0",
      "PO-g-1-c0",
      "パートナー0",
      "2025-06",
      "承認済み",
      "",
    ]);
    for (const name of ["契約", "発注書", "請求書"]) {
      expect(sheet(name).isColumnHiddenByUser(1)).toBe(true);
      expect(dataRows(name).some((r) => String(r[0]).includes("g-2"))).toBe(false);
    }

    api.state.invoiceStatus.set("inv-g-1-c2", "approved");
    gas.counter.reset();
    const second = pullCompanyReview("co-1", ["g-1"]);
    expect(second.sheets.map((s) => [s.rows, s.added, s.updated])).toEqual([
      [N, 0, N],
      [N, 0, N],
      [N, 0, N],
    ]);
    expect(dataRows("請求書")).toHaveLength(N);
    expect(sheet("請求書").cells[3]?.[4]).toBe("承認済み");
    // One read and one write per sheet, whatever N.
    expect(gas.counter.of("getValues")).toBe(3);
    expect(gas.counter.of("setValues")).toBe(3);
  });

  it("keeps a sheet's call count constant as the rows grow, and takes every group when none are chosen", () => {
    const counts = [5, 200].map((n) => {
      gas.spreadsheet.sheets.splice(1);
      gas.setFetch(companyApi(n).handler);
      gas.counter.reset();
      pullCompanyReview("co-1");
      return {
        getValues: gas.counter.of("getValues"),
        setValues: gas.counter.of("setValues"),
        rows: dataRows("契約").length,
      };
    });
    expect(counts).toEqual([
      { getValues: 0, setValues: 3, rows: 6 },
      { getValues: 0, setValues: 3, rows: 201 },
    ]);
  });

  it("is on the menu: pulls every company the caller reviews, with a toast", () => {
    gas.setFetch(companyApi(3).handler);
    const results = menuPullReview();
    expect(results.map((r) => r.groupIds)).toEqual([["g-1", "g-2"]]);
    expect(gas.spreadsheet.toasts).toEqual(["12 行を取得しました"]);
  });
});
