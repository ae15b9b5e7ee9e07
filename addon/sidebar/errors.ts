import type { Failure } from "../server/answer";
import { el } from "./dom";
import { ServerError } from "./gas";
import { lang, pick, type Text } from "./words";

// An error as a person reads it: the API's message, and each issue as a sentence beside the
// field it names (or in the list under the message, naming the sheet row). Never JSON, never
// a stack. The API answers in the user's language; a message it only has in English is
// replaced, in the Japanese sidebar, by the sidebar's own sentence for its code or field.

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Sentences for the calls that never reached the API, and the API's codes it words in English. */
const BY_CODE: Record<string, Text> = {
  unexpected: {
    ja: "処理できませんでした。時間をおいてもう一度お試しください",
    en: "Something went wrong: try again in a moment",
  },
  script_failed: {
    ja: "サーバーの処理が中断されました。もう一度お試しください",
    en: "The script stopped before answering: try again",
  },
  no_script_run: {
    ja: "スプレッドシートから開いてください",
    en: "Open this sidebar from the spreadsheet",
  },
  no_such_function: {
    ja: "アドオンを更新してください",
    en: "Update the add-on",
  },
  invoice_incomplete: {
    ja: "請求書を提出するには、次の項目を入力してください",
    en: "The invoice is not ready to submit",
  },
  invalid_invoice: { ja: "請求書の入力内容を直してください", en: "Correct the invoice" },
  month_not_confirmed: {
    ja: "確認のため、請求する稼働月を入力してください",
    en: "Confirm the month you are invoicing",
  },
  invoice_changed: {
    ja: "請求書がほかで変更されました。再読み込みしてください",
    en: "The invoice changed meanwhile: reload it",
  },
  approval_incomplete: {
    ja: "承認には住所・電話番号・振込先が必要です",
    en: "Approval needs an address, a phone number and a bank account",
  },
  invalid_transition: {
    ja: "この状態では操作できません。再読み込みしてください",
    en: "Not possible in this status: reload",
  },
  unauthorized: { ja: "ログインできませんでした", en: "You are not signed in" },
  forbidden: { ja: "この操作の権限がありません", en: "You may not do this" },
  not_found: { ja: "見つかりませんでした", en: "Not found" },
  validation_failed: { ja: "入力内容を直してください", en: "Correct the input" },
};

/** Sentences for fields, when the API's issue has only English. */
const BY_FIELD: Record<string, Text> = {
  dueDate: { ja: "今日以降の支払期日を選んでください", en: "Choose a due date from today" },
  bankAccountId: { ja: "振込先を登録・選択してください", en: "Register or choose a bank account" },
  "issuer.name": { ja: "請求元の氏名・名称を入力してください", en: "Give the issuer's name" },
  "issuer.registrationNumber": {
    ja: "登録番号は T と 13 桁の数字で入力してください",
    en: "The registration number is T and 13 digits",
  },
  "withholding.enabled": {
    ja: "法人の請求書には源泉徴収はありません",
    en: "A corporation's invoice has no withholding",
  },
  confirmMonth: {
    ja: "確認のため、請求する稼働月を YYYY-MM で入力してください",
    en: "Type the working month as YYYY-MM to confirm",
  },
  address: { ja: "住所を入力してください", en: "Give your address" },
  phone: { ja: "電話番号を入力してください", en: "Give your phone number" },
  reason: { ja: "理由を入力してください", en: "Give the reason" },
};

const GENERIC: Text = { ja: "入力内容を確認してください", en: "Check this value" };

export function failureOf(error: unknown): Failure {
  if (error instanceof ServerError) return error.failure;
  return { status: 0, code: "unexpected", message: "", issues: [] };
}

/** "日本語 / English" messages: the half in the sidebar's language. */
function half(message: string): string {
  const parts = message.split(" / ");
  if (parts.length !== 2) return message;
  const [ja = "", en = ""] = parts;
  return lang() === "ja" ? ja : en;
}

function readable(message: string, fallback: Text | undefined): string {
  const text = half(message.trim());
  if (text && (lang() === "en" || JAPANESE.test(text))) return text;
  return pick(fallback ?? GENERIC);
}

/**
 * The API names the field first ("expenses.0.amount: 0以上にしてください"); beside the field the
 * path says nothing a person reads, and in the Japanese sidebar it is English.
 */
function besideField(text: string, path: string): string {
  if (!path) return text;
  if (text.startsWith(`${path}: `)) return text.slice(path.length + 2);
  if (!text.startsWith(`${path} `)) return text;
  const rest = text.slice(path.length + 1);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function messageOf(failure: Failure): string {
  return readable(failure.message, BY_CODE[failure.code] ?? BY_CODE.unexpected);
}

/** Where an issue is written: right after this element. */
export type Spot = Pick<Element, "insertAdjacentElement">;

/** The field a path names: the longest key that is the path or a prefix of it. */
function fieldOf(path: string, fields: Record<string, Spot>): Spot | null {
  let best = "";
  for (const key of Object.keys(fields)) {
    if ((path === key || path.startsWith(`${key}.`)) && key.length > best.length) best = key;
  }
  return best ? (fields[best] ?? null) : null;
}

const marks = new WeakMap<HTMLElement, HTMLElement[]>();

/** Remove the sentences a previous showError put beside the fields of `into`. */
export function clearError(into: HTMLElement): void {
  for (const mark of marks.get(into) ?? []) mark.remove();
  marks.delete(into);
  into.replaceChildren();
}

/**
 * The error in `into` (its message, and the issues no field of `fields` takes, one per line);
 * each issue a field takes is written right after that field.
 */
export function showError(
  error: unknown,
  into: HTMLElement,
  fields: Record<string, Spot> = {},
): void {
  clearError(into);
  const failure = failureOf(error);
  const placed: HTMLElement[] = [];
  const listed: string[] = [];
  for (const issue of failure.issues) {
    const fallback = BY_FIELD[issue.path] ?? BY_FIELD[issue.path.split(".")[0] ?? ""];
    const text = readable(issue.message, fallback);
    const field = fieldOf(issue.path, fields);
    if (field) {
      const mark = el("p", { className: "field-error" }, besideField(text, issue.path));
      field.insertAdjacentElement("afterend", mark);
      placed.push(mark);
    } else if (text !== messageOf(failure) && !listed.includes(text)) {
      listed.push(text);
    }
  }
  marks.set(into, placed);
  into.replaceChildren(
    el(
      "div",
      { className: "error", role: "alert" },
      el("p", {}, messageOf(failure)),
      ...(listed.length ? [el("ul", {}, ...listed.map((text) => el("li", {}, text)))] : []),
    ),
  );
}
