import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import type { AppEnv } from "./router";

// Headers on every answer. Pages (the registration and verification pages, invoice and order
// documents, /docs) get the page policy: scripts run only with the answer's nonce or from the
// one pinned file of the API reference; nothing may frame a page; no URL (they hold invitation
// and verification tokens) leaks in a Referer. JSON answers get a fixed set: a JSON answer has
// no scripts, styles or images of its own, so its policy allows nothing at all (OWASP's REST
// advice: `default-src 'none'; frame-ancestors 'none'`), and with nosniff a browser never
// renders it as a page; it needs no nonce. HSTS only where the public URL is https, so
// `npm start` over http on a laptop does not pin localhost to https.

/**
 * The API reference's browser bundle, pinned: the version from the npm registry and the
 * SHA-384 of its `dist/browser/standalone.js` (Subresource Integrity). To move to another
 * version: `npm pack @scalar/api-reference@<version>`, then
 * `openssl dgst -sha384 -binary package/dist/browser/standalone.js | openssl base64 -A`.
 */
export const API_REFERENCE_SCRIPT = {
  url: "https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.76.4/dist/browser/standalone.js",
  integrity: "sha384-hwB9WroDTpZaI38gr+u9CXA6ksz5gUYgD2GxXazKl/agT1L2GWUiRFWGJYNiFu4Q",
};

const PAGE_POLICY = [
  "default-src 'self'",
  `script-src 'nonce-{nonce}' ${API_REFERENCE_SCRIPT.url}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
const [POLICY_HEAD = "", POLICY_TAIL = ""] = PAGE_POLICY.split("{nonce}");

/** The policy of an answer that is data, never a page. */
export const JSON_POLICY = "default-src 'none'; frame-ancestors 'none'";

const HSTS = "max-age=31536000; includeSubDomains";

const COMMON = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
};
const COMMON_HTTPS = { ...COMMON, "Strict-Transport-Security": HSTS };
const COMMON_ENTRIES = Object.entries(COMMON);
const COMMON_HTTPS_ENTRIES = Object.entries(COMMON_HTTPS);

/** A JSON answer's whole header set, built once: over http, and over https with HSTS. */
const JSON_HEADERS = {
  http: Object.freeze({
    "Content-Type": "application/json",
    "Content-Security-Policy": JSON_POLICY,
    ...COMMON,
  }),
  https: Object.freeze({
    "Content-Type": "application/json",
    "Content-Security-Policy": JSON_POLICY,
    ...COMMON_HTTPS,
  }),
};

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

const overHttps = (c: Context<AppEnv>) =>
  (c.get("deps") as AppEnv["Variables"]["deps"] | undefined)?.config.appUrl.startsWith(
    "https://",
  ) === true;

/**
 * The nonce this answer's scripts run with, made when a page first asks for it: a random UUID
 * (122 random bits, characters CSP's base64-value allows). JSON answers never ask.
 */
export function scriptNonce(c: Context<AppEnv>): string {
  let nonce = c.get("secureHeadersNonce");
  if (nonce === undefined) {
    nonce = crypto.randomUUID();
    c.set("secureHeadersNonce", nonce);
  }
  return nonce;
}

/**
 * `c.json(body, status)` with its security headers already on it, from one frozen object:
 * for the answers most requests end in (GET /health, POST /v1/quote, every error). Setting the
 * headers one by one on Hono's `Headers` and having the server read them back cost a plain
 * GET /health more than the rest of the app did (22 µs of CPU against a bare app's 13). Only
 * for an answer with no headers of its own: a route that sets a cookie or `no-store` answers
 * with `c.json`, and gets the same headers on its finished answer.
 */
export function jsonAnswer<T, S extends ContentfulStatusCode = 200>(
  c: Context<AppEnv>,
  body: T,
  status?: S,
): Response & TypedResponse<JSONParsed<T>, S, "json"> {
  const headers = overHttps(c) ? JSON_HEADERS.https : JSON_HEADERS.http;
  const answer = new Response(JSON.stringify(body), { status: status ?? 200, headers });
  c.set("securedAnswer", answer);
  return answer as Response & TypedResponse<JSONParsed<T>, S, "json">;
}

/**
 * Whether the request set headers of its own with `c.header`. Hono holds them apart until it
 * builds an answer itself, and says nothing of them: build a bodiless one and look. Only errors
 * ask (a wrapper on `c.header` instead made every GET /health twice as slow).
 */
function setHeaders(c: Context<AppEnv>): boolean {
  for (const _ of c.newResponse(null).headers) return true;
  return false;
}

/**
 * An error's answer: `jsonAnswer`'s frozen set when the request set no header of its own, else
 * `c.json`, which keeps what `c.header` (and hono's `setCookie`) set before the throw, a cookie,
 * `Retry-After` or `no-store`, beside `headers`; `securityHeaders()` then puts its own set over
 * the finished answer, so a route never overrides those.
 */
export function errorAnswer<T, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  body: T,
  status: S,
  headers?: Record<string, string>,
): Response {
  if (!headers && !setHeaders(c)) return jsonAnswer(c, body, status);
  return c.json(body, status, headers);
}

/**
 * Every answer leaves with its security headers, an error's too: one built by `jsonAnswer`
 * already has them; any other (`c.json`, a page, a PDF, a download) gets them on its finished
 * answer, a page's policy with its script nonce.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeaders(c, next) {
    await next();
    if (c.get("securedAnswer") === c.res) return;
    const answered = c.res.headers;
    const json = JSON_TYPE.test(answered.get("Content-Type") ?? "");
    answered.set(
      "Content-Security-Policy",
      json ? JSON_POLICY : POLICY_HEAD + scriptNonce(c) + POLICY_TAIL,
    );
    for (const [name, value] of overHttps(c) ? COMMON_HTTPS_ENTRIES : COMMON_ENTRIES)
      answered.set(name, value);
  };
}
