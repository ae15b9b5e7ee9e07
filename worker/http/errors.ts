import type { Issue } from "../../shared";

/** One problem with the request, at a path such as `entries.3.end`. */
export type IssueBody = { path: string; code?: string; message: string };

/** An issue as thrown: the Japanese words, when a service has them, ride along until rendering. */
export type IssueInput = IssueBody & { messageJa?: string };

export type ErrorBody = {
  error: { code: string; message: string; issues: IssueBody[] };
};

/**
 * The one error services and routes throw. `http/errorHandler.ts` alone renders it, so every
 * failure reaches the client in the same shape as the quote API's 422.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: IssueInput[];
  /** The message in Japanese, answered to `Accept-Language: ja`. */
  readonly messageJa?: string;
  /** Headers the answer carries, such as Retry-After on a 429. */
  headers?: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    issues: IssueInput[] = [],
    messageJa?: string,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.messageJa = messageJa;
  }

  toBody(ja = false): ErrorBody {
    const pick = (en: string, jaText?: string) => (ja && jaText ? jaText : en);
    return {
      error: {
        code: this.code,
        message: pick(this.message, this.messageJa),
        issues: this.issues.map(({ messageJa, ...issue }) => ({
          ...issue,
          message: pick(issue.message, messageJa),
        })),
      },
    };
  }
}

/**
 * The engine's issues as an API error: each issue keeps its Japanese words, so the response
 * answers in the caller's language. The error's message is the first issue's unless given.
 */
export function issuesError(
  status: number,
  code: string,
  issues: readonly Issue[],
  message?: { en: string; ja: string },
): ApiError {
  const first = issues[0];
  return new ApiError(
    status,
    code,
    message?.en ?? first?.message ?? code,
    [...issues],
    message?.ja ?? first?.messageJa,
  );
}

/** One engine issue refusing the request, under its own code. */
export const refusedBy = (status: number, issue: Issue): ApiError =>
  issuesError(status, issue.code, [issue]);
