// Cross-site request forgery: a browser attaches the session cookie to a form another site
// posts here (SameSite=Lax still lets some through, and a sibling subdomain is "same site").
// Browsers say where a request comes from in Origin, which a page cannot forge, and mark a
// request of the page's own origin with Sec-Fetch-Site: same-origin. A request that says
// neither is not one a browser made on another site's behalf, unless it carries the cookie.

/** Methods that change something: the ones a forged request would use. */
export const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether the request comes from a page of this server: its Origin is APP_URL's or the
 * request's own origin; without an Origin, only if the browser marks it same-origin.
 */
export function fromSameOrigin(request: Request, appUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin === new URL(appUrl).origin || origin === new URL(request.url).origin;
  return request.headers.get("sec-fetch-site") === "same-origin";
}
