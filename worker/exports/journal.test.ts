import Encoding from "encoding-japanese";
import { beforeEach, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../testing/app";
import { approvedInvoicesFor } from "../testing/payments";

// Each vendor's export of one approved invoice of January 2026 (transaction date 01-31),
// checked against the vendor's documented import layout. The invoice mixes rates:
// 10 h x 5,000 = 50,000 + 20,000 extra at 10 % = 70,000 -> tax 7,000;
// 3,333 extra at 8 % -> tax 266 (floor of 266.64); total 80,599;
// withholding floor(80,599 x 10.21 %) = 8,229; expenses 1,240 (10 %) + 540 (8 %);
// payable 80,599 - 8,229 + 1,780 = 74,150. Debits 77,000 + 3,599 + 1,240 + 540 = 82,379
// = credits 74,150 + 8,229.

let t: TestApp;
let setup: Awaited<ReturnType<typeof approvedInvoicesFor>>;

beforeEach(async () => {
  t = await testApp();
  setup = await approvedInvoicesFor(t, {
    year: 2026,
    months: [1],
    extraItems: [
      { name: "追加作業", amount: 20_000 },
      { name: "会議用弁当", amount: 3_333, taxRate: 8 },
    ],
    expenses: [
      { name: "交通費", amount: 1_240 },
      { name: "打合せ飲料", amount: 540, taxRate: 8 },
    ],
  });
});

const REGISTRATION = "T7000012050002";

async function exportOf(vendor: string, from = "2026-01-01", to = "2026-01-31") {
  const res = await t.app.request(
    `/v1/companies/${setup.companyId}/exports/journal.csv?vendor=${vendor}&from=${from}&to=${to}`,
    { headers: { authorization: `Bearer ${setup.owner}` } },
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Decoded by the platform's own Shift_JIS decoder, not the library that encoded it.
  const text = new TextDecoder("shift_jis").decode(bytes);
  // No cell here needs quoting, so a plain split is the CSV.
  const rows = text
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => line.split(","));
  return { res, bytes, text, rows };
}

const sum = (values: string[]) => values.reduce((s, v) => s + Number(v || 0), 0);

describe("GET /v1/companies/{companyId}/exports/journal.csv", () => {
  it("freee 取引インポート: 21 documented columns, one 支出 with a 明細 per rate", async () => {
    const { res, bytes, text, rows } = await exportOf("freee");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=Shift_JIS");
    expect(res.headers.get("x-journal-entries")).toBe("1");
    expect(Encoding.detect(bytes)).toBe("SJIS");
    expect(text).not.toContain('"');
    expect(rows[0]).toEqual([
      "収支区分",
      "管理番号",
      "発生日",
      "決済期日",
      "取引先コード",
      "取引先",
      "勘定科目",
      "税区分",
      "金額",
      "税計算区分",
      "税額",
      "備考",
      "品目",
      "部門",
      "メモタグ（複数指定可、カンマ区切り）",
      "セグメント1",
      "セグメント2",
      "セグメント3",
      "決済日",
      "決済口座",
      "決済金額",
    ]);
    const body = rows.slice(1);
    expect(body.every((row) => row.length === 21)).toBe(true);
    const due = setup.invoices[0]?.dueDate.replaceAll("-", "/");
    expect(body[0]?.slice(0, 6)).toEqual([
      "支出",
      "INV-000001",
      "2026/01/31",
      due,
      "",
      "田中 美咲",
    ]);
    // 明細 rows after the first leave the 取引's own columns empty.
    for (const row of body.slice(1)) expect(row.slice(0, 6)).toEqual(["", "", "", "", "", ""]);
    expect(body.map((row) => [row[6], row[7], row[8], row[9], row[10]])).toEqual([
      ["外注費", "課対仕入10%", "77000", "内税", "7000"],
      ["外注費", "課対仕入8%（軽）", "3599", "内税", "266"],
      ["旅費交通費", "課対仕入10%", "1240", "内税", "112"],
      ["旅費交通費", "課対仕入8%（軽）", "540", "内税", "40"],
      ["預り金", "対象外", "-8229", "内税", "0"],
    ]);
    // The unsettled amount freee books as 未払金 is the invoice's payable.
    expect(sum(body.map((row) => row[8] ?? ""))).toBe(74_150);
    for (const row of body) expect(row[11]).toContain(`INV-000001 ${REGISTRATION} 田中 美咲`);
  });

  it("Money Forward 仕訳帳インポート: the template's 27 columns, debits = credits", async () => {
    const { res, rows } = await exportOf("moneyforward");
    expect(res.status).toBe(200);
    expect(rows[0]).toEqual([
      "取引No",
      "取引日",
      "借方勘定科目",
      "借方補助科目",
      "借方部門",
      "借方取引先",
      "借方税区分",
      "借方インボイス",
      "借方金額(円)",
      "借方税額",
      "貸方勘定科目",
      "貸方補助科目",
      "貸方部門",
      "貸方取引先",
      "貸方税区分",
      "貸方インボイス",
      "貸方金額(円)",
      "貸方税額",
      "摘要",
      "仕訳メモ",
      "タグ",
      "MF仕訳タイプ",
      "決算整理仕訳",
      "作成日時",
      "作成者",
      "最終更新日時",
      "最終更新者",
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(4);
    expect(body.every((row) => row.length === 27)).toBe(true);
    // One compound entry: the same 取引No and 取引日 on every row.
    expect(new Set(body.map((row) => `${row[0]} ${row[1]}`))).toEqual(new Set(["1 2026/01/31"]));
    expect(body.map((row) => [row[2], row[6], row[7], row[8], row[9]])).toEqual([
      ["外注費", "課税仕入 10%", "適格", "77000", "7000"],
      ["外注費", "課税仕入 (軽)8%", "適格", "3599", "266"],
      ["旅費交通費", "課税仕入 10%", "適格", "1240", "112"],
      ["旅費交通費", "課税仕入 (軽)8%", "適格", "540", "40"],
    ]);
    expect(body.map((row) => [row[10], row[14], row[16]])).toEqual([
      ["未払金", "対象外", "74150"],
      ["預り金", "対象外", "8229"],
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(sum(body.map((row) => row[8] ?? ""))).toBe(82_379);
    expect(sum(body.map((row) => row[16] ?? ""))).toBe(82_379);
    expect(body[1]?.[18]).toBe(`INV-000001 ${REGISTRATION} 田中 美咲 2026年1月分 報酬 8%（軽減）`);
    expect(body.every((row) => row[19] === "INV-000001")).toBe(true);
  });

  it("弥生インポート形式: 25 columns, no header, one 伝票 flagged 2110/2100/2101", async () => {
    const { res, rows } = await exportOf("yayoi");
    expect(res.status).toBe(200);
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.length === 25)).toBe(true);
    expect(rows.map((row) => row[0])).toEqual(["2110", "2100", "2100", "2101"]);
    expect(rows.every((row) => row[3] === "2026/01/31")).toBe(true);
    // 借方: 勘定科目 (E), 税区分 (H) with the 請求書区分, 金額 (I), 税金額 (J).
    expect(rows.map((row) => [row[4], row[7], row[8], row[9]])).toEqual([
      ["外注費", "課対仕入込10%適格", "77000", "7000"],
      ["外注費", "課対仕入込軽減8%適格", "3599", "266"],
      ["旅費交通費", "課対仕入込10%適格", "1240", "112"],
      ["旅費交通費", "課対仕入込軽減8%適格", "540", "40"],
    ]);
    // 貸方: 勘定科目 (K), 税区分 (N), 金額 (O): "0" where a row has no credit, as documented.
    expect(rows.map((row) => [row[10], row[13], row[14]])).toEqual([
      ["未払金", "対象外", "74150"],
      ["預り金", "対象外", "8229"],
      ["", "", "0"],
      ["", "", "0"],
    ]);
    expect(sum(rows.map((row) => row[8] ?? ""))).toBe(sum(rows.map((row) => row[14] ?? "")));
    expect(rows[0]?.slice(16)).toEqual([
      `INV-000001 ${REGISTRATION} 田中 美咲 2026年1月分 報酬 10%`,
      "INV-000001",
      "",
      "0",
      "",
      "INV-000001",
      "0",
      "0",
      "no",
    ]);
  });

  it("applies the company's accounts, department and tax category names", async () => {
    const settings = await t.call("PUT", `/v1/companies/${setup.companyId}/settings`, {
      token: setup.owner,
      body: {
        accounting: {
          feeAccount: "支払手数料",
          expenseAccount: "立替金",
          payableAccount: "買掛金",
          withholdingAccount: "預り金（源泉）",
          department: "開発部",
          taxCategories: {
            freee: { standard: "課対仕入10%", reduced: "課対仕入8%(軽)", outOfScope: "対象外" },
            moneyforward: { standard: "課仕 10%", reduced: "課仕 8% (軽)", outOfScope: "対象外" },
            yayoi: { standard: "課対仕入込10%", reduced: "課対仕入込軽減8%", outOfScope: "対象外" },
          },
        },
      },
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    expect(settings.body.accountingIsDefault).toBe(false);

    const mf = (await exportOf("moneyforward")).rows.slice(1);
    expect(mf.map((row) => [row[2], row[4], row[6]])).toEqual([
      ["支払手数料", "開発部", "課仕 10%"],
      ["支払手数料", "開発部", "課仕 8% (軽)"],
      ["立替金", "開発部", "課仕 10%"],
      ["立替金", "開発部", "課仕 8% (軽)"],
    ]);
    expect(mf.slice(0, 2).map((row) => row[10])).toEqual(["買掛金", "預り金（源泉）"]);
    const freee = (await exportOf("freee")).rows.slice(1);
    expect(freee.map((row) => [row[6], row[7], row[13]])).toContainEqual([
      "支払手数料",
      "課対仕入8%(軽)",
      "開発部",
    ]);
  });

  it("takes only transaction dates in the range, and refuses a range that is not one", async () => {
    const none = await exportOf("yayoi", "2026-01-01", "2026-01-30");
    expect(none.res.status).toBe(200);
    expect(none.res.headers.get("x-journal-entries")).toBe("0");
    expect(none.bytes.byteLength).toBe(0);
    const header = await exportOf("freee", "2026-02-01", "2026-12-31");
    expect(header.rows).toHaveLength(1);

    const reversed = await t.call(
      "GET",
      `/v1/companies/${setup.companyId}/exports/journal.csv?vendor=freee&from=2026-02-01&to=2026-01-01`,
      { token: setup.owner, headers: { "accept-language": "ja" } },
    );
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.issues[0]).toMatchObject({ path: "to" });
    expect(reversed.body.error.message).toContain("終了日");
    const vendor = await t.call(
      "GET",
      `/v1/companies/${setup.companyId}/exports/journal.csv?vendor=obic&from=2026-01-01&to=2026-01-31`,
      { token: setup.owner },
    );
    expect(vendor.status).toBe(422);
  });
});
