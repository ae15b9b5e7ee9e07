import { beforeEach, describe, expect, it } from "vitest";
import { formatThousands } from "../../shared";
import { workEntries } from "../db/schema";
import { nodeFonts } from "../platform/nodeFonts";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import { readDocument } from "../testing/documents";

// The invoice (請求書) and the business report (業務報告書) as a Japanese accountant reads
// them: HTML and PDF say the same lines (one layout, two renderers), the PDF renders to a
// PNG with ink on it, and the text read back has Japanese dates, 御中 for the company, lines
// that multiply out, the totals in the order Japanese invoices print them, and no status
// stamp once the invoice is issued.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;
const pad = (n: number) => String(n).padStart(2, "0");
const yen = (n: number) => `${formatThousands(n)}円`;

beforeEach(async () => {
  t = await testApp({ fonts: nodeFonts });
  ctx = await approvedContract(t);
  // 15 days of 09:00-18:00 with an hour's break: 120 h, inside the 100-120 h range.
  await t.db.insert(workEntries).values(
    Array.from({ length: 15 }, (_, i) => ({
      contractId: ctx.contractId,
      workingMonth: "2025-08",
      date: `2025-08-${pad(i + 1)}`,
      costCategoryId: "ses",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
      details: "画面実装とレビュー対応",
    })),
  );
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  ctx.partner = await signIn(t, "partner@demo.shimebi.test");
  ctx.owner = await signIn(t, "owner@demo.shimebi.test");
});

/** Where each label first appears in the text: the order the page prints them in. */
const positions = (text: string, labels: string[]) => labels.map((l) => text.indexOf(l));

describe("the invoice document", () => {
  it("prints an approved qualified invoice as an accountant expects it", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: {
        expenses: [{ name: "交通費", amount: 1240 }],
        extraItems: [{ name: "資料作成", amount: 20000 }],
        withholding: { enabled: true, base: "includingTax" },
        remarks: "8月分の稼働です",
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const id = draft.body.id;
    const submit = await t.call("POST", `/v1/invoices/${id}/submit`, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
    expect((await t.call("POST", `/v1/invoices/${id}/approve`, { token: ctx.owner })).status).toBe(
      200,
    );
    const f = submit.body.figures;
    // 1,000,000 (the month's fee) + 20,000 (an extra item), tax 10 %.
    expect(f).toMatchObject({ subtotal: 1020000, consumptionTax: 102000, total: 1122000 });
    // 10.21 % up to 1,000,000 yen, 20.42 % above it.
    expect(f.withholdingTax).toBe(102100 + Math.floor((122000 * 2042) / 10000));
    expect(f.payable).toBe(1122000 - f.withholdingTax + 1240);

    const { text } = await readDocument(
      t,
      `/v1/invoices/${id}/document`,
      ctx.owner,
      "invoice-approved",
    );
    for (const line of [
      "請求書",
      "Demo 御中",
      "件名 SES 開発支援（2025年8月分）",
      "請求日 2025年8月26日",
      `請求番号 ${submit.body.number}`,
      "田中 美咲",
      "登録番号 T7000012050002",
      `ご請求金額 ${yen(f.payable)}`,
      "お支払期日 2025年9月30日",
      "取引年月日 2025年7月26日〜2025年8月25日（2025年8月稼働分）",
      // Each line multiplies out: 1式 × 1,000,000円, 1 × 20,000円.
      "月額固定（稼働 120時間） 1式 1,000,000円 1,000,000円",
      "資料作成 1 20,000円 20,000円",
      "小計（税抜） 1,020,000円",
      "消費税（10%対象 1,020,000円） 102,000円",
      "合計（税込） 1,122,000円",
      `源泉徴収税（税込金額に対して） -${yen(f.withholdingTax)}`,
      "立替経費（交通費） 1,240円",
      "金融機関 みずほ銀行 東京営業部",
      "口座 普通 1234567",
      "8月分の稼働です",
    ]) {
      expect(text, line).toContain(line);
    }
    // 小計, 消費税, 合計, 源泉徴収税, 立替経費, ご請求金額: the Japanese order.
    const order = positions(text, ["小計", "消費税（", "合計（税込）", "源泉徴収税", "立替経費"]);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text.lastIndexOf("ご請求金額")).toBeGreaterThan(order.at(-1) ?? 0);
    // Issued: no status stamp, no ISO dates.
    for (const stamp of ["承認済み", "確認中", "下書き"]) expect(text).not.toContain(stamp);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("marks a draft 下書き and leaves out what it does not have", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: { withholding: { enabled: false, base: "includingTax" } },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const { text } = await readDocument(
      t,
      `/v1/invoices/${draft.body.id}/document`,
      ctx.partner,
      "invoice-draft",
    );
    expect(text).toContain("下書き");
    expect(text).toContain("請求番号 （提出時に採番）");
    // No withholding and no expenses: 合計 is the amount billed, once, emphasised.
    expect(text).toContain("消費税（10%対象 1,000,000円） 100,000円");
    expect(text).toContain("ご請求金額 1,100,000円");
    for (const absent of ["備考", "立替経費", "源泉徴収税", "合計（税込）"]) {
      expect(text, absent).not.toContain(absent);
    }
  });
});

describe("the business report document", () => {
  it("lists the month's entries with Japanese dates and the engine's subtotal", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: {},
    });
    const submit = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
    const { text } = await readDocument(
      t,
      `/v1/invoices/${draft.body.id}/report`,
      ctx.owner,
      "business-report",
    );
    for (const line of [
      "業務報告書",
      "Demo 御中",
      "報告日 2025年8月26日",
      "報告者 田中 美咲",
      `請求番号 ${submit.body.number}`,
      "対象期間 2025年7月26日〜2025年8月25日（2025年8月稼働分）",
      "合計稼働時間 120:00",
      "2025年8月1日 月額固定 09:00〜18:00 1:00 8:00",
      "画面実装とレビュー対応",
      "月額固定 120時間 1 1,000,000円",
      "小計（税抜） 1,000,000円",
    ]) {
      expect(text, line).toContain(line);
    }
    expect(text).not.toContain("確認中");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("lists the invoice's extra items under 精算, so its lines add up to its 小計", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: { extraItems: [{ name: "休日対応", amount: 30000 }] },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const { text } = await readDocument(
      t,
      `/v1/invoices/${draft.body.id}/report`,
      ctx.partner,
      "business-report-extra",
    );
    for (const line of [
      "月額固定 120時間 1 1,000,000円",
      "休日対応 1 30,000円",
      "小計（税抜） 1,030,000円",
    ]) {
      expect(text, line).toContain(line);
    }
  });
});
