import { describe, expect, it } from "vitest";
import { fromHundredths, toHundredths } from "./quantity";

describe("quantities in hundredths", () => {
  it.each([
    [3, 300],
    [2.5, 250],
    [0.01, 1],
    [0.1, 10],
    [1.25, 125],
    [99.99, 9999],
  ])("%d is %i hundredths", (quantity, hundredths) => {
    expect(toHundredths(quantity)).toBe(hundredths);
  });

  it.each([0, -1, 1.005, 0.001, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7, 2 ** 53])(
    "refuses %d",
    (quantity) => {
      expect(toHundredths(quantity)).toBeNull();
    },
  );

  it("refuses non-numbers", () => {
    expect(toHundredths("2.5")).toBeNull();
    expect(toHundredths(null)).toBeNull();
    expect(toHundredths(undefined)).toBeNull();
  });

  it("sums exactly where floats would not", () => {
    const total = (toHundredths(0.1) ?? 0) + (toHundredths(0.2) ?? 0);
    expect(fromHundredths(total)).toBe(0.3);
  });
});
