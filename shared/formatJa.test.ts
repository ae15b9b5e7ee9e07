import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatHourRange,
  formatThousands,
  formatYearMonthJa,
  formatYen,
  settlementUnitLabelJa,
} from "./formatJa";

describe("Japanese document figures", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [1000000, "1,000,000"],
    [-28000, "-28,000"],
    [Number.MAX_SAFE_INTEGER, "9,007,199,254,740,991"],
  ])("%i is %s", (value, text) => {
    expect(formatThousands(value)).toBe(text);
  });

  it("separators only regroup the digits", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        const text = formatThousands(value);
        expect(Number(text.replaceAll(",", ""))).toBe(value);
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*$/);
      }),
    );
  });

  it("yen, hours, months and settlement units", () => {
    expect(formatYen(8000)).toBe("8,000円");
    expect(formatHourRange(100, 120.5)).toBe("100時間〜120.5時間");
    expect(formatYearMonthJa("2025-08")).toBe("2025年8月");
    expect(settlementUnitLabelJa(30)).toBe("30分単位(30分未満切り捨て)");
    expect(settlementUnitLabelJa(0)).toBe("指定なし");
    expect(() => formatYen(1.5)).toThrow(RangeError);
  });
});
