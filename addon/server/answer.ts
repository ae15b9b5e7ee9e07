import { ApiError, type ApiErrorBody, type ApiIssue } from "./api";
import { MESSAGES, type Text, t, userLang } from "./i18n";

// What every function the sidebar calls answers: one envelope, `{ ok: true, value }` or
// `{ ok: false, error }`, because google.script.run hands a thrown error to the sidebar as a
// bare message and drops the API's `issues`. The error is the API's own object (code,
// message in the user's language, issues with their paths), plus the HTTP status (0 when the
// add-on itself refused). A bug's message or stack never reaches the user: it goes to the
// script's log and the user reads a sentence.

export interface Failure extends ApiErrorBody {
  status: number;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; error: Failure };

/**
 * A refusal by the add-on itself, in the user's language: `at` names the field at fault (the
 * message is then shown beside it), or gives the issues one by one.
 */
export function refuse(code: string, text: Text, at: string | ApiIssue[] = []): never {
  const message = t(text, userLang());
  const issues = typeof at === "string" ? [{ path: at, code, message }] : at;
  throw new ApiError(0, { code, message, issues });
}

export function failureOf(thrown: unknown): Failure {
  if (thrown instanceof ApiError) return { status: thrown.status, ...thrown.error };
  console.error(thrown);
  return { status: 0, code: "unexpected", message: t(MESSAGES.unexpected, userLang()), issues: [] };
}

/** `fn` answering the envelope: whatever it throws becomes `{ ok: false, error }`. */
export function answering<A extends unknown[], T>(
  fn: (...args: A) => T,
): (...args: A) => Answer<T> {
  return (...args: A) => {
    try {
      return { ok: true, value: fn(...args) };
    } catch (thrown) {
      return { ok: false, error: failureOf(thrown) };
    }
  };
}

/** The error as lines a person reads (an alert's text): the message, then each issue's. */
export function sentencesOf(error: Failure): string {
  const lines = error.issues.map((issue) => issue.message).filter((m) => m && m !== error.message);
  return [error.message, ...lines].join("\n");
}
