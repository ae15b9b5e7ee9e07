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

describe("formula injection (OWASP CSV Injection)", () => {
  it("makes a cell that Excel would run as a formula plain text, still readable", () => {
    expect(csvField('=HYPERLINK("http://evil.test","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.test"",""x"")"',
    );
    expect(csvField("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("\r=1")).toBe('"\'\r=1"');
    expect(csvField("＝1+1")).toBe("'＝1+1");
  });

  it("leaves numbers, negative ones included, as numbers", () => {
    expect(csvField("-5000")).toBe("-5000");
    expect(csvField("1.5")).toBe("1.5");
    expect(csvField("設計=レビュー")).toBe("設計=レビュー");
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
