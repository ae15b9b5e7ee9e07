import { PDFArray, PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// Reading generated PDFs back in tests with Mozilla's PDF.js, the way a viewer reads them:
// text comes out only through the embedded font's ToUnicode map, so Japanese that reads
// back correctly was drawn correctly.

type Item = { str: string; transform: number[] };

/** The PDF's text, a line per baseline, runs on a line joined by a space, pages in order. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const lines = new Map<number, Item[]>();
    for (const item of content.items as Item[]) {
      if (!item.str) continue;
      const y = Math.round(item.transform[5] ?? 0);
      lines.set(y, [...(lines.get(y) ?? []), item]);
    }
    const ordered = [...lines.entries()].sort((a, b) => b[0] - a[0]);
    pages.push(
      ordered
        .map(([, items]) =>
          items
            .sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0))
            .map((i) => i.str)
            .join(" "),
        )
        .join("\n"),
    );
  }
  await document.destroy();
  return pages.join("\n\f");
}

/** The strings the PDF draws, in drawing order (a wrapped cell's lines follow each other). */
export async function pdfStrings(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  const strings: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items as Item[]) if (item.str.trim()) strings.push(item.str);
  }
  await document.destroy();
  return strings;
}

/** The text nodes of an HTML page's document (<main>), in order, entities decoded. */
export function htmlStrings(page: string): string[] {
  const start = page.indexOf("<main");
  const body =
    start < 0 ? page.slice(page.indexOf("<body")) : page.slice(start, page.indexOf("</main>"));
  return body
    .replace(/<[^>]*>/g, "\n")
    .split("\n")
    .map((s) =>
      s
        .replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">")
        .replaceAll("&quot;", '"')
        .replaceAll("&#39;", "'")
        .replaceAll("&amp;", "&")
        .trim(),
    )
    .filter(Boolean);
}

/**
 * The page and the PDF say the same thing in the same order: their text, joined without
 * white space (the PDF wraps long cells, the page does not), is one string.
 */
export async function sameText(page: string, pdf: Uint8Array) {
  const squeeze = (parts: string[]) => parts.join("").replace(/\s+/g, "");
  return { html: squeeze(htmlStrings(page)), pdf: squeeze(await pdfStrings(pdf)) };
}

/** Font files embedded in the PDF, and whether each font maps its glyphs back to Unicode. */
export async function embeddedFonts(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const fonts: { name: string; embedded: boolean; toUnicode: boolean }[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("Font"))
      continue;
    if (object.get(PDFName.of("Subtype")) !== PDFName.of("Type0")) continue;
    const descendants = object.lookup(PDFName.of("DescendantFonts"));
    const cid = descendants instanceof PDFArray ? descendants.lookup(0) : undefined;
    const descriptor =
      cid instanceof PDFDict ? cid.lookup(PDFName.of("FontDescriptor")) : undefined;
    fonts.push({
      name: String(object.get(PDFName.of("BaseFont")) ?? ""),
      embedded: descriptor instanceof PDFDict && descriptor.has(PDFName.of("FontFile2")),
      toUnicode: object.has(PDFName.of("ToUnicode")),
    });
  }
  return fonts;
}
