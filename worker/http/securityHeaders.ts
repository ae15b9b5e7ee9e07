import type { MiddlewareHandler } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";

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

export function securityHeaders(appUrl: string): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: [NONCE, API_REFERENCE_SCRIPT.url],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    strictTransportSecurity: appUrl.startsWith("https://")
      ? "max-age=31536000; includeSubDomains"
      : false,
  });
}
