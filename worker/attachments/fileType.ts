import { fileTypeFromBuffer } from "file-type/core";

// What an uploaded file really is, from its bytes: a name says nothing (a text file renamed
// report.pdf is still text). Only what a company can open safely is allowed.

export type Allowed = { ext: "jpg" | "png" | "pdf" | "xlsx" | "xls"; mime: string; label: string };

const ALLOWED: Record<string, Allowed> = {
  jpg: { ext: "jpg", mime: "image/jpeg", label: "JPEG" },
  png: { ext: "png", mime: "image/png", label: "PNG" },
  pdf: { ext: "pdf", mime: "application/pdf", label: "PDF" },
  xlsx: {
    ext: "xlsx",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel",
  },
};

const XLS: Allowed = { ext: "xls", mime: "application/vnd.ms-excel", label: "Excel 97-2003" };

/** The content types an attachment can be served with. */
export const ATTACHMENT_MIME_TYPES = [...Object.values(ALLOWED), XLS].map((a) => a.mime);

/** The allowed type served as `mime`: what a stored attachment was recognised as. */
export function allowedOfMime(mime: string): Allowed {
  const found = [...Object.values(ALLOWED), XLS].find((a) => a.mime === mime);
  // Rows are written only after detection, so every stored type is one of these.
  if (!found) throw new Error(`attachment stored with a type never allowed: ${mime}`);
  return found;
}

export type Detected = { allowed: Allowed } | { allowed: null; described: string };

/** The allowed type of these bytes, or how to describe what they are instead. */
export async function detectFileType(bytes: Uint8Array): Promise<Detected> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return { allowed: null, described: "of an unknown type" };
  const allowed = ALLOWED[found.ext];
  if (allowed) return { allowed };
  // Legacy .xls, .doc and .msi all are OLE compound files (file-type's "cfb"): only one whose
  // directory holds a workbook stream is a spreadsheet.
  if (found.ext === "cfb" && hasWorkbookStream(bytes)) return { allowed: XLS };
  const kind = found.ext === "cfb" ? "an OLE compound file (not Excel)" : found.ext.toUpperCase();
  return { allowed: null, described: `${kind} (${found.mime})` };
}

const WORKBOOK_NAMES = new Set(["Workbook", "Book"]);

/**
 * The first directory sector of a compound file names its streams; Excel's is "Workbook"
 * (BIFF8) or "Book" (BIFF5), and comes right after the root entry.
 */
export function hasWorkbookStream(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return false;
  const sectorSize = 1 << sectorShift;
  const directorySector = view.getUint32(0x30, true);
  const start = (directorySector + 1) * sectorSize;
  const end = Math.min(start + sectorSize, bytes.length);
  for (let entry = start; entry + 128 <= end; entry += 128) {
    const nameBytes = view.getUint16(entry + 0x40, true);
    if (nameBytes < 2 || nameBytes > 64) continue;
    let name = "";
    for (let i = 0; i < nameBytes - 2; i += 2) {
      name += String.fromCharCode(view.getUint16(entry + i, true));
    }
    if (WORKBOOK_NAMES.has(name)) return true;
  }
  return false;
}
