import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../testing/pdfText";
import { nodeFonts } from "./nodeFonts";
import { renderPdf } from "./pdf";
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
