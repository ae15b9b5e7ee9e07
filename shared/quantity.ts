// Quantities with at most two decimals, held as integer hundredths so that sums are exact
// (0.1 + 0.2 is 30 hundredths, never 0.30000000000000004).

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Hundredths of a positive quantity with at most two decimals (2.5 -> 250, 0.01 -> 1), or
 * null for 0, negatives, 1.005, NaN, non-numbers and anything too large to stay exact.
 * Reads the number's shortest decimal form, which is what the person typed.
 */
export function toHundredths(quantity: unknown): number | null {
  if (typeof quantity !== "number" || !Number.isFinite(quantity) || quantity <= 0) return null;
  const match = DECIMAL.exec(String(quantity));
  if (match === null) return null; // exponent forms: 1e-7, 1e+21
  const whole = Number(match[1]);
  const fraction = (match[2] ?? "").padEnd(2, "0");
  const hundredths = whole * 100 + Number(fraction);
  return Number.isSafeInteger(hundredths) ? hundredths : null;
}

/** Hundredths back to a JSON number (250 -> 2.5): the nearest double to the decimal. */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}
