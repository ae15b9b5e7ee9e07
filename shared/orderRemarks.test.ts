import { describe, expect, it } from "vitest";
import { deemedAcceptanceSentence, orderRemarks } from "./orderRemarks";
import type { MonthlyRangeCostCategory, MonthTerms } from "./types";

const ses = (overrides: Partial<MonthlyRangeCostCategory> = {}): MonthlyRangeCostCategory => ({
  id: "ses",
  name: "月額固定",
  type: "monthlyRange",
  monthlyFee: 1000000,
  lowerHours: 100,
  upperHours: 120,
  excessRate: 8000,
  deductionRate: 10000,
  ...overrides,
});
const same: MonthTerms[] = [
  { month: "2025-08", monthlyFee: 1000000, lowerHours: 100, upperHours: 120 },
  { month: "2025-09", monthlyFee: 1000000, lowerHours: 100, upperHours: 120 },
];
const baseLines = [
  "基準単価：1,000,000円",
  "稼働時間：100時間〜120時間",
  "超過：8,000円/時間",
  "控除：10,000円/時間",
  "精算時間単位：30分単位(30分未満切り捨て)",
];

describe("purchase order remarks (備考)", () => {
  it("the seed's hour-range terms, the same every month: base terms only", () => {
    const remarks = orderRemarks({
      costCategories: [ses({ months: same })],
      settlementUnit: 30,
      billingMode: "invoice",
    });
    expect(remarks.lines).toEqual(baseLines);
    expect(remarks.text).toBe(baseLines.join("\n"));
    expect(remarks.monthTable).toBeNull();
  });

  it("months that differ add a per-month table, in month order", () => {
    const months: MonthTerms[] = [
      { month: "2025-09", monthlyFee: 900000, lowerHours: 90, upperHours: 110.5 },
      { month: "2025-08", monthlyFee: 1000000, lowerHours: 100, upperHours: 120 },
    ];
    const remarks = orderRemarks({
      costCategories: [ses({ months })],
      settlementUnit: 30,
      billingMode: "invoice",
    });
    expect(remarks.lines).toEqual([
      ...baseLines,
      "",
      "稼働月 / 単価 / 稼働時間範囲",
      "2025年8月 / 1,000,000円 / 100時間〜120時間",
      "2025年9月 / 900,000円 / 90時間〜110.5時間",
    ]);
    expect(remarks.monthTable?.map((row) => row.month)).toEqual(["2025-08", "2025-09"]);
  });

  it("a rate of 0 shows as ー, and no settlement unit as 指定なし", () => {
    const remarks = orderRemarks({
      costCategories: [ses({ excessRate: 0, deductionRate: 0 })],
      settlementUnit: 0,
      billingMode: "invoice",
    });
    expect(remarks.lines.slice(2)).toEqual(["超過：ー", "控除：ー", "精算時間単位：指定なし"]);
  });

  it("hidden range terms leave the company's own text", () => {
    const remarks = orderRemarks({
      costCategories: [ses()],
      settlementUnit: 30,
      hideRangeTerms: true,
      companyRemarks: "\r\n作業場所は原則リモートとします。\r\n交通費は別途精算します。\r\n\r\n",
      billingMode: "invoice",
    });
    expect(remarks.text).toBe("作業場所は原則リモートとします。\n交通費は別途精算します。");
  });

  it("payment-notice mode ends with the deemed-acceptance sentence", () => {
    const remarks = orderRemarks({
      costCategories: [{ id: "dev", type: "hourly", unitPrice: 5000 }],
      settlementUnit: 0,
      companyRemarks: "よろしくお願いいたします。",
      billingMode: "paymentNotice",
      confirmationDays: 7,
    });
    expect(remarks.lines).toEqual([
      "よろしくお願いいたします。",
      "",
      "支払通知書送付後7日以内に誤りのある旨の連絡がない場合は、記載内容のとおり承認されたものとします。",
    ]);
    expect(() =>
      orderRemarks({ costCategories: [], settlementUnit: 0, billingMode: "paymentNotice" }),
    ).toThrow(RangeError);
    expect(() => deemedAcceptanceSentence(2.5)).toThrow(RangeError);
  });

  it("all three sections, separated by empty lines; nothing at all gives no lines", () => {
    const remarks = orderRemarks({
      costCategories: [ses()],
      settlementUnit: 15,
      companyRemarks: "特記事項なし",
      billingMode: "invoice",
    });
    expect(remarks.lines.at(-2)).toBe("");
    expect(remarks.lines.at(-1)).toBe("特記事項なし");
    expect(
      orderRemarks({
        costCategories: [{ id: "fix", type: "monthly", monthlyFee: 300000 }],
        settlementUnit: 0,
        companyRemarks: "  ",
        billingMode: "invoice",
      }),
    ).toEqual({ lines: [], text: "", monthTable: null });
  });
});
