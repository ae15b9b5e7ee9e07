import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accountEvents, outbox } from "../db/schema";
import { backgroundSettled } from "../http/background";
import { type TestApp, testApp } from "../testing/app";

const PASSWORD = "kawasaki-2026!";
const OLD = "founder@acme.test";
const NEW = "founder@new.test";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

async function register(email: string) {
  await t.call("POST", "/v1/accounts", { body: { email, password: PASSWORD, agreeToTerms: true } });
  const token = await t.tokenFromMail(email, "verifyEmail");
  expect((await t.call("POST", "/v1/auth/verify-email", { body: { token } })).status).toBe(200);
}

async function signIn(email: string) {
  return t.call("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
}

describe("change of email address through the outbox", () => {
  it("changes only when the link mailed to the new address is used; the old address is told", async () => {
    await register(OLD);
    await register("taken@acme.test");
    const session = (await signIn(OLD)).body.token;
    const ask = (body: object) =>
      t.call("POST", "/v1/me/email-change", {
        token: session,
        body,
        headers: { "accept-language": "ja" },
      });

    const taken = await ask({ newEmail: "Taken@acme.test", password: PASSWORD });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe("taken@acme.test は別のアカウントで使われています");
    const wrong = await ask({ newEmail: NEW, password: "not-my-password" });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe("wrong_password");
    expect((await ask({ newEmail: OLD, password: PASSWORD })).status).toBe(422);

    const pending = await ask({ newEmail: NEW, password: PASSWORD });
    expect(pending).toMatchObject({ status: 202, body: { status: "pending", newEmail: NEW } });
    await backgroundSettled();

    const notice = await t.db.select().from(outbox).where(eq(outbox.to, OLD));
    const told = notice.find((m) => m.template === "emailChangeRequested");
    expect(told?.subject).toBe("[Shimebi] メールアドレス変更のご依頼");
    expect(told?.text).toContain(`${NEW} に変更するご依頼を受け付けました`);
    expect(told?.sentAt).not.toBeNull();

    // Nothing changes before the link is used.
    expect((await t.call("GET", "/v1/me", { token: session })).body.email).toBe(OLD);
    expect((await signIn(NEW)).status).toBe(401);

    const { mail, path, token } = await t.linkFromMail(NEW, "confirmEmailChange");
    expect(mail.subject).toBe("[Shimebi] 新しいメールアドレスの確認");
    expect(path).toMatch(/^\/confirm-email-change\?token=/);
    const page = await t.app.request(path);
    expect(await page.text()).toContain(
      "新しいメールアドレスの確認 / Confirm your new email address",
    );

    const confirmed = await t.call("POST", "/v1/auth/email-change/confirm", {
      body: { token },
      headers: { "accept-language": "ja" },
    });
    expect(confirmed).toMatchObject({ status: 200, body: { email: NEW, emailVerified: true } });
    expect((await t.call("GET", "/v1/me", { token: session })).body.email).toBe(NEW);
    expect((await signIn(NEW)).status).toBe(200);
    expect((await signIn(OLD)).status).toBe(401);

    const again = await t.call("POST", "/v1/auth/email-change/confirm", { body: { token } });
    expect(again.status).toBe(410);
    await backgroundSettled();
    const [changed] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, OLD), eq(outbox.template, "emailChanged")));
    expect(changed?.subject).toBe("[Shimebi] メールアドレスが変更されました");
    expect(changed?.text).toContain(`${NEW} に変更されました`);

    const trail = await t.call("GET", "/v1/me/account-events", { token: session });
    expect(trail.status).toBe(200);
    expect(
      trail.body.map((e: { event: string; email: string; details: unknown }) => [
        e.event,
        e.email,
        e.details,
      ]),
    ).toEqual([
      ["emailChanged", NEW, { from: OLD }],
      ["emailChangeRequested", NEW, { from: OLD }],
    ]);
  });

  it("refuses the link once the new address was registered by someone else meanwhile", async () => {
    await register(OLD);
    const session = (await signIn(OLD)).body.token;
    await t.call("POST", "/v1/me/email-change", {
      token: session,
      body: { newEmail: NEW, password: PASSWORD },
    });
    await backgroundSettled();
    const { token } = await t.linkFromMail(NEW, "confirmEmailChange");
    await register(NEW);
    const late = await t.call("POST", "/v1/auth/email-change/confirm", { body: { token } });
    expect(late.status).toBe(409);
    expect((await t.call("GET", "/v1/me", { token: session })).body.email).toBe(OLD);
  });
});

describe("signing out everywhere", () => {
  it("revokes every session of the user and no one else's; API tokens stay", async () => {
    await register(OLD);
    await register("other@acme.test");
    const a = (await signIn(OLD)).body.token;
    const b = (await signIn(OLD)).body.token;
    const other = (await signIn("other@acme.test")).body.token;
    const api = (await t.call("POST", "/v1/me/api-tokens", { token: a, body: { name: "ci" } })).body
      .token;

    const out = await t.call("POST", "/v1/auth/logout-everywhere", { token: b });
    expect(out).toMatchObject({ status: 200, body: { revokedSessions: 2 } });
    expect((await t.call("GET", "/v1/me", { token: a })).status).toBe(401);
    expect((await t.call("GET", "/v1/me", { token: b })).status).toBe(401);
    expect((await t.call("GET", "/v1/me", { token: other })).status).toBe(200);
    expect((await t.call("GET", "/v1/me", { token: api })).status).toBe(200);

    const [event] = await t.db.select().from(accountEvents);
    expect(event).toMatchObject({ event: "signedOutEverywhere", details: { revokedSessions: 2 } });
    // The trail is append-only.
    await expect(t.db.$client.execute("delete from account_events")).rejects.toThrow(/append-only/);
  });
});
