import fontkit from "@pdf-lib/fontkit";
import { type PDFDocument, type PDFFont, PDFHexString } from "pdf-lib";
import { ApiError } from "../http/errors";

// The Japanese font of our PDFs: Noto Sans JP Regular, TrueType, from the npm package
// @expo-google-fonts/noto-sans-jp (SIL OFL). It is 5.5 MB, so it never enters the Worker
// bundle: the Worker reads it from R2 (FONT_KEY in the FILES bucket), Node from node_modules
// (nodeFonts.ts). Only the glyphs a document uses are embedded (about 10-20 KB).

/** Where the Worker finds the font: `wrangler r2 object put shimebi-files/<FONT_KEY> ...`. */
export const FONT_KEY = "fonts/NotoSansJP-Regular.ttf";
/** The bold weight (the title and ご請求金額), beside it; without it bold falls back to regular. */
export const BOLD_FONT_KEY = "fonts/NotoSansJP-Bold.ttf";
/** The font's path inside node_modules. */
export const FONT_MODULE_PATH =
  "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf";
export const BOLD_FONT_MODULE_PATH =
  "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf";

/** A font loader: the regular weight, or the bold one when asked. */
export type FontLoader = (weight?: "bold") => Promise<Uint8Array>;

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type SubsetInternals = { glyf: Uint8Array[]; offset: number; _addGlyph(gid: number): number };

/**
 * @pdf-lib/fontkit writes a TrueType subset's `loca` in the short format (offsets / 2) without
 * padding glyph records to an even length, so after the first odd-length glyph every offset is
 * a byte off and CJK glyphs go blank in viewers, while the text still extracts (fixed upstream
 * in fontkit 1.8, foliojs/fontkit#191, never in this fork). Padding each glyph as it is added
 * keeps every offset even, which is what the short format requires.
 */
type Font = ReturnType<Fontkit["create"]>;
/** Parsed fonts by their bytes: an isolate (or process) parses the 5.5 MB font once. */
const parsedFonts = new WeakMap<Uint8Array, Font>();

export const evenGlyphFontkit: Fontkit = {
  create(buffer, postscriptName) {
    const cached = postscriptName === undefined ? parsedFonts.get(buffer) : undefined;
    if (cached) return cached;
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as unknown as SubsetInternals;
      const addGlyph = subset._addGlyph.bind(subset);
      subset._addGlyph = (gid) => {
        const index = addGlyph(gid);
        const glyph = subset.glyf[index];
        if (glyph && glyph.length % 2 === 1) {
          // The fork's own Buffer class: its encoder accepts nothing else.
          const Bytes = glyph.constructor as unknown as { alloc(size: number): Uint8Array };
          const padded = Bytes.alloc(glyph.length + 1);
          padded.set(glyph);
          subset.glyf[index] = padded;
          subset.offset += 1;
        }
        return index;
      };
      return subset as unknown as ReturnType<typeof createSubset>;
    };
    if (postscriptName === undefined) parsedFonts.set(buffer, font);
    return font;
  },
};

type TextEncoder = { encodeText(text: string): PDFHexString };

/**
 * pdf-lib shapes every drawn string with fontkit (OpenType lookups), which made shaping most
 * of a long document's cost. Our documents are set character by character (widths in pdfText.ts
 * are per-character sums too), so each character is shaped once and its glyph code reused.
 */
export function encodePerCharacter(font: PDFFont): void {
  const embedder = (font as unknown as { embedder: TextEncoder }).embedder;
  const encodeOne = embedder.encodeText.bind(embedder);
  const codes = new Map<string, string>();
  embedder.encodeText = (text) => {
    let hex = "";
    for (const ch of text) {
      let code = codes.get(ch);
      if (code === undefined) {
        code = encodeOne(ch).asString();
        codes.set(ch, code);
      }
      hex += code;
    }
    return PDFHexString.of(hex);
  };
}

/** Loads once and keeps the bytes; a failed load is retried by the next request. */
export function cachedFont(load: () => Promise<Uint8Array>): () => Promise<Uint8Array> {
  let pending: Promise<Uint8Array> | undefined;
  return () => {
    pending ??= load().catch((error) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** The Worker's fonts: objects in the FILES bucket. */
export function r2Fonts(bucket: R2Bucket, key = FONT_KEY, boldKey = BOLD_FONT_KEY): FontLoader {
  const load = (name: string) => async () => {
    const object = await bucket.get(name);
    return object ? new Uint8Array(await object.arrayBuffer()) : undefined;
  };
  const regular = cachedFont(async () => {
    const bytes = await load(key)();
    if (!bytes) {
      throw new ApiError(
        503,
        "no_font",
        `The PDF font is not uploaded: put ${FONT_MODULE_PATH} into the bucket as ${key}`,
      );
    }
    return bytes;
  });
  // A bucket without the bold weight still draws documents, all in the regular one.
  const bold = cachedFont(async () => (await load(boldKey)()) ?? (await regular()));
  return (weight) => (weight === "bold" ? bold() : regular());
}

/** The configured font loader, or a 503 on the PDF routes when there is none. */
export function fontsOf(deps: { fonts?: FontLoader }): FontLoader {
  if (!deps.fonts)
    throw new ApiError(503, "no_font", "This server has no font configured for PDF documents");
  return deps.fonts;
}
