import { describe, expect, it } from "vitest";
import { bankFullName } from "./fullName";
import { findBank } from "./service";

// Full names as an invoice prints them, from the Zengin list's short names.

describe("bankFullName", () => {
  it("names the list's banks in full", async () => {
    const cases: [string, string][] = [
      ["0001", "みずほ銀行"],
      ["0005", "三菱ＵＦＪ銀行"],
      ["0300", "ＳＭＢＣ信託銀行"],
      ["9900", "ゆうちょ銀行"],
      ["1000", "信金中央金庫"],
      ["2004", "商工組合中央金庫"],
      ["3000", "農林中央金庫"],
      ["0401", "シティバンク、エヌ・エイ"],
    ];
    for (const [code, full] of cases) {
      const bank = await findBank(code);
      expect(bank, code).toBeDefined();
      expect(bankFullName(code, bank?.name ?? "")).toBe(full);
    }
  });

  it("spells out the abbreviations of credit unions and cooperatives", () => {
    expect(bankFullName("1344", "城南信金")).toBe("城南信用金庫");
    expect(bankFullName("2014", "ウリ信組")).toBe("ウリ信用組合");
    expect(bankFullName("2963", "中央労金")).toBe("中央労働金庫");
    expect(bankFullName("5037", "西多摩農協")).toBe("西多摩農業協同組合");
    expect(bankFullName("9485", "徳島県信漁連")).toBe("徳島県信用漁業協同組合連合会");
    // Overseas accounts are typed in full by the partner and left as they are.
    expect(bankFullName(null, "HSBC Hong Kong")).toBe("HSBC Hong Kong");
  });
});
