import type { MiddlewareHandler } from "hono";

// Headers on every answer; they matter for the HTML ones (the registration and verification
// pages, invoice and order documents, /docs). Scripts run only with the answer's nonce or
// from the one pinned file of the API reference; nothing may frame a page; no URL (they hold
// invitation and verification tokens) leaks in a Referer. HSTS only where the public URL is
// https, so `npm start` over http on a laptop does not pin localhost to https.

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

const POLICY = [
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
const [POLICY_HEAD = "", POLICY_TAIL = ""] = POLICY.split("{nonce}");

/**
 * A fresh script nonce for each answer: a random UUID (122 random bits, characters CSP's
 * base64-value allows), a tenth of the cost of base64-encoding 16 random bytes.
 */
const newNonce = (): string => crypto.randomUUID();

/**
 * Set before the route runs (prepared headers), so every answer carries them, an error's too,
 * without rewriting the finished response: Hono's secureHeaders sets a dozen headers on the
 * response afterwards, which doubled the CPU of a plain GET /health (13 -> 33 µs).
 */
export function securityHeaders(appUrl: string): MiddlewareHandler {
  const hsts = appUrl.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
  return async function securityHeaders(c, next) {
    const nonce = newNonce();
    c.set("secureHeadersNonce", nonce);
    const headers: [string, string][] = [
      ["Content-Security-Policy", POLICY_HEAD + nonce + POLICY_TAIL],
      ["X-Content-Type-Options", "nosniff"],
      ["X-Frame-Options", "DENY"],
      ["Referrer-Policy", "no-referrer"],
    ];
    if (hsts) headers.push(["Strict-Transport-Security", hsts]);
    for (const [name, value] of headers) c.header(name, value);
    await next();
    // A route that answers a Response of its own (a PDF, a download) skipped the prepared ones.
    const answered = c.res.headers;
    if (!answered.has("X-Frame-Options")) {
      for (const [name, value] of headers) answered.set(name, value);
    }
  };
}
