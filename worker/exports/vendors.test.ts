import { describe, expect, it } from "vitest";
import { quote } from "../../shared";
import { DEFAULT_ACCOUNTING } from "../companySettings/service";
import { csvField } from "../entries/estimate";
import { type JournalSource, journalEntry, transitionalDeduction } from "./journal";
import { VENDOR_LAYOUTS } from "./vendors";

// The vendor layouts over entries built here: an issuer without a registration number (the
// transitional deduction by date), a deduction larger than the fee (a negative amount moves
// to the other side, as 弥生 refuses negatives), and cells a spreadsheet would run.

function source(overrides: Partial<JournalSource> = {}): JournalSource {
  const outcome = quote({
    month: "2026-10",
    costCategories: [{ id: "fix", type: "monthly", monthlyFee: 100_000 }],
    extraItems: [{ name: "弁当", amount: 1_000, taxRate: 8 }],
  });
  if (!outcome.ok) throw new Error("quote");
  return {
    number: "PN-000007",
    month: "2026-10",
    transactionDate: "2026-10-31",
    dueDate: "2026-11-30",
    counterparty: '=HYPERLINK("x")',
    registrationNumber: "",
    taxed: true,
    figures: outcome.quote,
    ...overrides,
  };
}

describe("an issuer without a registration number", () => {
  it("is deducted 80 % until 2026-09-30, then 70 %", () => {
    const entry = (date: string) =>
      journalEntry(source({ transactionDate: date }), DEFAULT_ACCOUNTING);
    expect(transitionalDeduction(entry("2026-09-30"))).toBe(80);
    expect(transitionalDeduction(entry("2026-10-31"))).toBe(70);
    expect(
      transitionalDeduction(
        journalEntry(source({ registrationNumber: "T7000012050002" }), DEFAULT_ACCOUNTING),
      ),
    ).toBeNull();
  });

  it("says so in Money Forward's インボイス column and in 弥生's 税区分, and in the memo", () => {
    const entry = journalEntry(source(), DEFAULT_ACCOUNTING);
    expect(entry.memo).toBe('PN-000007 登録番号なし =HYPERLINK("x") 2026年10月分');
    const mf = VENDOR_LAYOUTS.moneyforward.rows([entry], DEFAULT_ACCOUNTING);
    expect(mf.map((row) => [row[6], row[7]])).toEqual([
      ["課税仕入 10%", "70%控除"],
      ["課税仕入 (軽)8%", "70%控除"],
    ]);
    const yayoi = VENDOR_LAYOUTS.yayoi.rows([entry], DEFAULT_ACCOUNTING);
    expect(yayoi.map((row) => row[7])).toEqual(["課対仕入込10%区分70%", "課対仕入込軽減8%区分70%"]);
  });

  it("a cell that would start a formula is written as text", () => {
    const entry = journalEntry(source(), DEFAULT_ACCOUNTING);
    const [first] = VENDOR_LAYOUTS.freee.rows([entry], DEFAULT_ACCOUNTING);
    expect(first?.[5]).toBe('=HYPERLINK("x")');
    expect(csvField(first?.[5] ?? "")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("-8229")).toBe("-8229");
  });
});

describe("a deduction larger than the fee", () => {
  it("puts the negative amounts on the other side, so every amount is positive", () => {
    const outcome = quote({
      month: "2026-10",
      costCategories: [
        {
          id: "ses",
          type: "monthlyRange",
          monthlyFee: 10_000,
          lowerHours: 100,
          upperHours: 120,
          excessRate: 0,
          deductionRate: 1_000,
        },
      ],
    });
    if (!outcome.ok) throw new Error("quote");
    // 10,000 - 100 h x 1,000 = -90,000; tax -9,000; payable -99,000.
    const entry = journalEntry(source({ figures: outcome.quote }), DEFAULT_ACCOUNTING);
    expect(entry.lines.map((l) => [l.side, l.account, l.amount, l.tax])).toEqual([
      ["credit", "外注費", 99_000, 9_000],
      ["debit", "未払金", 99_000, 0],
    ]);
    const yayoi = VENDOR_LAYOUTS.yayoi.rows([entry], DEFAULT_ACCOUNTING);
    expect(yayoi.map((row) => [row[0], row[4], row[8], row[10], row[14]])).toEqual([
      ["2111", "未払金", "99000", "外注費", "99000"],
    ]);
  });
});
