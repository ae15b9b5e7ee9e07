import { beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "../db/seed";
import { type TestApp, testApp } from "../testing/app";
import { DEMO_PASSWORD } from "../testing/contracts";

// Google identity tokens: one without an expiry would be good forever, so it is refused.

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
  await seedDemo(t.db, DEMO_PASSWORD);
});

describe("Google identity tokens", () => {
  it("refuses a token without exp, on a route and at sign-in", async () => {
    const email = "partner@demo.shimebi.test";
    const forever = await t.google.idToken(email, {}, { expiresIn: null });
    const me = await t.call("GET", "/v1/me", { token: forever });
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe("invalid_token");
    const login = await t.call("POST", "/v1/auth/google", { body: { idToken: forever } });
    expect(login.status).toBe(401);
    // The same token with an expiry is accepted.
    const hour = await t.google.idToken(email);
    expect((await t.call("GET", "/v1/me", { token: hour })).status).toBe(200);
  });
});
