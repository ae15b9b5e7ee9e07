import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./estimate";

// The CSV quoting (RFC 4180) of the entries export: no CSV library is installed, so the few
// rules it needs are here, with the cases a partner's details actually contain.

describe("csvField", () => {
  it("leaves plain text, Japanese included, unquoted", () => {
    expect(csvField("設計レビュー")).toBe("設計レビュー");
    expect(csvField("")).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("cr\r\nlf")).toBe('"cr\r\nlf"');
  });
});

describe("toCsv", () => {
  it("starts with the BOM and ends every line with CRLF", () => {
    expect(
      toCsv([
        ["日付", "業務内容"],
        ["2025-08-01", "a,b"],
      ]),
    ).toBe('\uFEFF日付,業務内容\r\n2025-08-01,"a,b"\r\n');
  });
});
