import { beforeEach, describe, expect, it } from "vitest";
import { snapshot, type TestApp, testApp } from "../testing/app";

const PASSWORD = "kawasaki-2026!";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

async function founder(email = "founder@acme.test") {
  expect(
    (
      await t.call("POST", "/v1/accounts", {
        body: { email, password: PASSWORD, agreeToTerms: true },
      })
    ).status,
  ).toBe(201);
  const token = await t.tokenFromMail(email, "verifyEmail");
  expect((await t.call("POST", "/v1/auth/verify-email", { body: { token } })).status).toBe(200);
  const login = await t.call("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
  expect(login.status).toBe(200);
  return login.body.token as string;
}

describe("company owner to partner, through HTTP", () => {
  it("creates a company and group, invites a partner who registers, verifies and signs in", async () => {
    const owner = await founder();
    const company = await t.call("POST", "/v1/companies", { token: owner, body: { name: "Acme" } });
    expect(company.status).toBe(201);
    expect(company.body).toMatchObject({ name: "Acme", roles: ["companyOwner"] });
    const group = await t.call("POST", `/v1/companies/${company.body.id}/groups`, {
      token: owner,
      body: { name: "開発" },
    });
    expect(group.status).toBe(201);

    const invited = await t.call("POST", `/v1/groups/${group.body.id}/invitations`, {
      token: owner,
      body: { email: "Partner@Example.test", role: "partner" },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: "partner@example.test",
      role: "partner",
      status: "pending",
    });
    const invitationToken = await t.tokenFromMail("partner@example.test", "invitation");

    const preview = await t.call("GET", `/v1/invitations/${invitationToken}`);
    expect(preview.body).toMatchObject({
      email: "partner@example.test",
      companyName: "Acme",
      groupName: "開発",
    });

    const registered = await t.call("POST", `/v1/invitations/${invitationToken}/accept`, {
      body: { email: "partner@example.test", password: PASSWORD, agreeToTerms: true },
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      emailVerified: false,
      consent: { termsVersion: "2026-11-01" },
    });

    // Not verified yet: no sign-in.
    const early = await t.call("POST", "/v1/auth/login", {
      body: { email: "partner@example.test", password: PASSWORD },
    });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe("email_unverified");

    const verifyToken = await t.tokenFromMail("partner@example.test", "verifyEmail");
    expect(
      (await t.call("POST", "/v1/auth/verify-email", { body: { token: verifyToken } })).status,
    ).toBe(200);
    const reused = await t.call("POST", "/v1/auth/verify-email", { body: { token: verifyToken } });
    expect(reused.status).toBe(410);

    const login = await t.call("POST", "/v1/auth/login", {
      body: { email: "partner@example.test", password: PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.headers.get("set-cookie")).toMatch(
      /shimebi_session=.+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
    const me = await t.call("GET", "/v1/me", { token: login.body.token });
    expect(me.body).toMatchObject({
      email: "partner@example.test",
      memberships: [{ companyName: "Acme", groupName: "開発", role: "partner" }],
    });

    // The same invitation cannot be used twice.
    const again = await t.call("POST", `/v1/invitations/${invitationToken}/accept`, {
      body: { email: "partner@example.test", password: PASSWORD, agreeToTerms: true },
    });
    expect(again.status).toBe(410);

    // Signed out, the token no longer works.
    expect((await t.call("POST", "/v1/auth/logout", { token: login.body.token })).status).toBe(204);
    expect((await t.call("GET", "/v1/me", { token: login.body.token })).status).toBe(401);
  });

  it("registers an invitee with a Google identity token of the invited address", async () => {
    const owner = await founder();
    const company = await t.call("POST", "/v1/companies", { token: owner, body: { name: "Acme" } });
    const group = await t.call("POST", `/v1/companies/${company.body.id}/groups`, {
      token: owner,
      body: { name: "G" },
    });
    await t.call("POST", `/v1/groups/${group.body.id}/invitations`, {
      token: owner,
      body: { email: "g@example.test", role: "member" },
    });
    const invitation = await t.tokenFromMail("g@example.test", "invitation");

    const wrong = await t.call("POST", `/v1/invitations/${invitation}/accept`, {
      body: {
        email: "g@example.test",
        googleIdToken: await t.google.idToken("other@example.test"),
        agreeToTerms: true,
      },
    });
    expect(wrong.status).toBe(422);

    const ok = await t.call("POST", `/v1/invitations/${invitation}/accept`, {
      body: {
        email: "g@example.test",
        googleIdToken: await t.google.idToken("g@example.test"),
        agreeToTerms: true,
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ emailVerified: true, signInMethods: ["google"] });

    // The add-on sends the identity token itself as the bearer token.
    const me = await t.call("GET", "/v1/me", { token: await t.google.idToken("g@example.test") });
    expect(me.status).toBe(200);
    expect(me.body.memberships[0]).toMatchObject({ role: "member", groupName: "G" });
  });
});

describe("bad input changes nothing", () => {
  it("refuses another address, a weak password, no consent, expired and revoked invitations", async () => {
    const owner = await founder();
    const company = await t.call("POST", "/v1/companies", { token: owner, body: { name: "Acme" } });
    const group = await t.call("POST", `/v1/companies/${company.body.id}/groups`, {
      token: owner,
      body: { name: "G" },
    });
    const invited = await t.call("POST", `/v1/groups/${group.body.id}/invitations`, {
      token: owner,
      body: { email: "p@example.test", role: "partner" },
    });
    const token = await t.tokenFromMail("p@example.test", "invitation");
    const before = await snapshot(t.db);

    const other = await t.call("POST", `/v1/invitations/${token}/accept`, {
      body: { email: "intruder@example.test", password: PASSWORD, agreeToTerms: true },
    });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toBe(
      "This invitation is for p@example.test, not intruder@example.test",
    );

    const weak = await t.call("POST", `/v1/invitations/${token}/accept`, {
      body: { email: "p@example.test", password: "password", agreeToTerms: true },
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.issues.map((i: { message: string }) => i.message)).toContain(
      "The password must be at least 10 characters",
    );
    const weakJa = await t.call("POST", `/v1/invitations/${token}/accept`, {
      body: { email: "p@example.test", password: "password", agreeToTerms: true },
      headers: { "accept-language": "ja" },
    });
    expect(weakJa.body.error.issues.map((i: { message: string }) => i.message)).toEqual([
      "パスワードは10文字以上にしてください",
      "パスワードは英字と数字または記号を組み合わせてください",
    ]);

    const noConsent = await t.call("POST", `/v1/invitations/${token}/accept`, {
      body: { email: "p@example.test", password: PASSWORD, agreeToTerms: false },
    });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error.issues[0].path).toBe("agreeToTerms");

    const malformed = await t.call("POST", "/v1/invitations/nonsense/accept", {
      body: { email: "p@example.test", password: PASSWORD, agreeToTerms: true },
    });
    expect(malformed.status).toBe(404);

    expect(await snapshot(t.db)).toEqual(before);

    // Seven days later the link has expired; a resend makes a new one that works.
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 86_400_000 + 1);
    const expired = await t.call("POST", `/v1/invitations/${token}/accept`, {
      body: { email: "p@example.test", password: PASSWORD, agreeToTerms: true },
    });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe("invitation_expired");
    const owner2 = await t.call("POST", "/v1/auth/login", {
      body: { email: "founder@acme.test", password: PASSWORD },
    });
    const resent = await t.call(
      "POST",
      `/v1/groups/${group.body.id}/invitations/${invited.body.id}/resend`,
      {
        token: owner2.body.token,
      },
    );
    expect(resent.body.status).toBe("pending");
    const fresh = await t.tokenFromMail("p@example.test", "invitation");
    expect(fresh).not.toBe(token);
    expect((await t.call("GET", `/v1/invitations/${token}`)).status).toBe(404);

    const revoked = await t.call(
      "POST",
      `/v1/groups/${group.body.id}/invitations/${invited.body.id}/revoke`,
      {
        token: owner2.body.token,
      },
    );
    expect(revoked.body.status).toBe("revoked");
    const afterRevoke = await t.call("POST", `/v1/invitations/${fresh}/accept`, {
      body: { email: "p@example.test", password: PASSWORD, agreeToTerms: true },
    });
    expect(afterRevoke.status).toBe(410);
    expect(afterRevoke.body.error.code).toBe("invitation_revoked");
  });

  it("throttles repeated failed sign-ins", async () => {
    await founder("f@acme.test");
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await t.call("POST", "/v1/auth/login", {
            body: { email: "f@acme.test", password: "wrong-password-1" },
          })
        ).status,
      ).toBe(401);
    }
    const blocked = await t.call("POST", "/v1/auth/login", {
      body: { email: "f@acme.test", password: PASSWORD },
    });
    expect(blocked.status).toBe(429);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect(
      (
        await t.call("POST", "/v1/auth/login", {
          body: { email: "f@acme.test", password: PASSWORD },
        })
      ).status,
    ).toBe(200);
  });

  it("refuses a malformed bearer token and an expired Google token with 401", async () => {
    expect((await t.call("GET", "/v1/me", { token: "not-a-token" })).status).toBe(401);
    const res = await t.call("GET", "/v1/me", { headers: { authorization: "Basic abc" } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("The Authorization header must be `Bearer <token>`");
    const expired = await t.google.idToken("x@example.test", {}, { expiresIn: "-1m" });
    expect((await t.call("GET", "/v1/me", { token: expired })).body.error.code).toBe(
      "token_expired",
    );
    const otherAudience = await t.google.idToken(
      "x@example.test",
      {},
      { audience: "someone-else" },
    );
    expect((await t.call("GET", "/v1/me", { token: otherAudience })).body.error.code).toBe(
      "invalid_token",
    );
  });
});
