import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { PDFTOPPM, requireTool } from "../../tools/testTools";
import { contracts, invoices, users } from "../db/schema";
import { nodeFonts } from "../platform/nodeFonts";
import { type TestApp, testApp } from "../testing/app";
import { approvedInvoicesFor } from "../testing/payments";
import { pdfText } from "../testing/pdfText";

// A year's 支払調書 through the API: a partner paid every month of 2026 (the December 2025
// invoice paid in January, January to November 2026 after), figures checked against the
// invoices the API approved; a payee under the threshold, a corporation and fees without
// withholding left out with their reasons; the PDF read back and drawn as PNG.

const PAYER = {
  name: "株式会社デモ",
  address: "東京都港区芝公園4-2-8",
  phone: "03-1234-5678",
  corporateNumber: "1234567890123",
  category: "デザイン料",
  detail: "ウェブデザイン",
};

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ fonts: nodeFonts });
});

/** A second partner of the company with one approved invoice, stored as the API stores it. */
async function otherPayee(
  like: { companyId: string; contractId: string },
  partner: { name: string; kind: "individual" | "corporation" },
  figures: { total: number; consumptionTax: number; withholdingTax: number },
  dueDate: string,
) {
  const [user] = await t.db
    .insert(users)
    .values({
      email: `${partner.name.length}-${figures.total}@payee.test`,
      termsVersion: "2025-07",
      consentedAt: new Date(),
      fullName: partner.name,
      partnerKind: partner.kind,
      address: "大阪府大阪市北区梅田1-1",
    })
    .returning();
  const [template] = await t.db.select().from(contracts).where(eq(contracts.id, like.contractId));
  if (!user || !template) throw new Error("setup");
  const { id: _id, createdAt: _c, ...rest } = template;
  const [contract] = await t.db
    .insert(contracts)
    .values({ ...rest, partnerUserId: user.id })
    .returning();
  await t.db.insert(invoices).values({
    companyId: like.companyId,
    contractId: contract?.id ?? "",
    partnerUserId: user.id,
    workingMonth: "2026-03",
    kind: "invoice",
    number: "INV-000001",
    issuerId: user.id,
    status: "approved",
    inputs: {},
    figures: { ...figures, payable: figures.total - figures.withholdingTax },
    total: figures.total,
    dueDate,
  });
  return user.id;
}

async function setUp() {
  const hours = (m: number) => 8 + m;
  // December 2025's invoice is due 2026-01-31 (a Saturday): paid on Friday 30 January.
  const december = await approvedInvoicesFor(t, { year: 2025, months: [12], hours });
  const year = await approvedInvoicesFor(t, {
    year: 2026,
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    hours,
    seeded: true,
  });
  const { companyId, owner } = year;
  const settings = await t.call("PUT", `/v1/companies/${companyId}/settings`, {
    token: owner,
    body: { payer: PAYER },
  });
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  return {
    ...year,
    decemberContractId: december.contractId,
    invoices: [...december.invoices, ...year.invoices],
  };
}

/** The fields of one CSV line (RFC 4180 quoting). */
const cells = (line: string) =>
  [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[1] ?? "").replace(/^"|"$/g, "").replaceAll('""', '"'));

const path = (companyId: string, rest = "") =>
  `/v1/companies/${companyId}/annual-statements/2026${rest}`;

describe("支払調書", () => {
  it("sums a year of monthly payments with withholding, apart what is unpaid", async () => {
    const { companyId, owner, contractId, decemberContractId, invoices: paid } = await setUp();
    expect(paid).toHaveLength(12);
    // January's invoice went through a payment run marked paid; October's is in a run still
    // pending; November's falls due on 2026-12-31, a bank holiday, so is paid on the 30th, after
    // today (2026-12-02).
    const runs = `/v1/companies/${companyId}/payment-runs`;
    const january = await t.call("POST", runs, {
      token: owner,
      body: { paymentDate: "2026-02-27" },
    });
    expect(january.status, JSON.stringify(january.body)).toBe(200);
    await t.call("POST", `${runs}/${january.body.id}/paid`, { token: owner });
    const october = await t.call("POST", runs, {
      token: owner,
      body: { paymentDate: "2026-11-30" },
    });
    expect(october.status, JSON.stringify(october.body)).toBe(200);

    const small = await otherPayee(
      { companyId, contractId },
      { name: "小林 翔", kind: "individual" },
      { total: 33000, consumptionTax: 3000, withholdingTax: 3369 },
      "2026-04-30",
    );
    // Exactly 50,000 yen is not over the threshold ("5万円を超えるもの").
    await otherPayee(
      { companyId, contractId },
      { name: "加藤 直子", kind: "individual" },
      { total: 50000, consumptionTax: 4545, withholdingTax: 5105 },
      "2026-06-30",
    );
    await otherPayee(
      { companyId, contractId },
      { name: "株式会社 ミライ", kind: "corporation" },
      { total: 1100000, consumptionTax: 100000, withholdingTax: 0 },
      "2026-04-30",
    );
    await otherPayee(
      { companyId, contractId },
      { name: "中村 健", kind: "individual" },
      { total: 880000, consumptionTax: 80000, withholdingTax: 0 },
      "2026-04-30",
    );

    // The figures of the twelve invoices as the API approved them.
    const figures = [];
    for (const invoice of paid) {
      const res = await t.call("GET", `/v1/invoices/${invoice.id}`, { token: owner });
      expect(res.status).toBe(200);
      figures.push(res.body.figures);
    }
    const sum = (
      list: { total: number; withholdingTax: number }[],
      key: "total" | "withholdingTax",
    ) => list.reduce((n, f) => n + f[key], 0);
    // 5,000 yen an hour, 8 + m hours in month m, 10 % tax, 10.21 % withheld of the total.
    const months = [12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const expectedTotal = months.reduce((n, m) => n + (8 + m) * 5500, 0);
    const expectedWithheld = months.reduce(
      (n, m) => n + Math.floor(((8 + m) * 5500 * 1021) / 10000),
      0,
    );
    expect(sum(figures, "total")).toBe(expectedTotal);
    expect([expectedTotal, expectedWithheld]).toEqual([957_000, 97_704]);
    expect(sum(figures, "withholdingTax")).toBe(expectedWithheld);
    const unpaid = [figures[10], figures[11]];

    const res = await t.call("GET", path(companyId), {
      token: owner,
      headers: { "accept-language": "ja" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.title).toBe("令和8年分 報酬、料金、契約金及び賞金の支払調書");
    expect(res.body.statements).toHaveLength(1);
    const [statement] = res.body.statements;
    expect(statement.name).toBe("田中 美咲");
    expect(statement.address).toBe("東京都千代田区丸の内1-1-1");
    expect(statement.documents).toHaveLength(12);
    expect(statement.lines).toEqual([
      { category: "デザイン料", detail: "ウェブデザイン", ...statement.total },
    ]);
    expect(statement.total).toEqual({
      amount: expectedTotal,
      unpaidAmount: sum(unpaid, "total"),
      withholdingTax: expectedWithheld,
      unwithheldTax: sum(unpaid, "withholdingTax"),
    });
    expect(statement.consumptionTax).toBe(87_000);
    const byMonth = Object.fromEntries(
      statement.documents.map((d: { month: string }) => [d.month, d]),
    );
    expect(byMonth["2025-12"]).toMatchObject({ paidOn: "2026-01-30", basis: "dueDate" });
    expect(byMonth["2026-01"]).toMatchObject({ paidOn: "2026-02-27", basis: "paymentRun" });
    expect(byMonth["2026-10"]).toMatchObject({ unpaid: true, basis: "dueDate" });
    expect(byMonth["2026-11"]).toMatchObject({ paidOn: "2026-12-30", unpaid: true });

    const reasons = Object.fromEntries(
      res.body.excluded.map((e: { name: string; reason: string }) => [e.name, e]),
    );
    expect(reasons["小林 翔"]).toMatchObject({
      partnerUserId: small,
      reason: "belowThreshold",
      amount: 33000,
      message: "年間の支払金額 33,000円 が提出範囲（5万円超）に達しません",
    });
    expect(reasons["加藤 直子"]).toMatchObject({ reason: "belowThreshold", amount: 50000 });
    expect(reasons["株式会社 ミライ"]).toMatchObject({ reason: "corporation", amount: 1100000 });
    expect(reasons["中村 健"]).toMatchObject({ reason: "noWithholding", amount: 880000 });
    expect(res.body.problems).toEqual([]);

    // A contract of its own 区分: the December 2025 invoice's fees on a line apart.
    const own = await t.call("PUT", `/v1/companies/${companyId}/settings`, {
      token: owner,
      body: {
        payer: {
          ...PAYER,
          contracts: [{ contractId: decemberContractId, category: "原稿料", detail: "12回" }],
        },
      },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const split = await t.call("GET", path(companyId), { token: owner });
    // Lines in the order of their first payment: December 2025's was paid first.
    const [first, second] = split.body.statements[0].lines;
    expect(first).toEqual({
      category: "原稿料",
      detail: "12回",
      amount: 20 * 5500,
      unpaidAmount: 0,
      withholdingTax: 11231,
      unwithheldTax: 0,
    });
    expect(second).toMatchObject({ category: "デザイン料", detail: "ウェブデザイン" });
    expect(first.amount + second.amount).toBe(expectedTotal);
    expect(first.withholdingTax + second.withholdingTax).toBe(expectedWithheld);
    const foreign = await t.call("PUT", `/v1/companies/${companyId}/settings`, {
      token: owner,
      body: { payer: { ...PAYER, contracts: [{ contractId: "nope", category: "原稿料" }] } },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.issues[0].path).toBe("payer.contracts.0.contractId");

    // The year before has only payments of 2025's earlier months: none here.
    const before = await t.call("GET", `/v1/companies/${companyId}/annual-statements/2025`, {
      token: owner,
    });
    expect(before.body.statements).toEqual([]);
  });

  it("prints the PDF in the form's order and the CSV with the form's columns", async () => {
    const { companyId, owner, contractId } = await setUp();
    // A second payee: a page each.
    await otherPayee(
      { companyId, contractId },
      { name: "渡辺 陽子", kind: "individual" },
      { total: 110000, consumptionTax: 10000, withholdingTax: 11231 },
      "2026-04-30",
    );
    const res = await t.app.request(path(companyId, "/statements.pdf"), {
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = (await pdfText(bytes)).replace(/ +/g, " ");
    const order = [
      "令和8年分 報酬、料金、契約金及び賞金の支払調書",
      "支払を受ける者",
      "住所（居所）又は所在地 東京都千代田区丸の内1-1-1",
      "氏名又は名称 田中 美咲",
      "個人番号又は法人番号",
      "区分 細目 支払金額（内 未払金額） 源泉徴収税額（内 未徴収税額）",
      "デザイン料 ウェブデザイン 内 104,500円 内 10,669円",
      "957,000円 97,704円",
      "（摘要）",
      "支払金額には消費税等 87,000円 を含む。未払金額 104,500円（未徴収税額 10,669円）",
      "支払者",
      "住所（居所）又は所在地 東京都港区芝公園4-2-8",
      "氏名又は名称 株式会社デモ（電話）03-1234-5678",
      "個人番号又は法人番号 1234567890123",
      "整理欄 ① ②",
    ];
    let at = 0;
    for (const line of order) {
      const found = text.indexOf(line, at);
      expect(found, `${line} after ${at} in\n${text}`).toBeGreaterThanOrEqual(at);
      at = found + line.length;
    }
    // The payee's 個人番号 is left empty: the label stands alone on its line.
    expect(text.split("\n")).toContain("個人番号又は法人番号");

    const dir = mkdtempSync(join(tmpdir(), "shiharai-"));
    writeFileSync(join(dir, "statements.pdf"), bytes);
    execFileSync(requireTool(PDFTOPPM), ["-png", "-r", "80", "statements.pdf", "page"], {
      cwd: dir,
    });
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort();
    expect(pages).toHaveLength(2);
    const [, second = ""] = text.split("\f");
    expect(second).toContain("氏名又は名称 渡辺 陽子");
    expect(second).toContain("デザイン料 ウェブデザイン 110,000円 11,231円");
    expect(statSync(join(dir, pages[0] ?? "")).size).toBeGreaterThan(10_000);
    if (process.env.SHIMEBI_KEEP_PNG) console.log(join(dir, pages[0] ?? ""));

    const csv = await t.app.request(path(companyId, "/statements.csv"), {
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    const header = cells(lines[0] ?? "");
    const row = cells(lines[1] ?? "");
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header[0]).toBe("法定資料の種類");
    expect(cell("法定資料の種類")).toBe("309");
    expect(cell("年分")).toBe("08");
    expect(cell("支払を受ける者の氏名又は名称")).toBe("田中 美咲");
    expect(cell("区分")).toBe("デザイン料");
    expect(cell("支払金額")).toBe("957000");
    expect(cell("未払金額")).toBe("104500");
    expect(cell("源泉徴収税額")).toBe("97704");
    expect(cell("未徴収税額")).toBe("10669");
    expect(cell("支払を受ける者の個人番号又は法人番号")).toBe("");
    expect(cell("提出義務者の個人番号又は法人番号")).toBe("1234567890123");
    expect(cell("摘要")).toBe(
      "支払金額には消費税等 87,000円 を含む。未払金額 104,500円（未徴収税額 10,669円）",
    );
    expect(row).toHaveLength(header.length);
    expect(cells(lines[2] ?? "")[header.indexOf("支払金額")]).toBe("110000");
    expect(lines).toHaveLength(4);
  });

  it("names what to fill in, refuses to print without a payer, and a year that is not one", async () => {
    const { companyId, owner, partnerUserId } = await approvedInvoicesFor(t, {
      year: 2026,
      months: [1],
    });
    await t.db.update(users).set({ address: null }).where(eq(users.id, partnerUserId));
    const pdf = await t.call("GET", path(companyId, "/statements.pdf"), {
      token: owner,
      headers: { "accept-language": "ja" },
    });
    expect(pdf.status).toBe(422);
    expect(pdf.body.error.code).toBe("payer_settings_missing");
    const json = await t.call("GET", path(companyId), {
      token: owner,
      headers: { "accept-language": "ja" },
    });
    expect(json.status).toBe(200);
    expect(json.body.payer).toBeNull();
    expect(json.body.problems).toEqual([
      {
        path: "settings.payer",
        message:
          "支払者（会社名・所在地・法人番号）が設定されていません。会社設定の「支払調書の支払者」を登録してください",
      },
      {
        path: "statements.0.address",
        message:
          "田中 美咲：住所が登録されていません。パートナーに基本情報の住所の登録を依頼してください",
      },
    ]);
    const bad = await t.call("GET", `/v1/companies/${companyId}/annual-statements/1999`, {
      token: owner,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("invalid_year");
  });
});
