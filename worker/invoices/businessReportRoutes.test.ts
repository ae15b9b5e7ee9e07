import { beforeEach, describe, expect, it } from "vitest";
import { formatThousands } from "../../shared";
import { workEntries } from "../db/schema";
import { nodeFonts } from "../platform/nodeFonts";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import { pdfText } from "../testing/pdfText";

// The business report PDF, read back with PDF.js: the Japanese text and the figures are
// really there.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

const pad = (n: number) => String(n).padStart(2, "0");

beforeEach(async () => {
  t = await testApp({ fonts: nodeFonts });
  ctx = await approvedContract(t);
});

async function pdf(token: string, path: string) {
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("GET /v1/invoices/{invoiceId}/report.pdf", () => {
  it("lists the month's entries and the worked total, with the engine's subtotal", async () => {
    // 15 days of 09:00-18:00 with an hour's break: 8 h a day, 120 h in all.
    await t.db.insert(workEntries).values(
      Array.from({ length: 15 }, (_, i) => ({
        contractId: ctx.contractId,
        workingMonth: "2025-08",
        date: `2025-08-${pad(i + 1)}`,
        costCategoryId: "ses",
        startMinutes: 540,
        endMinutes: 1080,
        breakMinutes: 60,
        details: "画面実装",
      })),
    );
    t.clock.now = new Date("2025-08-26T01:00:00Z");
    ctx.partner = await signIn(t, "partner@demo.shimebi.test");
    ctx.owner = await signIn(t, "owner@demo.shimebi.test");
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: {},
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const submitted = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    const { res, bytes } = await pdf(ctx.owner, `/v1/invoices/${draft.body.id}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(bytes);
    for (const expected of [
      "業務報告書",
      "Demo 御中",
      "報告者 田中 美咲",
      `請求番号 ${submitted.body.number}`,
      "2025年8月1日",
      "2025年8月15日",
      "09:00〜18:00",
      "画面実装",
      "合計稼働時間",
      "120:00",
      `${formatThousands(submitted.body.figures.subtotal)}円`,
    ]) {
      expect(text).toContain(expected);
    }
    const outsider = await signIn(t, "owner@other.shimebi.test");
    expect((await pdf(outsider, `/v1/invoices/${draft.body.id}/report.pdf`)).res.status).toBe(404);
  });
});

describe("the business report's 精算 with extra items", () => {
  it("lists them, so its lines add up to the subtotal it prints", async () => {
    await t.db.insert(workEntries).values(
      Array.from({ length: 18 }, (_, i) => ({
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
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: {
        extraItems: [
          { name: "休日対応", amount: 30000 },
          { name: "技術書", amount: 3240, taxRate: 8 },
        ],
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const f = draft.body.figures;
    const lines =
      f.lines.reduce((n: number, l: { amount: number }) => n + l.amount, 0) +
      f.adjustments.reduce((n: number, a: { amount: number }) => n + a.amount, 0);
    expect(lines + 33240).toBe(f.subtotal);
    const { bytes } = await pdf(ctx.partner, `/v1/invoices/${draft.body.id}/report.pdf`);
    const text = await pdfText(bytes);
    for (const expected of [
      "休日対応",
      "30,000円",
      "技術書",
      "3,240円",
      `${formatThousands(f.subtotal)}円`,
    ]) {
      expect(text).toContain(expected);
    }
  });
});
