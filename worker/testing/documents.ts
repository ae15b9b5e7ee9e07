import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { PDFTOPPM, requireTool } from "../../tools/testTools";
import type { TestApp } from "./app";
import { pdfText, sameText } from "./pdfText";

// A document as a person meets it: its HTML page and its PDF fetched over HTTP, the two
// compared, the PDF's first page rendered to PNG with pdftoppm (.data/documents/<name>.png,
// to look at) and its text read back with PDF.js.

/** The share of dark pixels on the PDF's first page, rendered in grey at 40 dpi. */
function inkOf(pdf: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), "shimebi-doc-"));
  try {
    writeFileSync(join(dir, "doc.pdf"), pdf);
    execFileSync(
      requireTool(PDFTOPPM),
      ["-gray", "-r", "40", "-f", "1", "-l", "1", "doc.pdf", "page"],
      {
        cwd: dir,
      },
    );
    // PGM: "P5\n<w> <h>\n255\n" then a byte per pixel.
    const bytes = readFileSync(join(dir, "page-1.pgm"));
    const header = bytes.toString("latin1", 0, 40).split(/\s+/);
    const pixels = Number(header[1]) * Number(header[2]);
    let dark = 0;
    for (let i = bytes.length - pixels; i < bytes.length; i++) if ((bytes[i] ?? 255) < 128) dark++;
    return dark / pixels;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders the first page to .data/documents/<name>.png at 80 dpi. */
function savePng(pdf: Uint8Array, name: string) {
  const dir = join(process.cwd(), ".data", "documents");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  execFileSync(
    requireTool(PDFTOPPM),
    ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", `${name}.pdf`, name],
    { cwd: dir },
  );
}

/**
 * GETs `<path>` (HTML) and `<path>.pdf` as `token`, asserts both answer 200 with the same text
 * in the same order and a page with ink on it, and returns the PDF's text, a line per row.
 */
export async function readDocument(t: TestApp, path: string, token: string, name: string) {
  const headers = { authorization: `Bearer ${token}` };
  const page = await t.app.request(path, { headers });
  expect(page.status, `${path}: ${page.status}`).toBe(200);
  const res = await t.app.request(`${path}.pdf`, { headers });
  expect(res.status, `${path}.pdf: ${res.status}`).toBe(200);
  const pdf = new Uint8Array(await res.arrayBuffer());
  const html = await page.text();
  const both = await sameText(html, pdf);
  expect(both.pdf).toBe(both.html);
  // Glyphs drawn, not blank boxes: even a short page is some tenths of a percent ink.
  expect(inkOf(pdf)).toBeGreaterThan(0.003);
  savePng(pdf, name);
  // Cells on one baseline are read as one line, separated by single spaces.
  return { text: (await pdfText(pdf)).replace(/[ \t]+/g, " "), html, pdf };
}
