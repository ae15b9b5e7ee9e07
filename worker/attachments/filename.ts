import type { Allowed } from "./fileType";

// The name an attachment is stored and downloaded under. The bytes decide what a file is, so
// the name must not claim otherwise: its extension is the detected type's, and characters
// that hide or reorder what a person reads are gone. A polyglot named `poly.html` is served
// as `poly.png`; `report\u202Egnp.exe` (shown as "reportexe.png") becomes `reportgnp.png`;
// `a.png\0.html` ends at the NUL, as a file system would read it.

const MAX_FILENAME_LENGTH = 200;

// Control (Cc), format (Cf: the bidi marks U+200E/F, U+202A-E, U+2066-9, U+061C, zero-width
// characters, BOM) and line/paragraph separators, plus what Windows refuses in a name.
const INVISIBLE_OR_RESERVED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"<>|:*?]/gu;

// An extension is a short run of letters and digits after the last dot.
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

/** Extensions a person uses for each detected type (.jpeg is a JPEG too). */
const SAME_TYPE: Record<Allowed["ext"], readonly string[]> = {
  jpg: ["jpg", "jpeg"],
  png: ["png"],
  pdf: ["pdf"],
  xlsx: ["xlsx"],
  xls: ["xls"],
};

/** No folders, nothing after a NUL, no invisible or reserved characters, no leading dots. */
function cleanName(name: string): string {
  const beforeNul = name.split("\u0000")[0] ?? "";
  const base = beforeNul.split(/[/\\]/).pop() ?? "";
  return base
    .replace(INVISIBLE_OR_RESERVED, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .trim();
}

/**
 * The stored name: cleaned, its extension that of the detected type (kept when it already
 * is, replaced when it claims another, added when there is none), at most 200 characters.
 */
export function attachmentFilename(name: string, type: Pick<Allowed, "ext">): string {
  let stem = cleanName(name);
  let ext = type.ext as string;
  const match = EXTENSION.exec(stem);
  if (match?.[1]) {
    const given = match[1].toLowerCase();
    if (SAME_TYPE[type.ext].includes(given)) ext = match[1];
    stem = stem.slice(0, match.index).replace(/[.\s]+$/, "");
  }
  stem = stem.slice(0, MAX_FILENAME_LENGTH - ext.length - 1) || "attachment";
  return `${stem}.${ext}`;
}

/** RFC 6266 with RFC 5987's UTF-8 form, and a plain fallback for old clients. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
