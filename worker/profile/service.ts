import { eq } from "drizzle-orm";
import { parseRegistrationNumber } from "../../shared";
import type { User } from "../accounts/sessions";
import { lookupRegistration } from "../companies/nta";
import { users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import type { Locale } from "../http/locale";

export type ProfileInput = {
  fullName: string;
  partnerKind: "individual" | "corporation";
  registrationNumber?: string | null;
  nonResident: boolean;
};

export type ContactInput = { address: string; phone: string };

/** The number in normal form, or a 422 in the engine's words (a check-digit failure says "mistyped"). */
export function registrationNumberOrThrow(input: string, locale: Locale): string {
  const parsed = parseRegistrationNumber(input, "registrationNumber");
  if (parsed.ok) return parsed.value;
  const { issue } = parsed;
  const message = locale === "ja" ? issue.messageJa : issue.message;
  throw new ApiError(422, issue.code, message, [{ path: issue.path, code: issue.code, message }]);
}

/** The "Verify the number" button: checked here, then looked up in the tax agency's register. */
export async function verifyRegistrationNumber(deps: Deps, input: string, locale: Locale) {
  const registrationNumber = registrationNumberOrThrow(input, locale);
  return {
    registrationNumber,
    valid: true as const,
    lookup: await lookupRegistration(deps, registrationNumber),
  };
}

async function updateUser(deps: Deps, user: User, values: Partial<typeof users.$inferInsert>) {
  const [updated] = await deps.db
    .update(users)
    .set(values)
    .where(eq(users.id, user.id))
    .returning();
  if (!updated) throw new ApiError(404, "not_found", "Your account no longer exists");
  return updated;
}

/**
 * 基本情報. The number is optional; when given it must be well formed with a matching check
 * digit, and the register's answer is stored beside it. The register being unconfigured or
 * down never stops the save: the answer is then "unverified" and the next save asks again.
 */
export async function updateProfile(deps: Deps, user: User, input: ProfileInput, locale: Locale) {
  const given = input.registrationNumber?.trim() ? input.registrationNumber : null;
  const registrationNumber = given === null ? null : registrationNumberOrThrow(given, locale);
  const registrationLookup = registrationNumber
    ? await lookupRegistration(deps, registrationNumber)
    : null;
  return updateUser(deps, user, {
    fullName: input.fullName,
    partnerKind: input.partnerKind,
    registrationNumber,
    registrationLookup,
    nonResident: input.nonResident,
  });
}

const DASHES = /[‐‑‒–—―−ーｰ]/g;

/**
 * What people type for a phone number, made plain: full-width digits, +, parentheses and spaces
 * half-width, every kind of dash a hyphen, runs of spaces one space.
 */
export function normalisePhone(input: string): string {
  return input
    .replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(DASHES, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** The phone in plain form, or the problem with it in the caller's language. */
export function checkPhone(
  input: string,
  locale: Locale,
): { ok: true; value: string } | { ok: false; message: string } {
  const value = normalisePhone(input);
  const ja = locale === "ja";
  if (!/^\+?[\d\s()-]+$/.test(value)) {
    return {
      ok: false,
      message: ja
        ? "phone: 数字・ハイフン・空白・括弧と先頭の + だけで入力してください（例：03-1234-5678）"
        : "phone: use only digits, hyphens, spaces, parentheses and a leading +, such as 03-1234-5678",
    };
  }
  const digits = value.replace(/\D/g, "").length;
  if (digits < 10 || digits > 15) {
    return {
      ok: false,
      message: ja
        ? `phone: 電話番号は10〜15桁の数字で入力してください（${digits}桁です）`
        : `phone: must have 10 to 15 digits (it has ${digits}), such as 03-1234-5678 or +81 3-1234-5678`,
    };
  }
  return { ok: true, value };
}

/** Address and phone, reused on every order and invoice. */
export async function updateContact(deps: Deps, user: User, input: ContactInput, locale: Locale) {
  const phone = checkPhone(input.phone, locale);
  if (!phone.ok) {
    throw new ApiError(422, "invalid_phone", phone.message, [
      { path: "phone", code: "invalid_phone", message: phone.message },
    ]);
  }
  return updateUser(deps, user, { address: input.address, phone: phone.value });
}
