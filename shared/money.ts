// Integer yen. A float never multiplies an amount: every product of yen and a rate is an
// integer product divided by an integer denominator, rounded by a mode the caller names.

export type RoundingMode = "floor" | "round" | "ceil";

export const ROUNDING_MODES: readonly RoundingMode[] = ["floor", "round", "ceil"];

export function isRoundingMode(value: unknown): value is RoundingMode {
  return value === "floor" || value === "round" || value === "ceil";
}

function assertSafeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${value}`);
  }
}

// Conventions, the mathematical ones for every sign (as Math.floor / Math.ceil / Math.round):
// floor rounds toward -Infinity, ceil toward +Infinity, round is half up, toward +Infinity
// (2.5 -> 3, -2.5 -> -2). Callers wanting 切り捨て of a magnitude round the absolute value.
function adjust(quotient: number, remainder: number, divisor: number, mode: RoundingMode): number {
  // `quotient` is truncated toward zero, `remainder` has the dividend's sign, divisor > 0.
  if (remainder === 0) return quotient === 0 ? 0 : quotient;
  switch (mode) {
    case "floor":
      return remainder < 0 ? quotient - 1 : quotient;
    case "ceil":
      return remainder > 0 ? quotient + 1 : quotient;
    case "round":
      if (remainder > 0) return 2 * remainder >= divisor ? quotient + 1 : quotient;
      return 2 * -remainder > divisor ? quotient - 1 : quotient === 0 ? 0 : quotient;
  }
}

/** numerator / denominator rounded by `mode`; both safe integers, denominator not 0. */
export function divide(numerator: number, denominator: number, mode: RoundingMode): number {
  assertSafeInteger("numerator", numerator);
  assertSafeInteger("denominator", denominator);
  if (denominator === 0) throw new RangeError("denominator must not be 0");
  const n = denominator < 0 ? -numerator : numerator;
  const d = Math.abs(denominator);
  const remainder = n % d;
  // n - remainder is an exact multiple of d, so this division is exact.
  return adjust((n - remainder) / d, remainder, d, mode);
}

function bigAdjust(quotient: bigint, remainder: bigint, divisor: bigint, mode: RoundingMode) {
  // BigInt() calls rather than literals so bundles targeting ES2019 still parse.
  const zero = BigInt(0);
  const one = BigInt(1);
  const two = BigInt(2);
  if (remainder === zero) return quotient;
  switch (mode) {
    case "floor":
      return remainder < zero ? quotient - one : quotient;
    case "ceil":
      return remainder > zero ? quotient + one : quotient;
    case "round":
      if (remainder > zero) return two * remainder >= divisor ? quotient + one : quotient;
      return two * -remainder > divisor ? quotient - one : quotient;
  }
}

/**
 * a * b / denominator rounded by `mode`, exact for all safe integer inputs: when the product
 * leaves the safe range the division runs on BigInt. Throws RangeError when the result
 * itself is not a safe integer.
 */
export function mulDiv(a: number, b: number, denominator: number, mode: RoundingMode): number {
  assertSafeInteger("a", a);
  assertSafeInteger("b", b);
  assertSafeInteger("denominator", denominator);
  if (denominator === 0) throw new RangeError("denominator must not be 0");
  const product = a * b;
  // A true product beyond 2^53 - 1 can only round to a float beyond it, so this test is exact.
  if (Number.isSafeInteger(product)) return divide(product, denominator, mode);
  const sign = denominator < 0 ? BigInt(-1) : BigInt(1);
  const n = BigInt(a) * BigInt(b) * sign;
  const d = BigInt(denominator) * sign;
  const result = Number(bigAdjust(n / d, n % d, d, mode));
  if (!Number.isSafeInteger(result)) {
    throw new RangeError(`${a} * ${b} / ${denominator} is beyond the safe integer range`);
  }
  return result;
}

/** a + b, throwing RangeError when the sum leaves the safe integer range. */
export function add(a: number, b: number): number {
  assertSafeInteger("a", a);
  assertSafeInteger("b", b);
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError(`${a} + ${b} is beyond the safe range`);
  return sum;
}

/** a - b, throwing RangeError when the difference leaves the safe integer range. */
export function subtract(a: number, b: number): number {
  return add(a, -b);
}

/** Sum of safe integers, throwing RangeError as soon as a partial sum leaves the safe range. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total = add(total, value);
  return total;
}

/** A yen amount as the contract accepts it: a safe integer, zero or more. */
export function isYen(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
