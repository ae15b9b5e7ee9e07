import type { z } from "zod";
import type { IssueBody } from "./errors";
import type { Locale } from "./locale";
import { japaneseOf } from "./zodWords";

type ZodIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, { en: string; ja: string }> = {
  string: { en: "text", ja: "文字列" },
  number: { en: "a number", ja: "数値" },
  int: { en: "a whole number", ja: "整数" },
  boolean: { en: "true or false", ja: "true または false" },
  array: { en: "a list", ja: "配列" },
  object: { en: "an object", ja: "オブジェクト" },
};

function typeName(expected: string, locale: Locale): string {
  const name = TYPE_NAMES[expected];
  return name ? name[locale] : expected;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(issue: ZodIssue, data: unknown, locale: Locale): string {
  const ja = locale === "ja";
  switch (issue.code) {
    case "invalid_type": {
      if (valueAt(data, issue.path) === undefined) return ja ? "必須項目です" : "is required";
      const expected = typeName(issue.expected, locale);
      return ja ? `${expected}で指定してください` : `must be ${expected}`;
    }
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "string") {
        return ja ? `${min}文字以上で入力してください` : `must be at least ${min} characters`;
      }
      if (issue.origin === "array") {
        return ja ? `${min}件以上必要です` : `must have at least ${min} items`;
      }
      if (issue.inclusive === false)
        return ja ? `${min}より大きくしてください` : `must be more than ${min}`;
      return ja ? `${min}以上にしてください` : `must be ${min} or more`;
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "string") {
        return ja ? `${max}文字以内で入力してください` : `must be at most ${max} characters`;
      }
      if (issue.origin === "array") {
        return ja ? `${max}件までです` : `must have at most ${max} items`;
      }
      if (issue.inclusive === false)
        return ja ? `${max}未満にしてください` : `must be less than ${max}`;
      return ja ? `${max}以下にしてください` : `must be ${max} or less`;
    }
    case "invalid_value": {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return ja ? `${allowed} のいずれかを指定してください` : `must be one of ${allowed}`;
    }
    case "unrecognized_keys": {
      const keys = issue.keys.map((k) => `"${k}"`).join(", ");
      return ja ? `不明な項目です: ${keys}` : `has unknown field ${keys}`;
    }
    case "not_multiple_of":
      return ja
        ? `${String(issue.divisor)}の倍数にしてください`
        : `must be a multiple of ${String(issue.divisor)}`;
    case "invalid_format":
      // A schema without its own words for a format (a bare regex) still answers a person.
      return ja ? "形式が正しくありません" : "is not in the expected format";
    case "custom":
      // Schemas give these their own words; zod's default text is the last resort.
      return issue.message;
    default:
      return ja ? "値が正しくありません" : "is not valid";
  }
}

/** zod's own default texts ("Invalid input", "Too small: expected …"), English only. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized)/;

/** A schema's own message, which says it best; zod's defaults are reworded by `describe`. */
function hasOwnWords(issue: ZodIssue): boolean {
  return issue.code !== "unrecognized_keys" && !ZOD_DEFAULT.test(issue.message);
}

/**
 * zod's issues in the API's shape, worded for a person rather than a developer. `at` is where
 * `data` sits in the request (`rows.3` for one row of a batch), so paths and the field each
 * message names are the request's own.
 */
export function zodIssues(error: z.ZodError, data: unknown, locale: Locale, at = ""): IssueBody[] {
  const worded = error.issues.map((issue) => {
    const path = [at, ...issue.path.map(String)].filter(Boolean).join(".");
    const field = path || (locale === "ja" ? "リクエスト本文" : "The request body");
    if (hasOwnWords(issue)) {
      const own = locale === "ja" ? (japaneseOf(issue.message) ?? issue.message) : issue.message;
      return { path, code: issue.code, message: `${field}: ${own}` };
    }
    const text = describe(issue, data, locale);
    return {
      path,
      code: issue.code,
      message: locale === "ja" ? `${field}: ${text}` : `${field} ${text}`,
    };
  });
  // A whole number's safe range and a schema's own bound can say the same twice: once is enough.
  const seen = new Set<string>();
  return worded.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
