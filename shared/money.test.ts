import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, divide, isYen, mulDiv, type RoundingMode, sum } from "./money";

/** The reference: exact rational arithmetic on BigInt, floor / half up / ceil. */
function reference(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
  if (mode === "floor") return floor;
  if (mode === "ceil") return n % d === 0n ? floor : floor + 1n;
  // half up: floor(x + 1/2) = floor((2n + d) / 2d)
  const twice = 2n * n + d;
  const d2 = 2n * d;
  return twice >= 0n ? twice / d2 : -((-twice + d2 - 1n) / d2);
}

const modes: RoundingMode[] = ["floor", "round", "ceil"];

describe("divide", () => {
  it.each([
    // numerator, denominator, floor, round, ceil
    [5, 2, 2, 3, 3],
    [-5, 2, -3, -2, -2],
    [5, -2, -3, -2, -2],
    [-5, -2, 2, 3, 3],
    [7, 3, 2, 2, 3],
    [8, 3, 2, 3, 3],
    [-7, 3, -3, -2, -2],
    [-8, 3, -3, -3, -2],
    [6, 3, 2, 2, 2],
    [-6, 3, -2, -2, -2],
    [1, 2, 0, 1, 1],
    [-1, 2, -1, 0, 0],
  ])("%i / %i -> floor %i, round %i, ceil %i", (n, d, floor, round, ceil) => {
    expect(divide(n, d, "floor")).toBe(floor);
    expect(divide(n, d, "round")).toBe(round);
    expect(divide(n, d, "ceil")).toBe(ceil);
  });

  it("never answers -0", () => {
    for (const mode of modes) {
      expect(Object.is(divide(0, -5, mode), 0)).toBe(true);
      expect(Object.is(divide(-1, 3, mode === "floor" ? "ceil" : mode), 0)).toBe(true);
    }
  });

  it("agrees with exact arithmetic for every safe integer", () => {
    const safe = fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 });
    const nonZero = fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }).filter((d) => d !== 0);
    fc.assert(
      fc.property(safe, nonZero, fc.constantFrom(...modes), (n, d, mode) => {
        expect(divide(n, d, mode)).toBe(Number(reference(BigInt(n), BigInt(d), mode)));
      }),
    );
  });

  it("refuses a zero denominator and non-integers", () => {
    expect(() => divide(1, 0, "floor")).toThrow(RangeError);
    expect(() => divide(1.5, 1, "floor")).toThrow(RangeError);
    expect(() => divide(2 ** 53, 1, "floor")).toThrow(RangeError);
  });
});

describe("mulDiv", () => {
  it("is exact where the product leaves the safe range", () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(mulDiv(max, 3, 3, "floor")).toBe(max);
    expect(mulDiv(max, 1021, 10_000, "floor")).toBe(Number((BigInt(max) * 1021n) / 10_000n));
    expect(mulDiv(max - 2, 2042, 10_000, "ceil")).toBe(
      Number(reference(BigInt(max - 2) * 2042n, 10_000n, "ceil")),
    );
  });

  it("agrees with exact arithmetic", () => {
    const int = fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 });
    const small = fc.integer({ min: -100_000, max: 100_000 });
    const den = fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0);
    fc.assert(
      fc.property(int, small, den, fc.constantFrom(...modes), (a, b, d, mode) => {
        const exact = reference(BigInt(a) * BigInt(b), BigInt(d), mode);
        if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => mulDiv(a, b, d, mode)).toThrow(RangeError);
        } else {
          expect(mulDiv(a, b, d, mode)).toBe(Number(exact));
        }
      }),
    );
  });

  it("throws when the result is beyond the safe range", () => {
    expect(() => mulDiv(Number.MAX_SAFE_INTEGER, 2, 1, "floor")).toThrow(RangeError);
    expect(() => mulDiv(1, 1, 0, "floor")).toThrow(RangeError);
  });
});

describe("add and sum", () => {
  it("add sums safe integers and refuses to leave the safe range", () => {
    expect(add(2, 3)).toBe(5);
    expect(() => add(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => add(-Number.MAX_SAFE_INTEGER, -1)).toThrow(RangeError);
  });

  it("sum is 0 for nothing and checks every partial sum", () => {
    expect(sum([])).toBe(0);
    expect(sum([1, -2, 3])).toBe(2);
    expect(() => sum([Number.MAX_SAFE_INTEGER, 1, -1])).toThrow(RangeError);
  });

  it("isYen accepts whole yen, 0 or more", () => {
    expect(isYen(0)).toBe(true);
    expect(isYen(1_000_000)).toBe(true);
    expect(isYen(-1)).toBe(false);
    expect(isYen(1.5)).toBe(false);
    expect(isYen(2 ** 53)).toBe(false);
    expect(isYen("100")).toBe(false);
  });
});
