import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consumptionTax, withholdingTax } from "./tax";

describe("consumption tax (消費税)", () => {
  it.each([
    // subtotal, floor, round, ceil at 10 %
    [1004, 100, 100, 101],
    [1005, 100, 101, 101],
    [1006, 100, 101, 101],
    [1000, 100, 100, 100],
    [1_068_000, 106_800, 106_800, 106_800],
    [0, 0, 0, 0],
  ])(
    "at 10 percent, %i is taxed %i floored, %i rounded half up, %i ceiled",
    (subtotal, floor, round, ceil) => {
      expect(consumptionTax(subtotal, 10, "floor")).toBe(floor);
      expect(consumptionTax(subtotal, 10, "round")).toBe(round);
      expect(consumptionTax(subtotal, 10, "ceil")).toBe(ceil);
    },
  );

  it("rounds at 8 % too (reduced rate)", () => {
    // 8 % of 1,050 is 84; of 1,056 is 84.48; of 1,057 is 84.56
    expect(consumptionTax(1056, 8, "round")).toBe(84);
    expect(consumptionTax(1057, 8, "round")).toBe(85);
    expect(consumptionTax(1057, 8, "floor")).toBe(84);
  });

  it("is 0 at rate 0 and refuses rates that are not whole percents 0..100", () => {
    expect(consumptionTax(123_456, 0, "ceil")).toBe(0);
    expect(() => consumptionTax(1000, 10.5, "floor")).toThrow(RangeError);
    expect(() => consumptionTax(1000, 101, "floor")).toThrow(RangeError);
  });

  it("taxes a negative subtotal as the mirror of its magnitude", () => {
    expect(consumptionTax(-1005, 10, "floor")).toBe(-100);
    expect(consumptionTax(-1005, 10, "round")).toBe(-101);
    expect(consumptionTax(-1004, 10, "ceil")).toBe(-101);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom("floor" as const, "round" as const, "ceil" as const),
        (subtotal, rate, mode) => {
          expect(consumptionTax(-subtotal, rate, mode)).toBe(
            0 - consumptionTax(subtotal, rate, mode),
          );
        },
      ),
    );
  });
});

describe("withholding (源泉徴収)", () => {
  it.each([
    [0, 0],
    [-5000, 0],
    [9, 0],
    [10, 1],
    [100_000, 10_210],
    [410_850, 41_947],
    [999_999, 102_099],
    [1_000_000, 102_100],
    [1_000_001, 102_100],
    [1_000_005, 102_101],
    [1_100_000, 122_520],
    [1_174_800, 137_794],
  ])("on %i yen is %i yen", (base, tax) => {
    expect(withholdingTax(base)).toBe(tax);
  });

  it("is floor(base x 10.21 %) to a million and 102,100 + floor(rest x 20.42 %) above", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Math.floor(Number.MAX_SAFE_INTEGER / 4) }), (base) => {
        const b = BigInt(base);
        const expected =
          base <= 1_000_000
            ? (b * 1021n) / 10_000n
            : 102_100n + ((b - 1_000_000n) * 2042n) / 10_000n;
        expect(withholdingTax(base)).toBe(Number(expected));
      }),
    );
  });
});
