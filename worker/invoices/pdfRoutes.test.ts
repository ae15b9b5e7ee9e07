import { beforeEach, describe, expect, it } from "vitest";
import { formatThousands } from "../../shared";
import { workEntries } from "../db/schema";
import { nodeFonts } from "../platform/nodeFonts";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import { embeddedFonts, pdfText } from "../testing/pdfText";

// The invoice PDF of the seed's hour-range contract: the text is really there (extracted with
// PDF.js, which reads the embedded font's ToUnicode map), the figures are the
// ones the API answered, and the font is embedded so it renders without Japanese fonts.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

const pad = (n: number) => String(n).padStart(2, "0");

beforeEach(async () => {
  t = await testApp({ fonts: nodeFonts });
  ctx = await approvedContract(t);
  await t.db.insert(workEntries).values(
    Array.from({ length: 15 }, (_, i) => ({
      contractId: ctx.contractId,
      workingMonth: "2025-08",
      date: `2025-08-${pad(i + 1)}`,
      costCategoryId: "ses",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    })),
  );
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  ctx.partner = await signIn(t, "partner@demo.shimebi.test");
  ctx.owner = await signIn(t, "owner@demo.shimebi.test");
});

async function pdf(token: string, invoiceId: string) {
  const res = await t.app.request(`/v1/invoices/${invoiceId}/document.pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("GET /v1/invoices/{invoiceId}/document.pdf", () => {
  it("draws the submitted invoice in Japanese with the API's figures", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: {
        expenses: [{ name: "交通費", amount: 1240 }],
        withholding: { enabled: true, base: "includingTax" },
        remarks: "8月分の稼働です",
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const submitted = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const figures = submitted.body.figures;

    const { res, bytes } = await pdf(ctx.owner, draft.body.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    // The font's used glyphs only: a few tens of KB, not the 5.5 MB font.
    expect(bytes.byteLength).toBeLessThan(200_000);

    const text = await pdfText(bytes);
    for (const expected of [
      "請求書",
      "Demo 御中",
      "田中 美咲",
      "登録番号 T7000012050002",
      `請求番号 ${submitted.body.number}`,
      "2025年7月26日〜2025年8月25日（2025年8月稼働分）",
      `${formatThousands(figures.subtotal)}円`,
      "消費税（10%対象",
      `${formatThousands(figures.consumptionTax)}円`,
      `${formatThousands(figures.total)}円`,
      "源泉徴収税",
      `-${formatThousands(figures.withholdingTax)}円`,
      "立替経費（交通費）",
      "1,240円",
      "ご請求金額",
      `${formatThousands(figures.payable)}円`,
      `お支払期日`,
      "2025年9月30日",
      "8月分の稼働です",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(figures.withholdingTax).toBeGreaterThan(0);
    // Dates as Japanese documents print them; no review stamp on the invoice under review.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain("確認中");

    // Embedded (emb yes) with a ToUnicode map (uni yes): it renders and extracts anywhere;
    // the bold weight sets the title and ご請求金額.
    expect(await embeddedFonts(bytes)).toEqual([
      { name: expect.stringMatching(/NotoSansJP-Regular/), embedded: true, toUnicode: true },
      { name: expect.stringMatching(/NotoSansJP-Bold/), embedded: true, toUnicode: true },
    ]);
  });

  it("draws the partner's draft, hidden from the company and from other companies", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: {},
    });
    const { res, bytes } = await pdf(ctx.partner, draft.body.id);
    expect(res.status).toBe(200);
    const text = await pdfText(bytes);
    expect(text).toContain("下書き");
    expect(text).toContain("（提出時に採番）");
    expect(text).toContain(`${formatThousands(draft.body.figures.payable)}円`);

    expect((await pdf(ctx.owner, draft.body.id)).res.status).toBe(404);
    const other = await signIn(t, "owner@other.shimebi.test");
    expect((await pdf(other, draft.body.id)).res.status).toBe(404);
  });
});
