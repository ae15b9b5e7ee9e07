import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IssueCode } from "./issues";
import {
  normaliseRegistrationNumber,
  parseRegistrationNumber,
  registrationCheckDigit,
} from "./registrationNumber";

describe("qualified invoice issuer number (登録番号)", () => {
  it("accepts T7000012050002", () => {
    expect(registrationCheckDigit("000012050002")).toBe(7);
    expect(parseRegistrationNumber("T7000012050002")).toEqual({
      ok: true,
      value: "T7000012050002",
    });
  });

  it("calls a wrong check digit probably mistyped", () => {
    const result = parseRegistrationNumber("T8000012050002");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue.code).toBe(IssueCode.REGISTRATION_NUMBER_CHECK_DIGIT);
    expect(result.issue.path).toBe("registrationNumber");
    expect(result.issue.message).toContain("mistyped");
    expect(result.issue.messageJa).toContain("入力間違い");
  });

  it.each([
    ["7000012050002", "no T"],
    ["T700001205000", "12 digits"],
    ["T70000120500021", "14 digits"],
    ["T7000-0120-50002", "hyphens"],
    ["T 7000012050002", "a space inside"],
    ["X7000012050002", "another letter"],
    ["", "empty"],
  ])("refuses %j as format (%s)", (text) => {
    const result = parseRegistrationNumber(text, "partner.registrationNumber");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue.code).toBe(IssueCode.INVALID_REGISTRATION_NUMBER_FORMAT);
    expect(result.issue.path).toBe("partner.registrationNumber");
  });

  it("refuses non-strings as format", () => {
    const result = parseRegistrationNumber(7000012050002);
    expect(result.ok ? "" : result.issue.code).toBe(IssueCode.INVALID_REGISTRATION_NUMBER_FORMAT);
  });

  it("forgives surrounding spaces, full-width digits and a lower-case or full-width T", () => {
    expect(normaliseRegistrationNumber("　ｔ７０００ 0120-50002 ")).toBe("T7000 0120-50002");
    for (const typed of [
      " T7000012050002 ",
      "t7000012050002",
      "Ｔ７００００１２０５０００２",
      "\u3000T7000012050002",
    ]) {
      expect(parseRegistrationNumber(typed)).toEqual({ ok: true, value: "T7000012050002" });
    }
  });

  it("a valid number passes and the same with any other check digit fails", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 9 }), (base, other) => {
        const check = registrationCheckDigit(base);
        expect(check).toBeGreaterThanOrEqual(1);
        expect(check).toBeLessThanOrEqual(9);
        expect(parseRegistrationNumber(`T${check}${base}`).ok).toBe(true);
        if (other !== check) {
          const result = parseRegistrationNumber(`T${other}${base}`);
          expect(result.ok ? "" : result.issue.code).toBe(
            IssueCode.REGISTRATION_NUMBER_CHECK_DIGIT,
          );
        }
      }),
    );
  });
});
