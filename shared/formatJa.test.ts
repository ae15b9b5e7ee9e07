import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDateJa,
  formatHourRange,
  formatInstantJa,
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

describe("formatDateJa and formatInstantJa", () => {
  it("print dates the Japanese way, instants in Japan time", () => {
    expect(formatDateJa("2026-12-02")).toBe("2026年12月2日");
    expect(formatDateJa("2026-01-31")).toBe("2026年1月31日");
    expect(formatInstantJa("2026-12-02T12:57:36.678Z")).toBe("2026年12月2日 21:57");
    // 15:30 UTC is already the next day in Japan.
    expect(formatInstantJa("2026-12-31T15:30:00Z")).toBe("2027年1月1日 00:30");
    expect(formatDateJa("（未設定）")).toBe("（未設定）");
  });
});
