import { writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { invoices } from "../db/schema";
import { nodeFonts } from "../platform/nodeFonts";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import { pdfText } from "../testing/pdfText";

// An invoice with a reduced-rate (軽減税率 8 %) extra item and expense: the rate is stored
// per line, the engine's tax per rate is in the invoice JSON, and the qualified invoice
// prints totals and tax per rate with ※ and its legend.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

beforeEach(async () => {
  t = await testApp({ fonts: nodeFonts });
  ctx = await approvedContract(t, {
    costCategories: [{ id: "dev", name: "開発", type: "monthly", monthlyFee: 300_000 }],
  });
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  ctx.partner = await signIn(t, "partner@demo.shimebi.test");
  ctx.owner = await signIn(t, "owner@demo.shimebi.test");
});

const DRAFT = {
  extraItems: [
    { name: "追加作業", amount: 20_005 },
    { name: "会議用弁当", amount: 3_333, taxRate: 8 },
  ],
  expenses: [
    { name: "交通費", amount: 1_240 },
    { name: "打合せ飲料", amount: 540, taxRate: 8 },
  ],
  withholding: { enabled: true, base: "includingTax" },
};

describe("an invoice with reduced-rate lines", () => {
  it("stores each line's rate, answers taxByRate and prints ※ with its legend", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: DRAFT,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    // 10 %: 300,000 + 20,005 = 320,005 -> 32,000 (floor); 8 %: 3,333 -> 266.64 -> 266.
    expect(draft.body.taxByRate).toEqual([
      { rate: 10, taxableAmount: 320_005, consumptionTax: 32_000 },
      { rate: 8, taxableAmount: 3_333, consumptionTax: 266 },
    ]);
    expect(draft.body.figures).toMatchObject({
      subtotal: 323_338,
      consumptionTax: 32_266,
      total: 355_604,
    });
    const [row] = await t.db.select().from(invoices).where(eq(invoices.id, draft.body.id));
    expect(row?.inputs).toMatchObject({
      extraItems: [
        { name: "追加作業", amount: 20_005, taxRate: 10 },
        { name: "会議用弁当", amount: 3_333, taxRate: 8 },
      ],
      expenses: [
        { name: "交通費", amount: 1_240, taxRate: 10 },
        { name: "打合せ飲料", amount: 540, taxRate: 8 },
      ],
    });

    const submitted = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.document.taxByRate).toEqual(draft.body.taxByRate);

    const res = await t.app.request(`/v1/invoices/${draft.body.id}/document.pdf`, {
      headers: { authorization: `Bearer ${ctx.owner}` },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.SAVE_PDF) writeFileSync(process.env.SAVE_PDF, bytes);
    const text = await pdfText(bytes);
    for (const expected of [
      /会議用弁当※\s+1\s+3,333円\s+3,333円/,
      /消費税（10%対象 320,005円）\s+32,000円/,
      /消費税（8%※対象 3,333円）\s+266円/,
      /立替経費（打合せ飲料※）\s+540円/,
      /※は軽減税率対象/,
    ]) {
      expect(text, String(expected)).toMatch(expected);
    }
    expect(text).not.toContain("追加作業※");

    const html = await t.app.request(`/v1/invoices/${draft.body.id}/document`, {
      headers: { authorization: `Bearer ${ctx.owner}` },
    });
    expect(html.status).toBe(200);
    const page = await html.text();
    expect(page).toContain("会議用弁当※");
    expect(page).toContain("消費税（8%※対象 3,333円）");
    expect(page).toContain("※は軽減税率対象");
  });

  it("a 10 %-only invoice prints no mark and no legend", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: { extraItems: [{ name: "追加作業", amount: 20_000 }] },
    });
    expect(draft.body.taxByRate).toEqual([
      { rate: 10, taxableAmount: 320_000, consumptionTax: 32_000 },
    ]);
    const res = await t.app.request(`/v1/invoices/${draft.body.id}/document.pdf`, {
      headers: { authorization: `Bearer ${ctx.partner}` },
    });
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).not.toContain("※");
  });
});
