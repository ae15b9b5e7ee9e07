// 適格請求書発行事業者登録番号 (qualified invoice issuer number): "T" and 13 digits, the
// first of which checks the other 12 exactly as the corporate number (法人番号) does.

import { type Issue, IssueCode, makeIssue, quoteValue } from "./issues";

const FORMAT = /^T(\d)(\d{12})$/;

export type RegistrationNumberResult = { ok: true; value: string } | { ok: false; issue: Issue };

/**
 * The check digit of 12 base digits: 9 - (sum of the digits weighted 1, 2, 1, 2, ... from
 * the rightmost) mod 9. "000012050002" -> 7.
 */
export function registrationCheckDigit(baseDigits: string): number {
  if (!/^\d{12}$/.test(baseDigits)) throw new RangeError("expected 12 digits");
  let total = 0;
  for (let position = 0; position < 12; position++) {
    const digit = baseDigits.charCodeAt(11 - position) - 48;
    total += digit * (position % 2 === 0 ? 1 : 2);
  }
  return 9 - (total % 9);
}

/**
 * What people paste, made comparable: surrounding spaces (half or full width) trimmed,
 * full-width digits and Ｔ made half-width, a lower-case t upper-cased. Nothing else is
 * forgiven: hyphens or spaces inside the number stay a format error.
 */
export function normaliseRegistrationNumber(input: string): string {
  return input
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48))
    .replace(/^[tＴｔ]/, "T");
}

/** The number in its normal form "T" + 13 digits, or an issue saying what is wrong. */
export function parseRegistrationNumber(
  input: unknown,
  path = "registrationNumber",
): RegistrationNumberResult {
  const value = typeof input === "string" ? normaliseRegistrationNumber(input) : "";
  const match = FORMAT.exec(value);
  if (match === null) {
    return {
      ok: false,
      issue: makeIssue(
        path,
        IssueCode.INVALID_REGISTRATION_NUMBER_FORMAT,
        `Registration number ${quoteValue(input)} is not in the form T followed by 13 digits, such as T7000012050002`,
        `登録番号 ${quoteValue(input)} の形式が正しくありません。T7000012050002 のように T に続けて13桁の数字を入力してください`,
      ),
    };
  }
  const [, check = "", base = ""] = match;
  if (registrationCheckDigit(base) !== Number(check)) {
    return {
      ok: false,
      issue: makeIssue(
        path,
        IssueCode.REGISTRATION_NUMBER_CHECK_DIGIT,
        `Registration number ${value} does not exist (its check digit does not match); it was probably mistyped`,
        `登録番号 ${value} は存在しない番号です（チェックデジットが一致しません）。入力間違いがないか確認してください`,
      ),
    };
  }
  return { ok: true, value };
}
