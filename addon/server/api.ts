import { MESSAGES, t, userLang } from "./i18n";
import { getSettings } from "./settings";

// The one way the add-on reaches the API: UrlFetchApp, the user's Google identity token as
// the bearer, JSON both ways. Any answer other than 2xx becomes an ApiError carrying the
// API's error object, `{ error: { code, message, issues } }`, unchanged.

export interface ApiIssue {
  path: string;
  code?: string;
  message: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  issues: ApiIssue[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly error: ApiErrorBody;

  constructor(status: number, error: ApiErrorBody) {
    super(error.message);
    this.name = "ApiError";
    this.status = status;
    this.error = error;
  }
}

type Method = "get" | "post" | "put" | "delete";

function errorBodyOf(status: number, parsed: unknown, text: string): ApiErrorBody {
  const error = (parsed as { error?: Partial<ApiErrorBody> } | null)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return { code: error.code, message: error.message, issues: error.issues ?? [] };
  }
  return { code: `http_${status}`, message: text.slice(0, 500) || `HTTP ${status}`, issues: [] };
}

type Response = GoogleAppsScript.URL_Fetch.HTTPResponse;

/** A multipart/form-data body: UrlFetchApp builds one from an object holding a Blob. */
export type FormFields = Record<string, string | GoogleAppsScript.Base.Blob>;

/** One request to the API; any answer other than 2xx is thrown as an ApiError. */
function request(
  method: Method,
  path: string,
  accept: string,
  body?: unknown,
  form?: FormFields,
  extraHeaders: Record<string, string> = {},
): Response {
  const lang = userLang();
  const base = getSettings().apiBaseUrl;
  if (!base)
    throw new ApiError(0, { code: "no_api_url", message: t(MESSAGES.noApiUrl, lang), issues: [] });
  const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method,
    headers: {
      Authorization: `Bearer ${ScriptApp.getIdentityToken()}`,
      Accept: accept,
      "Accept-Language": lang === "ja" ? "ja" : "en",
      ...extraHeaders,
    },
    muteHttpExceptions: true,
  };
  if (form !== undefined) {
    // No contentType: UrlFetchApp sets multipart/form-data with its own boundary.
    params.payload = form;
  } else if (body !== undefined) {
    params.contentType = "application/json";
    params.payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = UrlFetchApp.fetch(`${base}${path}`, params);
  } catch {
    // DNS, TLS, a timeout: no answer from the API at all.
    throw new ApiError(0, {
      code: "fetch_failed",
      message: t(MESSAGES.fetchFailed, lang),
      issues: [],
    });
  }
  const status = response.getResponseCode();
  if (status < 200 || status >= 300) {
    const text = response.getContentText();
    throw new ApiError(status, errorBodyOf(status, parseJson(text), text));
  }
  return response;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // not JSON: the text itself is reported
  }
}

/** JSON both ways; `headers` adds request headers (an Idempotency-Key, say). */
export function callApi<T>(
  method: Method,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): T {
  const response = request(method, path, "application/json", body, undefined, headers);
  return parseJson(response.getContentText()) as T;
}

/** POST a multipart/form-data body (a file upload, say); JSON back, errors as callApi's. */
export function postApiForm<T>(path: string, form: FormFields): T {
  return parseJson(
    request("post", path, "application/json", undefined, form).getContentText(),
  ) as T;
}

/** A text document from the API (an HTML page, say); errors as callApi's. */
export function fetchApiText(path: string, accept: string): string {
  return request("get", path, accept).getContentText();
}

/** A file from the API (a PDF, say) as a blob; errors as callApi's. */
export function fetchApiBlob(path: string, accept: string): GoogleAppsScript.Base.Blob {
  return request("get", path, accept).getBlob();
}
