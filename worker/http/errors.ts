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
