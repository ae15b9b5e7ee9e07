// Defensive readers for untrusted request fields. The API validates structure first, but
// the add-on calls the engine directly, so every field is checked here as well.

import { IssueCode, type IssueList, quoteValue } from "./issues";
import { isYen } from "./money";

export type Fields = Record<string, unknown>;

export function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The field's value, with null read as left out. */
export function field(record: Fields, key: string): unknown {
  const value = record[key];
  return value === null ? undefined : value;
}

/** A label for messages: the field's name in English and Japanese. */
export interface Label {
  en: string;
  ja: string;
}

/** A non-negative safe integer of yen, or null after recording why not. */
export function readYen(
  value: unknown,
  path: string,
  label: Label,
  issues: IssueList,
): number | null {
  if (value === undefined) {
    issues.add(
      path,
      IssueCode.REQUIRED,
      `${label.en} is required`,
      `${label.ja}を入力してください`,
    );
    return null;
  }
  if (isYen(value)) return value;
  issues.add(
    path,
    IssueCode.INVALID_AMOUNT,
    `${label.en} ${quoteValue(value)} is not allowed: use whole yen, 0 or more`,
    `${label.ja} ${quoteValue(value)} は指定できません。0以上の整数（円）を入力してください`,
  );
  return null;
}

/** A non-empty string (after trimming), or null after recording why not. */
export function readName(
  value: unknown,
  path: string,
  label: Label,
  issues: IssueList,
): string | null {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (value === undefined) {
    issues.add(
      path,
      IssueCode.REQUIRED,
      `${label.en} is required`,
      `${label.ja}を入力してください`,
    );
  } else {
    issues.add(
      path,
      IssueCode.INVALID_NAME,
      `${label.en} must be some text, got ${quoteValue(value)}`,
      `${label.ja}を文字で入力してください（${quoteValue(value)} は指定できません）`,
    );
  }
  return null;
}

/** true or false, the fallback when left out, or null after recording a wrong type. */
export function readBoolean(
  value: unknown,
  fallback: boolean,
  path: string,
  label: Label,
  issues: IssueList,
): boolean | null {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  issues.add(
    path,
    IssueCode.INVALID_TYPE,
    `${label.en} must be true or false, got ${quoteValue(value)}`,
    `${label.ja}は true または false で指定してください（${quoteValue(value)} は指定できません）`,
  );
  return null;
}

/** One of `allowed`, the fallback when left out, or null after recording why not. */
export function readChoice<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  path: string,
  label: Label,
  issues: IssueList,
): T | null {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  const list = allowed.join(", ");
  issues.add(
    path,
    IssueCode.INVALID_VALUE,
    `${label.en} ${quoteValue(value)} is not allowed: use one of ${list}`,
    `${label.ja} ${quoteValue(value)} は指定できません。${list} のいずれかを指定してください`,
  );
  return null;
}

/** The record at `value`, {} when left out, or null after recording a wrong type. */
export function readOptionalRecord(
  value: unknown,
  path: string,
  label: Label,
  issues: IssueList,
): Fields | null {
  if (value === undefined) return {};
  if (isRecord(value)) return value;
  issues.add(
    path,
    IssueCode.INVALID_TYPE,
    `${label.en} must be an object, got ${quoteValue(value)}`,
    `${label.ja}はオブジェクトで指定してください（${quoteValue(value)} は指定できません）`,
  );
  return null;
}

/** The list at `value`, [] when left out (unless required), or null after recording why not. */
export function readList(
  value: unknown,
  required: boolean,
  path: string,
  label: Label,
  issues: IssueList,
): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value === undefined && !required) return [];
  if (value === undefined) {
    issues.add(
      path,
      IssueCode.REQUIRED,
      `${label.en} is required`,
      `${label.ja}を指定してください`,
    );
  } else {
    issues.add(
      path,
      IssueCode.INVALID_TYPE,
      `${label.en} must be a list, got ${quoteValue(value)}`,
      `${label.ja}はリスト（配列）で指定してください（${quoteValue(value)} は指定できません）`,
    );
  }
  return null;
}
