import type { IssueCode } from "../../shared";
import { DOCUMENT_ERRORS } from "./documentErrorWords";
import { ACCESS_ERRORS, type Words } from "./errorWords";

// Every error code the API sends, with the words a person reads when the thrower has nothing
// more specific to say: Japanese for `Accept-Language: ja`, English otherwise (http/locale.ts
// answers English when the header is missing). `ApiError` accepts only these codes and the engine's issue codes (which carry
// their own words in both languages), so a new code cannot ship without its Japanese.

export const ERROR_MESSAGES = { ...ACCESS_ERRORS, ...DOCUMENT_ERRORS } as const satisfies Record<
  string,
  Words
>;

export type ApiErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * What `ApiError` may carry: one of the API's codes, an engine issue's (with its words), or
 * `http_<status>` for a refusal of the HTTP layer itself.
 */
export type ErrorCode = ApiErrorCode | IssueCode | `http_${number}`;

/** The words of a code, when the API has its own for it (engine issues bring theirs). */
export function wordsFor(code: string): Words | undefined {
  if (Object.hasOwn(ERROR_MESSAGES, code)) return ERROR_MESSAGES[code as ApiErrorCode];
  return code.startsWith("http_") ? ERROR_MESSAGES.http_error : undefined;
}
