import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accountEvents, outbox } from "../db/schema";
import { backgroundSettled } from "../http/background";
import { type TestApp, testApp } from "../testing/app";
import { countStatements } from "../testing/statements";

const PASSWORD = "kawasaki-2026!";
const NEW_PASSWORD = "yokohama-2027?";
const EMAIL = "founder@acme.test";
const JA = { "accept-language": "ja" };

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

async function register(email = EMAIL) {
  await t.call("POST", "/v1/accounts", { body: { email, password: PASSWORD, agreeToTerms: true } });
  const token = await t.tokenFromMail(email, "verifyEmail");
  expect((await t.call("POST", "/v1/auth/verify-email", { body: { token } })).status).toBe(200);
}

async function login(email: string, password: string) {
  return t.call("POST", "/v1/auth/login", { body: { email, password } });
}

async function signIn(email = EMAIL, password = PASSWORD): Promise<string> {
  const res = await login(email, password);
  expect(res.status).toBe(200);
  return res.body.token;
}

const mailsTo = (to: string) => t.db.select().from(outbox).where(eq(outbox.to, to));
const events = () => t.db.select().from(accountEvents).orderBy(sql`rowid`);

describe("password reset through the outbox", () => {
  it("mails a single-use link; the new password works, the old one and every session do not", async () => {
    await register();
    const first = await signIn();
    const second = await signIn();
    const api = await t.call("POST", "/v1/me/api-tokens", { token: first, body: { name: "ci" } });
    expect(api.status).toBe(201);

    const asked = await t.call("POST", "/v1/auth/password-reset", {
      body: { email: "Founder@Acme.test" },
      headers: JA,
    });
    expect(asked).toMatchObject({ status: 202, body: { status: "accepted" } });
    await backgroundSettled();

    const { mail, path, token } = await t.linkFromMail(EMAIL, "resetPassword");
    expect(mail.subject).toBe("[Shimebi] パスワードの再設定");
    expect(mail.text).toContain("このリンクは1回限り、1時間有効です");
    expect(path).toMatch(/^\/reset-password\?token=/);
    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("新しいパスワードの設定 / Choose a new password");

    const weak = await t.call("POST", "/v1/auth/password-reset/confirm", {
      body: { token, password: "short" },
      headers: JA,
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.message).toBe("より安全なパスワードを設定してください");

    const reset = await t.call("POST", "/v1/auth/password-reset/confirm", {
      body: { token, password: NEW_PASSWORD },
      headers: JA,
    });
    expect(reset).toMatchObject({ status: 200, body: { status: "reset", revokedSessions: 2 } });

    expect((await t.call("GET", "/v1/me", { token: first })).status).toBe(401);
    expect((await t.call("GET", "/v1/me", { token: second })).status).toBe(401);
    // API tokens are kept: integrations keep running (the mail says so).
    expect((await t.call("GET", "/v1/me", { token: api.body.token })).status).toBe(200);
    expect((await login(EMAIL, PASSWORD)).status).toBe(401);
    expect((await login(EMAIL, NEW_PASSWORD)).status).toBe(200);

    const again = await t.call("POST", "/v1/auth/password-reset/confirm", {
      body: { token, password: "another-pass-1" },
      headers: JA,
    });
    expect(again.status).toBe(410);
    expect(again.body.error).toMatchObject({
      code: "link_used",
      message: "このリンクは使用済みです",
    });
    expect((await login(EMAIL, NEW_PASSWORD)).status).toBe(200);

    const changed = (await mailsTo(EMAIL)).filter((m) => m.template === "passwordChanged");
    expect(changed).toHaveLength(1);
    expect(changed[0]?.text).toContain("2件のセッションをサインアウトしました");
    expect((await events()).map((e) => e.event)).toEqual([
      "passwordResetRequested",
      "passwordReset",
    ]);
  });

  it("refuses an expired link, and mails in English when the request prefers it", async () => {
    await register();
    await t.call("POST", "/v1/auth/password-reset", {
      body: { email: EMAIL },
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    await backgroundSettled();
    const { mail, token } = await t.linkFromMail(EMAIL, "resetPassword");
    expect(mail.subject).toBe("[Shimebi] Reset your password");
    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60_000);
    const late = await t.call("POST", "/v1/auth/password-reset/confirm", {
      body: { token, password: NEW_PASSWORD },
    });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe("link_expired");
    expect((await login(EMAIL, PASSWORD)).status).toBe(200);
    const unknown = await t.call("POST", "/v1/auth/password-reset/confirm", {
      body: { token: "not-a-token", password: NEW_PASSWORD },
    });
    expect(unknown.status).toBe(404);
  });

  it("answers an unknown address exactly as a known one, and throttles both alike", async () => {
    await register();
    const known = [];
    const unknown = [];
    for (let i = 0; i < 4; i++) {
      known.push(await t.call("POST", "/v1/auth/password-reset", { body: { email: EMAIL } }));
      unknown.push(
        await t.call("POST", "/v1/auth/password-reset", { body: { email: "nobody@acme.test" } }),
      );
    }
    expect(known.map((r) => r.status)).toEqual([202, 202, 202, 429]);
    expect(unknown.map((r) => r.status)).toEqual([202, 202, 202, 429]);
    await backgroundSettled();
    expect(unknown.map((r) => r.body)).toEqual(known.map((r) => r.body));
    expect(known[3]?.body.error.code).toBe("too_many_attempts");
    expect(await mailsTo("nobody@acme.test")).toHaveLength(0);
    const links = (await mailsTo(EMAIL)).filter((m) => m.template === "resetPassword");
    expect(links).toHaveLength(3);
    // Only the newest of the three links works.
    const oldest = new URL(/http\S+/.exec(links[0]?.text ?? "")?.[0] ?? "").searchParams.get(
      "token",
    );
    const superseded = await t.call("POST", "/v1/auth/password-reset/confirm", {
      body: { token: oldest, password: NEW_PASSWORD },
    });
    expect(superseded.status).toBe(410);
    const rows = await events();
    expect(rows.filter((e) => e.email === "nobody@acme.test" && e.userId === null)).toHaveLength(3);

    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60_000);
    expect(
      (await t.call("POST", "/v1/auth/password-reset", { body: { email: EMAIL } })).status,
    ).toBe(202);
  });

  it("does the same work before answering an unknown address as a known one", async () => {
    await register();
    const counter = countStatements(t.db);
    const work = { known: [] as number[], unknown: [] as number[] };
    const timings = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 12; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 61 * 60_000);
      for (const [kind, email] of [
        ["known", EMAIL],
        ["unknown", `nobody${i}@acme.test`],
      ] as const) {
        const started = performance.now();
        const { statements, value } = await counter.during(() =>
          t.call("POST", "/v1/auth/password-reset", { body: { email } }),
        );
        timings[kind].push(performance.now() - started);
        work[kind].push(statements);
        expect(value.status).toBe(202);
        await backgroundSettled();
      }
    }
    // Throttle count, user lookup, the audit row: the link and mail are written after the answer.
    expect(new Set([...work.known, ...work.unknown])).toEqual(new Set([3]));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.info(
      `password reset request, median ms: known ${median(timings.known).toFixed(1)}, unknown ${median(timings.unknown).toFixed(1)}`,
    );
    expect((await mailsTo(EMAIL)).filter((m) => m.template === "resetPassword")).toHaveLength(12);
  });
});
