/** One problem with the request, at a path such as `entries.3.end`. */
export type IssueBody = { path: string; code?: string; message: string };

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
  readonly issues: IssueBody[];

  constructor(status: number, code: string, message: string, issues: IssueBody[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, issues: this.issues } };
  }
}
