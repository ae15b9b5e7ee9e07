import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeSheet, type FetchRequest, type Gas, installGas } from "../testing";
import { API_BASE } from "../testing/fixtures";
import { menuPullReview, pullCompanyReview } from "./review";

// The company's review sheets against a stand-in of the API holding `n` contracts in group
// g-1 (each with one order and one invoice) and one contract in g-2 that must stay out,
// answered as GET /v1/groups/{id}/contracts and the company's invoice list answer them.

let gas: Gas & { uninstall(): Promise<void> };

const RANGE = {
  id: "ses",
  name: "月額固定",
  type: "monthlyRange",
  monthlyFee: 1000000,
  lowerHours: 100,
  upperHours: 120,
  excessRate: 8000,
  deductionRate: 10000,
  months: [{ month: "2025-09", monthlyFee: 900000, lowerHours: 90, upperHours: 110 }],
};

function companyApi(n: number, company = "co-1", groups = ["g-1", "g-2"]) {
  const state = { invoiceStatus: new Map<string, string>(), gone: new Set<string>() };
  const contract = (group: string, i: number) => ({
    id: `${group}-c${i}`,
    groupId: group,
    partnerUserId: `u-${i}`,
    title: `契約${i}`,
    startDate: "2025-07-26",
    endDate: "2025-09-25",
    closingDay: 25,
    autoRenewal: false,
    status: { code: "inContract", label: "In contract", labelJa: "契約中" },
    partner:
      i === 0
        ? { id: "u-0", name: "伊藤 商事", kind: "corporation", registeredName: "伊藤商事株式会社" }
        : { id: `u-${i}`, name: `パートナー${i}`, kind: "individual", registeredName: null },
    conditions: {
      version: 1,
      effectiveFrom: "2025-08",
      costCategories: i === 1 ? [{ id: "dev", type: "hourly", unitPrice: 5000 }] : [RANGE],
    },
    orders: [
      {
        id: `ord-${group}-c${i}`,
        number: `PO-${i}`,
        status: "approved",
        subject: `契約${i}`,
        sentAt: "2025-07-19T16:00:00.000Z", // 2025-07-20 in Japan
        createdAt: "2025-07-19T15:00:00.000Z",
        workingMonths: ["2025-08", "2025-09"],
        totalAmount: 1900000,
      },
    ],
  });
  const [main = "", other = ""] = groups;
  const all = [...Array.from({ length: n }, (_, i) => contract(main, i)), contract(other, n)];
  const invoice = (c: (typeof all)[number], i: number) => ({
    id: `inv-${c.id}`,
    contractId: c.id,
    contractTitle: c.title,
    partnerName: `請求者${i}`,
    month: "2025-08",
    status: state.invoiceStatus.get(`inv-${c.id}`) ?? "underReview",
    number: `INV-${i}`,
    subtotal: 1000000 + i,
    consumptionTax: 100000,
    total: 1100000 + i,
    withholdingTax: 0,
    payable: 1100000 + i,
    dueDate: "2025-09-30",
  });
  const handler = (request: FetchRequest) => {
    expect(request.method).toBe("GET");
    const path = request.url.replace(API_BASE, "");
    const reply = (body: unknown) => ({ status: 200, body });
    const listed = all.filter((c) => !state.gone.has(c.id));
    if (path === `/v1/companies/${company}/groups`) return reply(groups.map((id) => ({ id })));
    const group = /^\/v1\/groups\/(g-\d)\/contracts$/.exec(path)?.[1];
    if (group) return reply(listed.filter((c) => c.groupId === group));
    if (path.startsWith(`/v1/companies/${company}/invoices?`)) {
      // Two pages, to follow the cursor.
      const items = listed.map(invoice);
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
const format = (name: string, row: number, column: number) =>
  sheet(name).getRange(row, column).getNumberFormat();
/** A row as the user sees it, each cell under its number format. */
const shown = (name: string, row: number) => {
  const width = sheet(name).cells[0]?.length ?? 1;
  return sheet(name).getRange(row, 1, 1, width).getDisplayValues()[0]?.slice(1);
};
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
  it("shows partners, amounts in yen, dates and statuses in Japanese", () => {
    gas.setFetch(companyApi(3).handler);
    const first = pullCompanyReview("co-1", ["g-1"]);
    expect(first.sheets.map((s) => [s.sheet, s.rows, s.added])).toEqual([
      ["契約", 3, 3],
      ["発注書", 3, 3],
      ["請求書", 3, 3],
    ]);
    expect(sheet("契約").cells.slice(0, 3)).toEqual([
      ["ID", "契約名", "パートナー", "開始日", "終了日", "状態", "月額", "単価", "精算幅"],
      // The conditions of the contract's last month, 2025-09: its own fee and range.
      [
        "g-1-c0",
        "契約0",
        "伊藤 商事（伊藤商事株式会社）",
        "2025-07-26",
        "2025-09-25",
        "契約中",
        900000,
        "",
        "90〜110時間",
      ],
      ["g-1-c1", "契約1", "パートナー1", "2025-07-26", "2025-09-25", "契約中", "", 5000, ""],
    ]);
    expect(sheet("発注書").cells.slice(0, 2)).toEqual([
      ["ID", "発注書番号", "契約名", "パートナー", "発注月", "金額", "状態", "送付日"],
      [
        "ord-g-1-c0",
        "PO-0",
        "契約0",
        "伊藤 商事（伊藤商事株式会社）",
        "2025年8月〜2025年9月",
        1900000,
        "承認済み",
        "2025-07-20",
      ],
    ]);
    expect(sheet("請求書").cells[0]).toEqual([
      "ID",
      "請求書番号",
      "パートナー",
      "契約名",
      "稼働月",
      "状態",
      "小計",
      "消費税",
      "合計",
      "源泉徴収税",
      "差引支払額",
      "支払期日",
    ]);
    expect(sheet("請求書").cells[3]).toEqual([
      "inv-g-1-c2",
      "INV-2",
      "パートナー2",
      "契約2",
      "2025-08-01",
      "請求書確認中",
      1000002,
      100000,
      1100002,
      0,
      1100002,
      "2025-09-30",
    ]);
    expect([7, 8].map((c) => format("契約", 2, c))).toEqual(['#,##0"円"', '#,##0"円"']);
    expect([4, 5].map((c) => format("契約", 4, c))).toEqual(Array(2).fill('yyyy"年"m"月"d"日"'));
    expect([format("発注書", 2, 6), format("発注書", 2, 8)]).toEqual([
      '#,##0"円"',
      'yyyy"年"m"月"d"日"',
    ]);
    expect([5, 7, 8, 9, 10, 11, 12].map((c) => format("請求書", 3, c))).toEqual([
      'yyyy"年"m"月"',
      ...Array(5).fill('#,##0"円"'),
      'yyyy"年"m"月"d"日"',
    ]);
    expect(shown("契約", 2)).toEqual([
      "契約0",
      "伊藤 商事（伊藤商事株式会社）",
      "2025年7月26日",
      "2025年9月25日",
      "契約中",
      "900,000円",
      "",
      "90〜110時間",
    ]);
    expect(shown("契約", 3)?.slice(5, 7)).toEqual(["", "5,000円"]);
    expect(shown("発注書", 2)?.slice(3)).toEqual([
      "2025年8月〜2025年9月",
      "1,900,000円",
      "承認済み",
      "2025年7月20日",
    ]);
    expect(shown("請求書", 4)?.slice(3)).toEqual([
      "2025年8月",
      "請求書確認中",
      "1,000,002円",
      "100,000円",
      "1,100,002円",
      "0円",
      "1,100,002円",
      "2025年9月30日",
    ]);
    for (const name of ["契約", "発注書", "請求書"]) {
      expect(sheet(name).isColumnHiddenByUser(1)).toBe(true);
      expect(dataRows(name).some((r) => String(r[0]).includes("g-2"))).toBe(false);
    }
  });

  it("refreshes in place: the same row after a status change, rows no longer listed marked, the user's columns kept", () => {
    const N = 40;
    const api = companyApi(N);
    gas.setFetch(api.handler);
    pullCompanyReview("co-1", ["g-1"]);
    // The reviewer's own notes, right of the add-on's columns.
    sheet("請求書").write(4, 13, "経理確認済み");
    sheet("契約").write(5, 10, "更新予定");

    api.state.invoiceStatus.set("inv-g-1-c2", "approved");
    api.state.gone.add("g-1-c3");
    gas.counter.reset();
    const second = pullCompanyReview("co-1", ["g-1"]);
    expect(second.sheets.map((s) => [s.rows, s.added, s.updated, s.notListed])).toEqual([
      [N, 0, N - 1, 1],
      [N, 0, N - 1, 1],
      [N, 0, N - 1, 1],
    ]);
    expect(sheet("請求書").cells[3]?.slice(0, 6)).toEqual([
      "inv-g-1-c2",
      "INV-2",
      "パートナー2",
      "契約2",
      "2025-08-01",
      "承認済み",
    ]);
    expect(sheet("請求書").cells[3]?.[12]).toBe("経理確認済み");
    // g-1-c3 is kept where it was, as last pulled, its status saying it is no longer listed.
    expect(sheet("契約").cells[4]?.slice(0, 6)).toEqual([
      "g-1-c3",
      "契約3",
      "パートナー3",
      "2025-07-26",
      "2025-09-25",
      "表示対象外",
    ]);
    expect(sheet("契約").cells[4]?.[9]).toBe("更新予定");
    expect(sheet("発注書").cells[4]?.[6]).toBe("表示対象外");
    expect(sheet("請求書").cells[4]?.[5]).toBe("表示対象外");
    expect(format("請求書", N + 1, 9)).toBe('#,##0"円"');
    // One read and one write per sheet, whatever N.
    expect(gas.counter.of("getValues")).toBe(3);
    expect(gas.counter.of("setValues")).toBe(3);
  });

  it("marks only the rows of the groups and company it pulled: another group's rows stay as they were", () => {
    const demo = companyApi(2); // g-1: g-1-c0, g-1-c1; g-2: g-2-c2
    const other = companyApi(1, "co-2", ["g-8", "g-9"]);
    gas.setFetch((request) => (/co-2|g-[89]/.test(request.url) ? other : demo).handler(request));
    const statuses = () =>
      Object.fromEntries(dataRows("契約").map((r) => [String(r[0]), String(r[5])]));
    pullCompanyReview("co-1", ["g-1"]);
    const second = pullCompanyReview("co-1", ["g-2"]);
    expect(second.sheets.map((s) => [s.rows, s.added, s.notListed])).toEqual([
      [3, 1, 0],
      [3, 1, 0],
      [3, 1, 0],
    ]);
    pullCompanyReview("co-2");
    expect(statuses()).toEqual({
      "g-1-c0": "契約中",
      "g-1-c1": "契約中",
      "g-2-c2": "契約中",
      "g-8-c0": "契約中",
      "g-9-c1": "契約中",
    });
    expect(
      sheet("請求書")
        .cells.slice(1)
        .map((r) => r?.[5]),
    ).not.toContain("表示対象外");

    // A contract of g-2 gone: g-2's pull marks it, and only it.
    demo.state.gone.add("g-2-c2");
    const third = pullCompanyReview("co-1", ["g-2"]);
    expect(third.sheets.map((s) => s.notListed)).toEqual([1, 1, 1]);
    expect(statuses()).toEqual({
      "g-1-c0": "契約中",
      "g-1-c1": "契約中",
      "g-2-c2": "表示対象外",
      "g-8-c0": "契約中",
      "g-9-c1": "契約中",
    });
    // The whole company's pull answers for every group of it, not for the other company.
    demo.state.gone.add("g-1-c1");
    const whole = pullCompanyReview("co-1");
    expect(whole.sheets.map((s) => s.notListed)).toEqual([2, 2, 2]);
    expect(statuses()["g-8-c0"]).toBe("契約中");
  });

  it("shows the conditions billed, and before any order is approved those awaiting approval", () => {
    const api = companyApi(2);
    gas.setFetch((request) => {
      const answer = api.handler(request);
      if (!request.url.endsWith("/v1/groups/g-1/contracts")) return answer;
      const [approved, unapproved] = answer.body as Record<string, unknown>[];
      const pending = {
        version: 2,
        effectiveFrom: "2025-09",
        costCategories: [{ id: "fix", type: "monthly", monthlyFee: 1200000 }],
      };
      return {
        ...answer,
        body: [
          { ...approved, pendingConditions: pending },
          { ...unapproved, pendingConditions: unapproved?.conditions, conditions: null },
        ],
      };
    });
    pullCompanyReview("co-1", ["g-1"]);
    // g-1-c0 is billed by its approved 900,000 for 2025-09, not the pending 1,200,000.
    expect(sheet("契約").cells[1]?.slice(6)).toEqual([900000, "", "90〜110時間"]);
    expect(sheet("契約").cells[2]?.slice(6)).toEqual(["", 5000, ""]);
  });

  it("speaks English to an English user and takes over the Japanese sheets in place", () => {
    gas.setFetch(companyApi(2).handler);
    pullCompanyReview("co-1", ["g-1"]);
    gas.setLocale("en-US");
    const again = pullCompanyReview("co-1", ["g-1"]);
    expect(again.sheets.map((s) => [s.sheet, s.rows, s.added])).toEqual([
      ["Contracts", 2, 0],
      ["Purchase orders", 2, 0],
      ["Invoices", 2, 0],
    ]);
    expect(gas.spreadsheet.sheets.map((s) => s.getName())).toEqual([
      "シート1",
      "Contracts",
      "Purchase orders",
      "Invoices",
    ]);
    expect(sheet("Contracts").cells[0]).toEqual([
      "ID",
      "Contract",
      "Partner",
      "Start",
      "End",
      "Status",
      "Monthly fee",
      "Unit price",
      "Hour range",
    ]);
    expect(sheet("Contracts").cells[1]?.slice(5)).toEqual(["In contract", 900000, "", "90–110 h"]);
    expect(sheet("Purchase orders").cells[2]?.slice(4, 7)).toEqual([
      "2025-08 to 2025-09",
      1900000,
      "Approved",
    ]);
    expect(sheet("Invoices").cells[1]?.[5]).toBe("Under review");
    expect(shown("Invoices", 2)?.slice(3)).toEqual([
      "2025-08",
      "Under review",
      "¥1,000,000",
      "¥100,000",
      "¥1,100,000",
      "¥0",
      "¥1,100,000",
      "2025-09-30",
    ]);
    expect(shown("Contracts", 2)?.slice(2, 6)).toEqual([
      "2025-07-26",
      "2025-09-25",
      "In contract",
      "¥900,000",
    ]);
    expect(format("Invoices", 2, 9)).toBe('"¥"#,##0');
    expect(format("Invoices", 2, 5)).toBe("yyyy-mm");
    expect(format("Contracts", 3, 4)).toBe("yyyy-mm-dd");
  });

  it("keeps a sheet's call count constant as the rows grow, and takes every group when none are chosen", () => {
    const counts = [5, 200].map((n) => {
      gas.spreadsheet.sheets.splice(1);
      const api = companyApi(n);
      let requests = 0;
      gas.setFetch((request) => {
        requests++;
        return api.handler(request);
      });
      gas.counter.reset();
      pullCompanyReview("co-1");
      return {
        requests,
        getValues: gas.counter.of("getValues"),
        setValues: gas.counter.of("setValues"),
        rows: dataRows("契約").length,
      };
    });
    // The groups, each group's contracts, two pages of invoices: no request per contract.
    expect(counts).toEqual([
      { requests: 5, getValues: 0, setValues: 3, rows: 6 },
      { requests: 5, getValues: 0, setValues: 3, rows: 201 },
    ]);
  });

  it("is on the menu: pulls every company the caller reviews into the same sheets, with a toast", () => {
    const demo = companyApi(3);
    const other = companyApi(1, "co-2", ["g-8", "g-9"]);
    gas.setFetch((request) => {
      const path = request.url.replace(API_BASE, "");
      if (path === "/v1/me") {
        const companies = [
          { companyId: "co-1", companyName: "デモ", role: "companyOwner" },
          { companyId: "co-2", companyName: "別会社", role: "member" },
        ];
        return { status: 200, body: { email: "o@example.test", memberships: companies } };
      }
      return (/co-2|g-[89]/.test(path) ? other : demo).handler(request);
    });
    const result = menuPullReview();
    expect(result?.companies).toEqual([
      { companyId: "co-1", groupIds: ["g-1", "g-2"] },
      { companyId: "co-2", groupIds: ["g-8", "g-9"] },
    ]);
    // 4 + 2 contracts, as many orders and invoices; no company's rows marked by the other's.
    expect(result?.sheets.map((s) => [s.rows, s.notListed])).toEqual([
      [6, 0],
      [6, 0],
      [6, 0],
    ]);
    expect(gas.spreadsheet.toasts).toEqual(["18 行を取得しました"]);
    menuPullReview();
    expect(dataRows("契約").filter((r) => r[5] === "表示対象外")).toEqual([]);
  });
});
