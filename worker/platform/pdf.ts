import { grayscale, PageSizes, PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { ApiError } from "../http/errors";
import type { DocumentLayout, LayoutBlock, LayoutColumn, LayoutRow } from "./documentLayout";
import { encodePerCharacter, evenGlyphFontkit } from "./pdfFont";
import { textWidth, wrapText } from "./pdfText";

export { textWidth, wrapText } from "./pdfText";

// A4 documents in Japanese from a document layout (documentLayout.ts): a title, the two
// parties, label/value rows, tables, boxes of text. Nothing here knows about invoices, so
// every document is drawn with it. Long content flows onto further pages.

export type PdfRow = LayoutRow;
export type PdfColumn = LayoutColumn;
export type PdfBlock = LayoutBlock;
export type PdfLayout = DocumentLayout;

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 42;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const SIZE = 9.5;
const LINE = SIZE * 1.5;
/** Emphasised rows (ご請求金額): bold and larger. */
const EMPHASIS_SIZE = 12;
const PAD = 4;
const LABEL_WIDTH = 170;
const BORDER = grayscale(0.6);
const SHADE = grayscale(0.93);
const INK = grayscale(0.07);

type Cell = { text: string; width: number; align?: "left" | "right"; fill?: boolean };
/** The type of a row: its size and whether it is set in bold. */
type Face = { size: number; bold: boolean };
const PLAIN: Face = { size: SIZE, bold: false };

/**
 * What one document may cost: past this many pages it is refused rather than drawn, so one
 * request cannot hold the server (or the Worker's CPU limit). A month's invoice is one or
 * two pages and its business report a few dozen.
 */
export const MAX_PDF_PAGES = 150;

/** The document would pass MAX_PDF_PAGES: a 422 in the error shape, Japanese first. */
export class DocumentTooLarge extends ApiError {
  constructor(title: string) {
    const ja = `「${title}」は ${MAX_PDF_PAGES} ページを超えるため PDF にできません。業務内容を短くするか、CSV で出力してください`;
    const en = `"${title}" would run past ${MAX_PDF_PAGES} pages, so it is not drawn as a PDF: shorten the details or export the entries as CSV`;
    super(422, "document_too_large", `${ja} (${en})`, [{ path: "", message: ja }]);
  }
}

class Canvas {
  page!: PDFPage;
  y = 0;
  pages = 0;
  /** A table's header row, drawn again at the top of each page the table continues on. */
  header: Cell[] | undefined;

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
    readonly title: string,
  ) {
    this.newPage();
  }

  newPage() {
    if (++this.pages > MAX_PDF_PAGES) throw new DocumentTooLarge(this.title);
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
    const header = this.header;
    if (header) {
      this.header = undefined;
      this.row(header);
      this.header = header;
    }
  }

  /** Room for `height` more points on this page, or a new page. */
  ensure(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  text(
    text: string,
    x: number,
    size = SIZE,
    align: "left" | "right" = "left",
    width = 0,
    font = this.font,
  ) {
    const shift = align === "right" ? width - textWidth(font, text, size) : 0;
    this.page.drawText(text, { x: x + shift, y: this.y - size, size, font, color: INK });
  }

  rect(x: number, width: number, height: number, fill?: ReturnType<typeof grayscale>) {
    this.page.drawRectangle({
      x,
      y: this.y - height,
      width,
      height,
      borderColor: BORDER,
      borderWidth: 0.6,
      ...(fill ? { color: fill } : {}),
    });
  }

  /** How many text lines of `face` a row part may hold on this page. */
  private linesThatFit(face: Face): number {
    const line = face.size * 1.5;
    return Math.floor((this.y - MARGIN - 2 * PAD + (line - face.size)) / line);
  }

  /**
   * One row of bordered cells; wrapped cells make the row taller. A row that fits on a page
   * is kept whole; a taller one continues on the next page, its cells split line by line.
   */
  row(cells: Cell[], face: Face = PLAIN) {
    const font = face.bold ? this.bold : this.font;
    const wrapped = cells.map((c) => wrapText(font, c.text, face.size, c.width - 2 * PAD));
    const total = Math.max(1, ...wrapped.map((w) => w.length));
    const line = face.size * 1.5;
    const perPage = Math.floor((PAGE_HEIGHT - 2 * MARGIN - 2 * PAD + (line - face.size)) / line);
    let from = 0;
    while (from < total) {
      const fit = this.linesThatFit(face);
      const rest = total - from;
      if (fit < 1 || (fit < rest && from === 0 && rest <= perPage - 2)) {
        this.newPage();
        continue;
      }
      const count = Math.min(rest, fit);
      this.drawRowPart(cells, wrapped, from, count, face);
      from += count;
      if (from < total) this.newPage();
    }
  }

  private drawRowPart(cells: Cell[], wrapped: string[][], from: number, count: number, face: Face) {
    const line = face.size * 1.5;
    const height = count * line + 2 * PAD - (line - face.size);
    const font = face.bold ? this.bold : this.font;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      this.rect(x, cell.width, height, cell.fill ? SHADE : undefined);
      const top = this.y;
      this.y -= PAD;
      for (const text of (wrapped[i] ?? []).slice(from, from + count)) {
        this.text(text, x + PAD, face.size, cell.align, cell.width - 2 * PAD, font);
        this.y -= line;
      }
      this.y = top;
      x += cell.width;
    });
    this.y -= height;
  }
}

/** Lets other requests run between table rows: a long document never holds the server. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function drawBlock(canvas: Canvas, block: PdfBlock) {
  const { font } = canvas;
  switch (block.type) {
    case "title": {
      const size = 20;
      canvas.ensure(size * 2);
      const width = textWidth(canvas.bold, block.text, size);
      canvas.text(block.text, MARGIN + (CONTENT_WIDTH - width) / 2, size, "left", 0, canvas.bold);
      canvas.y -= size * 1.4;
      if (block.subtitle) {
        const w = textWidth(font, block.subtitle, SIZE);
        canvas.text(block.subtitle, MARGIN + (CONTENT_WIDTH - w) / 2);
        canvas.y -= LINE;
      }
      canvas.y -= LINE / 2;
      return;
    }
    case "parties": {
      const half = CONTENT_WIDTH / 2 - 10;
      const left = block.left.flatMap((l, i) =>
        wrapText(font, l, i === 0 ? 13 : SIZE, half).map((text) => ({ text, size: i ? SIZE : 13 })),
      );
      const right = block.right.flatMap((l) => wrapText(font, l, SIZE, half));
      const top = canvas.y;
      canvas.ensure(Math.max(left.length * 13 * 1.5, right.length * LINE));
      for (const line of left) {
        canvas.text(line.text, MARGIN, line.size);
        canvas.y -= line.size * 1.5;
      }
      const leftBottom = canvas.y;
      canvas.y = top;
      for (const line of right) {
        canvas.text(line, MARGIN + CONTENT_WIDTH / 2 + 10);
        canvas.y -= LINE;
      }
      canvas.y = Math.min(canvas.y, leftBottom) - LINE / 2;
      return;
    }
    case "text":
    case "heading": {
      if (block.type === "heading") canvas.y -= LINE / 2;
      for (const line of wrapText(font, block.text, SIZE, CONTENT_WIDTH)) {
        canvas.ensure(LINE);
        if (block.type === "heading") canvas.text(line, MARGIN, SIZE + 1.5, "left", 0, canvas.bold);
        else canvas.text(line, MARGIN);
        canvas.y -= LINE;
      }
      canvas.y -= LINE / 4;
      return;
    }
    case "fields":
      for (const row of block.rows) {
        canvas.row(
          [
            { text: row.label, width: LABEL_WIDTH, fill: true },
            { text: row.value, width: CONTENT_WIDTH - LABEL_WIDTH, align: row.align },
          ],
          row.emphasis ? { size: EMPHASIS_SIZE, bold: true } : PLAIN,
        );
      }
      canvas.y -= LINE / 2;
      return;
    case "table": {
      const total = block.columns.reduce((n, c) => n + c.width, 0);
      const widths = block.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
      const header = block.columns.map((c, i) => ({
        text: c.label,
        width: widths[i] ?? 0,
        fill: true,
      }));
      canvas.row(header);
      canvas.header = header;
      for (const [index, cells] of block.rows.entries()) {
        if (index % 25 === 24) await breathe();
        canvas.row(
          cells.map((text, i) => ({
            text,
            width: widths[i] ?? 0,
            align: block.columns[i]?.align,
          })),
        );
      }
      canvas.header = undefined;
      canvas.y -= LINE / 2;
      return;
    }
    case "box":
      canvas.row([{ text: block.text || " ", width: CONTENT_WIDTH }]);
      canvas.y -= LINE / 2;
      return;
  }
}

/** The layout as PDF bytes, the font subset embedded so any viewer shows the Japanese. */
export async function renderPdf(
  layout: PdfLayout,
  options: { font: Uint8Array; boldFont?: Uint8Array; now: Date },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(evenGlyphFontkit);
  const font = await doc.embedFont(options.font, { subset: true });
  encodePerCharacter(font);
  // The bold weight, when there is one, sets the title and the emphasised rows.
  const bold = options.boldFont ? await doc.embedFont(options.boldFont, { subset: true }) : font;
  if (bold !== font) encodePerCharacter(bold);
  doc.setTitle(layout.title);
  doc.setLanguage("ja-JP");
  doc.setProducer("Shimebi");
  doc.setCreator("Shimebi");
  doc.setCreationDate(options.now);
  doc.setModificationDate(options.now);
  const canvas = new Canvas(doc, font, bold, layout.title);
  if (layout.status) {
    const width = textWidth(font, layout.status, SIZE) + 2 * PAD;
    canvas.rect(PAGE_WIDTH - MARGIN - width, width, SIZE + 2 * PAD);
    canvas.y -= PAD;
    canvas.text(layout.status, PAGE_WIDTH - MARGIN - width + PAD);
    canvas.y = PAGE_HEIGHT - MARGIN;
  }
  for (const block of layout.blocks) await drawBlock(canvas, block);
  return doc.save();
}
