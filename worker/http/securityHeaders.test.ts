import { setCookie } from "hono/cookie";
import { beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "../db/seed";
import { type TestApp, testApp } from "../testing/app";
import { DEMO_PASSWORD } from "../testing/contracts";
import { ApiError } from "./errors";
import { API_REFERENCE_SCRIPT, JSON_POLICY } from "./securityHeaders";

// Cross-site writes with the session cookie are refused; HTML pages carry CSP, framing and
// referrer protection (HSTS where the site is https); /docs loads only its pinned script.

let t: TestApp;
let cookie: string;
const APP = "http://127.0.0.1:8787";

beforeEach(async () => {
  t = await testApp({ config: { appUrl: APP } });
  await seedDemo(t.db, DEMO_PASSWORD);
  const res = await t.call("POST", "/v1/auth/login", {
    body: { email: "owner@demo.shimebi.test", password: DEMO_PASSWORD },
  });
  cookie = `shimebi_session=${res.body.token}`;
});

/** An empty form posted with the cookie, as another site's page would send it. */
function logout(headers: Record<string, string>) {
  return t.app.request("/v1/auth/logout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
}

const signedIn = async (headers: Record<string, string> = { cookie }) =>
  (await t.app.request("/v1/me", { headers })).status === 200;

describe("cookie-authenticated writes", () => {
  it("refuses another site's form, and one that names no origin, with 403 in the error shape", async () => {
    const attempts: Record<string, string>[] = [
      { cookie, origin: "https://evil.example" },
      { cookie, origin: "null" },
      { cookie, origin: "http://127.0.0.1:8787.evil.example" },
      { cookie },
      { cookie, "sec-fetch-site": "cross-site" },
      { cookie, "sec-fetch-site": "same-site" },
    ];
    for (const headers of attempts) {
      const res = await logout({ ...headers, "accept-language": "ja" });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("cross_site_request");
      expect(body.error.message).toMatch(/^セッション Cookie による変更は/);
      expect(await signedIn()).toBe(true);
    }
  });

  it("accepts this site's own pages, and bearer tokens from anywhere", async () => {
    expect((await logout({ cookie, "sec-fetch-site": "same-origin" })).status).toBe(204);
    const again = await t.call("POST", "/v1/auth/login", {
      body: { email: "owner@demo.shimebi.test", password: DEMO_PASSWORD },
    });
    const token = again.body.token;
    const res = await t.app.request("/v1/auth/logout", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, origin: "https://integrator.example" },
    });
    expect(res.status).toBe(204);
    const third = await t.call("POST", "/v1/auth/login", {
      body: { email: "owner@demo.shimebi.test", password: DEMO_PASSWORD },
    });
    const own = { cookie: `shimebi_session=${third.body.token}` };
    expect((await logout({ ...own, origin: APP })).status).toBe(204);
    expect(await signedIn(own)).toBe(false);
  });

  it("lets cross-site reads through: only writes are checked", async () => {
    const res = await t.app.request("/v1/me", {
      headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(200);
  });
});

function csp(res: Response) {
  const header = res.headers.get("content-security-policy") ?? "";
  return Object.fromEntries(
    header.split(/;\s*/).map((part) => {
      const [name = "", ...values] = part.split(" ");
      return [name, values];
    }),
  ) as Record<string, string[]>;
}

describe("HTML pages", () => {
  it("carry a nonce CSP, no framing, no referrer, and no HSTS over http", async () => {
    const res = await t.app.request("/register?invitation=secret-token");
    const page = await res.text();
    const policy = csp(res);
    const nonce = /<script nonce="([^"]+)">/.exec(page)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy["script-src"]).toContain(`'nonce-${nonce}'`);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    // A fresh nonce for every answer.
    const next = await (await t.app.request("/register")).text();
    expect(next).not.toContain(`nonce="${nonce}"`);
  });

  it("add HSTS where the site is served over https", async () => {
    const https = await testApp({ config: { appUrl: "https://shimebi.example" } });
    const res = await https.app.request("/verify-email?token=x");
    expect(res.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });
});

describe("JSON answers", () => {
  const expectJsonSet = (res: Response) => {
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("content-security-policy")).toBe(JSON_POLICY);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  };

  it("carry a policy that allows nothing, nosniff, no framing and no referrer, errors too", async () => {
    const health = await t.app.request("/health");
    expect(await health.json()).toEqual({ status: "ok", version: expect.any(String) });
    expectJsonSet(health);
    const missing = await t.app.request("/v1/nothing-here");
    expect(missing.status).toBe(404);
    expectJsonSet(missing);
    const unsupported = await t.app.request("/v1/quote", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "month=2026-11",
    });
    expect(unsupported.status).toBe(415);
    expectJsonSet(unsupported);
    const me = await t.app.request("/v1/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expectJsonSet(me);
    expect(me.headers.get("strict-transport-security")).toBeNull();
  });

  it("keep a route's own headers beside them: the sign-in cookie", async () => {
    const res = await t.app.request("/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "owner@demo.shimebi.test", password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^shimebi_session=/);
    expectJsonSet(res);
  });

  it("keep a route's own headers on its error answer: a cookie, no-store, a middleware's header", async () => {
    // A fresh app: routes can be added only before its first request.
    const { app } = await testApp({ config: { appUrl: APP } });
    app.use("/test/*", async (c, next) => {
      c.header("x-request-tag", "abc");
      await next();
    });
    app.get("/test/cookie-then-error", (c) => {
      setCookie(c, "shimebi_trial", "1", { path: "/", httpOnly: true });
      c.header("cache-control", "no-store");
      // Headers the security set owns stay the security set's.
      c.header("x-frame-options", "SAMEORIGIN");
      c.header("content-security-policy", "default-src *");
      throw new ApiError(409, "conflict", "Taken", [], "すでにあります");
    });
    app.get("/plain-error", () => {
      throw new ApiError(409, "conflict", "Taken");
    });
    const res = await app.request("/test/cookie-then-error");
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: "conflict", message: "すでにあります", issues: [] },
    });
    expect(res.headers.getSetCookie()).toEqual(["shimebi_trial=1; Path=/; HttpOnly"]);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-tag")).toBe("abc");
    expectJsonSet(res);
    // An error without headers of its own answers the security set alone.
    const plain = await app.request("/plain-error");
    expect(plain.status).toBe(409);
    expect(plain.headers.get("cache-control")).toBeNull();
    expect(plain.headers.get("set-cookie")).toBeNull();
    expectJsonSet(plain);
  });

  it("add HSTS where the site is served over https, on the quickest answers too", async () => {
    const https = await testApp({ config: { appUrl: "https://shimebi.example" } });
    for (const path of ["/health", "/v1/nothing-here"]) {
      const res = await https.app.request(path);
      expect(res.headers.get("strict-transport-security")).toBe(
        "max-age=31536000; includeSubDomains",
      );
      expect(res.headers.get("content-security-policy")).toBe(JSON_POLICY);
    }
  });
});

describe("GET /docs", () => {
  it("loads one script from elsewhere, pinned by version and integrity; its own scripts by nonce", async () => {
    const res = await t.app.request("/docs");
    expect(res.status).toBe(200);
    const page = await res.text();
    const external = [...page.matchAll(/<script src="([^"]+)"([^>]*)>/g)];
    expect(external.map((m) => m[1])).toEqual([API_REFERENCE_SCRIPT.url]);
    expect(API_REFERENCE_SCRIPT.url).toMatch(/@scalar\/api-reference@\d+\.\d+\.\d+\//);
    expect(external[0]?.[2]).toContain(`integrity="${API_REFERENCE_SCRIPT.integrity}"`);
    expect(external[0]?.[2]).toContain('crossorigin="anonymous"');
    const policy = csp(res);
    const nonce = policy["script-src"]?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    const inline = [...page.matchAll(/<script(?! src)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const m of inline) expect(m[1]).toContain(`nonce="${nonce}"`);
    expect(policy["script-src"]).toContain(API_REFERENCE_SCRIPT.url);
    expect(page).not.toContain("fonts.scalar.com");
  });
});
