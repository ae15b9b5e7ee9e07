import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { compoundFile, minimalXlsx, PNG_1X1, storedZip } from "../testing/files";
import { detectFileType, hasWorkbookStream } from "./fileType";

// Recognised by content: the bytes decide, so these tests never give a name.

const text = (s: string) => new TextEncoder().encode(s);

describe("detectFileType", () => {
  it("allows JPEG, PNG, PDF, xlsx and legacy xls", async () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...text("JFIF"), 0, 1, 1]);
    const doc = await PDFDocument.create();
    doc.addPage();
    const cases: [Uint8Array, string][] = [
      [jpeg, "image/jpeg"],
      [PNG_1X1, "image/png"],
      [await doc.save(), "application/pdf"],
      [minimalXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      [compoundFile("Workbook"), "application/vnd.ms-excel"],
      [compoundFile("Book"), "application/vnd.ms-excel"],
    ];
    for (const [bytes, mime] of cases) {
      expect(await detectFileType(bytes), mime).toEqual({
        allowed: expect.objectContaining({ mime }),
      });
    }
  });

  it("names what it refuses", async () => {
    expect(await detectFileType(text("plain words, named report.pdf"))).toEqual({
      allowed: null,
      described: "of an unknown type",
    });
    expect(await detectFileType(text("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))).toEqual({
      allowed: null,
      described: "GIF (image/gif)",
    });
    expect(await detectFileType(storedZip([{ name: "a.txt", text: "hello" }]))).toEqual({
      allowed: null,
      described: "ZIP (application/zip)",
    });
    // A Word 97 document is a compound file too, but has no workbook stream.
    expect(await detectFileType(compoundFile("WordDocument"))).toEqual({
      allowed: null,
      described: "an OLE compound file (not Excel) (application/x-cfb)",
    });
  });

  it("reads no further than the bytes it was given", () => {
    expect(hasWorkbookStream(compoundFile("Workbook").slice(0, 600))).toBe(false);
    expect(hasWorkbookStream(new Uint8Array(10))).toBe(false);
  });
});
