import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../testing/pdfText";
import { nodeFonts } from "./nodeFonts";
import { DocumentTooLarge, MAX_PDF_PAGES, type PdfLayout, renderPdf, wrapText } from "./pdf";
import { evenGlyphFontkit } from "./pdfFont";

// The drawing module on its own, and the font subset it embeds: every glyph of the subset must
// have the outline it has in the full font, or viewers show blanks where kanji should be.

const SAMPLE = "請求書御中消費税源泉徴収税お支払金額株式会社東京都千代田区髙橋①ﾃｽﾄ¥1,234,567";

type Stream = { on(event: string, fn: (chunk?: Uint8Array) => void): Stream };

async function subsetBytes(text: string): Promise<Uint8Array> {
  const font = evenGlyphFontkit.create(await nodeFonts());
  const subset = font.createSubset();
  for (const glyph of font.layout(text).glyphs) subset.includeGlyph(glyph);
  const stream = (subset as unknown as { encodeStream(): Stream }).encodeStream();
  const parts: Uint8Array[] = [];
  await new Promise<void>((resolve) => {
    stream.on("data", (chunk) => chunk && parts.push(chunk)).on("end", () => resolve());
  });
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

const subsetPdf = async (text: string) =>
  renderPdf(
    { title: text, blocks: [{ type: "title", text }] },
    { font: await nodeFonts(), now: new Date("2025-08-26T01:00:00Z") },
  );

describe("the embedded font subset", () => {
  it("keeps every glyph's outline", async () => {
    const full = fontkit.create(await nodeFonts());
    const subset = fontkit.create(await subsetBytes(SAMPLE));
    const originals = full.layout(SAMPLE).glyphs;
    // Glyph 0 is .notdef; the subset numbers the text's glyphs from 1 in order of first use.
    const seen = [...new Map(originals.map((g) => [g.id, g])).values()];
    // The fork's typings leave out the outline's commands.
    const commands = (glyph: unknown) =>
      (glyph as { path: { commands: unknown[] } }).path.commands.length;
    seen.forEach((glyph, i) => {
      const label = `glyph ${glyph.id}`;
      expect(commands(subset.getGlyph(i + 1)), label).toBe(commands(glyph));
      expect(commands(glyph), label).toBeGreaterThan(0);
    });
  });
});

describe("the parsed font", () => {
  it("is parsed once per process and still subsets each document apart", async () => {
    const bytes = await nodeFonts();
    expect(evenGlyphFontkit.create(bytes)).toBe(evenGlyphFontkit.create(bytes));
    const first = await pdfText(await subsetPdf("請求書"));
    const second = await pdfText(await subsetPdf("支払通知書"));
    expect(first).toContain("請求書");
    expect(second).toContain("支払通知書");
    expect(second).not.toContain("請求書");
  });
});

describe("renderPdf", () => {
  it("flows a long table onto further pages and keeps every row", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`作業 ${i + 1}`, `${(i + 1) * 1000}円`]);
    const bytes = await renderPdf(
      {
        title: "テスト",
        blocks: [
          { type: "title", text: "業務報告書" },
          {
            type: "table",
            columns: [
              { label: "内容", width: 3 },
              { label: "金額", width: 1, align: "right" },
            ],
            rows,
          },
          { type: "box", text: "長い備考".repeat(80) },
        ],
      },
      { font: await nodeFonts(), now: new Date("2025-08-26T01:00:00Z") },
    );
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    expect(doc.getTitle()).toBe("テスト");
    const text = await pdfText(bytes);
    expect(text).toContain("業務報告書");
    expect(text).toContain("作業 120");
    expect(text).toContain("120000円");
  });
});

// A month of the longest details the entry rules allow (1,000 characters): the report's
// worst case, which once took minutes and held the server meanwhile.
const DETAIL = "設計レビューと実装の確認を行い、課題を整理しました。".repeat(40).slice(0, 1000);

function reportLayout(rows: number): PdfLayout {
  return {
    title: "業務報告書 2026年11月",
    blocks: [
      { type: "title", text: "業務報告書" },
      {
        type: "table",
        columns: [
          { label: "日付", width: 2 },
          { label: "費目", width: 2 },
          { label: "開始〜終了", width: 2 },
          { label: "稼働時間", width: 1.3, align: "right" },
          { label: "業務内容", width: 3 },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          `2026年11月${(i % 30) + 1}日`,
          "開発",
          "09:00〜18:00",
          "8:00",
          `${i + 1}: ${DETAIL}`,
        ]),
      },
    ],
  };
}

describe("what one document may cost", () => {
  it("continues a row taller than a page on the next, under the table's header again", async () => {
    const layout = reportLayout(3);
    const table = layout.blocks[1] as { rows: string[][] };
    for (const row of table.rows) row[4] = `${row[4]}${DETAIL}`;
    const bytes = await renderPdf(layout, {
      font: await nodeFonts(),
      now: new Date("2026-12-01T00:00:00Z"),
    });
    const pages = (await pdfText(bytes)).split("\f");
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page).toContain("業務内容");
    const text = pages.join("").replace(/\s/g, "");
    expect(text).toContain("3:設計レビュー");
    expect(text.match(/整理しました。/g)?.length).toBeGreaterThanOrEqual(3 * 2 * 19);
  });

  it("wraps text in time linear in its length", async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(evenGlyphFontkit);
    const font = await doc.embedFont(await nodeFonts(), { subset: true });
    const text = DETAIL.repeat(200); // 200,000 characters
    const started = performance.now();
    const lines = wrapText(font, text, 9.5, 120);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lines.join("")).toBe(text);
    expect(lines.length).toBeGreaterThan(10_000);
  });

  it("draws the largest document it allows in seconds", async () => {
    const rows = 100;
    const started = performance.now();
    const bytes = await renderPdf(reportLayout(rows), {
      font: await nodeFonts(),
      now: new Date("2026-12-01T00:00:00Z"),
    });
    const elapsed = performance.now() - started;
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeLessThanOrEqual(MAX_PDF_PAGES);
    expect(pages).toBeGreaterThan(MAX_PDF_PAGES * 0.6);
    // About 2 s alone on this machine; the bound leaves room for a busy one.
    expect(elapsed).toBeLessThan(15_000);
  }, 60_000);

  it("refuses a month of 2,000 such rows with a 422 in Japanese, at once", async () => {
    const started = performance.now();
    const error = await renderPdf(reportLayout(2000), {
      font: await nodeFonts(),
      now: new Date("2026-12-01T00:00:00Z"),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentTooLarge);
    expect(error).toMatchObject({ status: 422, code: "document_too_large" });
    expect((error as Error).message).toMatch(/^「業務報告書 2026年11月」は 150 ページを超える/);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 60_000);
});
