import type { PDFFont } from "pdf-lib";

// Measuring and wrapping text for the PDF drawing (pdf.ts).

/** Advance widths at size 1, per font and character: measured once, then summed. */
const advances = new WeakMap<PDFFont, Map<string, number>>();

function advanceOf(font: PDFFont, ch: string): number {
  let known = advances.get(font);
  if (!known) {
    known = new Map();
    advances.set(font, known);
  }
  let width = known.get(ch);
  if (width === undefined) {
    width = font.widthOfTextAtSize(ch, 1);
    known.set(ch, width);
  }
  return width;
}

/** The width of `text` at `size`, from the characters' advances (linear in its length). */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += advanceOf(font, ch);
  return width * size;
}

/**
 * Lines of `text` no wider than `width`, broken at any character (Japanese has no spaces).
 * Each character is measured once and the line's width kept as it grows, so the cost is
 * linear in the text: measuring the whole line again per character made a month of long
 * details take minutes.
 */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    let lineWidth = 0;
    for (const ch of paragraph) {
      const advance = advanceOf(font, ch) * size;
      if (line && lineWidth + advance > width) {
        lines.push(line);
        line = ch.trim() ? ch : "";
        lineWidth = line ? advance : 0;
      } else {
        line += ch;
        lineWidth += advance;
      }
    }
    lines.push(line);
  }
  return lines;
}
