import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endOfDayJst, jstDateOf, parseInstant } from "./instant";

describe("instants", () => {
  it("reads ISO instants with their offset, as Date does", () => {
    for (const value of [
      "2025-09-25T14:59:59.999Z",
      "2025-09-25T23:59:59.999+09:00",
      "2025-09-25T23:59+09:00",
      "2025-09-25T00:00:00-05:30",
      "1969-12-31T23:59:59.5Z",
    ]) {
      expect(parseInstant(value)).toBe(Date.parse(value));
    }
    expect(parseInstant("2025-09-25T14:59:59.999123Z")).toBe(
      Date.parse("2025-09-25T14:59:59.999Z"),
    );
  });

  it("refuses a string without an offset, or a time that does not exist", () => {
    for (const value of [
      "2025-09-25T23:59:59",
      "2025-09-25",
      "2025-02-30T00:00Z",
      "2025-09-25T24:00Z",
      "2025-09-25T10:60Z",
      "2025-09-25T10:00+09:60",
      20250925,
    ]) {
      expect(parseInstant(value)).toBeNull();
    }
  });

  it("round-trips any instant Date can print", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it("ends a Japan-time day at 23:59:59.999 +09:00", () => {
    expect(endOfDayJst("2025-09-25")).toBe(Date.parse("2025-09-25T23:59:59.999+09:00"));
    expect(jstDateOf(endOfDayJst("2025-09-25"))).toBe("2025-09-25");
    expect(jstDateOf(endOfDayJst("2025-09-25") + 1)).toBe("2025-09-26");
    expect(jstDateOf(Date.parse("2025-09-25T15:00:00Z"))).toBe("2025-09-26");
    expect(() => endOfDayJst("2025-09-31")).toThrow(RangeError);
  });
});
