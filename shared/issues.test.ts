import { describe, expect, it } from "vitest";
import { entryLabel, IssueCode, IssueList, quoteValue } from "./issues";

describe("issues", () => {
  it("codes are distinct snake_case strings", () => {
    const codes = Object.values(IssueCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it("entries are labelled from 1, with their date when it is short text", () => {
    expect(entryLabel(3, "2025-08-03")).toEqual({
      en: "Entry 4 (2025-08-03)",
      ja: "4件目 (2025-08-03)",
    });
    expect(entryLabel(0, undefined)).toEqual({ en: "Entry 1", ja: "1件目" });
    expect(entryLabel(0, "x".repeat(21)).en).toBe("Entry 1");
  });

  it("quoted values are short and say what they are", () => {
    expect(quoteValue("0860")).toBe('"0860"');
    expect(quoteValue(undefined)).toBe("nothing");
    expect(quoteValue(null)).toBe("null");
    expect(quoteValue([1])).toBe("a list");
    expect(quoteValue({})).toBe("an object");
    expect(quoteValue("x".repeat(100))).toHaveLength(40);
  });

  it("an IssueList keeps every issue in order", () => {
    const list = new IssueList();
    expect(list.isEmpty).toBe(true);
    list.add("a", IssueCode.REQUIRED, "A", "あ");
    list.add("b", IssueCode.INVALID_TYPE, "B", "い");
    expect(list.items.map((issue) => issue.path)).toEqual(["a", "b"]);
  });
});
