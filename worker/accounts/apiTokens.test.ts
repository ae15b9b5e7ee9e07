import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { authTokens, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { sha256Hex } from "../platform/crypto";
import { snapshot, type TestApp, testApp } from "../testing/app";

const PASSWORD = "shimebi-demo";
const PARTNER = "partner@demo.shimebi.test";
const OTHER = "owner@other.shimebi.test";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
  await seedDemo(t.db, PASSWORD);
});

async function signIn(email: string): Promise<string> {
  const login = await t.call("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
  expect(login.status).toBe(200);
  return login.body.token;
}

async function createToken(session: string, name = "Accounting export") {
  const created = await t.call("POST", "/v1/me/api-tokens", { token: session, body: { name } });
  expect(created.status).toBe(201);
  return created;
}

const later = (seconds: number) => new Date(t.clock.now.getTime() + seconds * 1000);

describe("API tokens", () => {
  it("cannot be used to create another API token", async () => {
    const { body } = await createToken(await signIn(PARTNER));
    const before = await snapshot(t.db);
    const minted = await t.call("POST", "/v1/me/api-tokens", {
      token: body.token,
      body: { name: "copy" },
    });
    expect(minted.status).toBe(403);
    expect(minted.body.error.code).toBe("api_token_cannot_create");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("shows the secret once, stores only its hash, authenticates, and stops when revoked", async () => {
    const session = await signIn(PARTNER);
    const created = await createToken(session, "  Accounting export  ");
    const token: string = created.body.token;
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.body).toEqual({
      id: expect.any(String),
      name: "Accounting export",
      token: expect.stringMatching(/^shm_[\w-]{40,}$/),
      prefix: token.slice(0, 10),
      createdAt: t.clock.now.toISOString(),
    });

    // Stored: the hash, never the secret, in any column.
    const raw = await t.db.$client.execute({
      sql: "select * from auth_tokens where id = ?",
      args: [created.body.id],
    });
    const [row] = raw.rows;
    if (!row) throw new Error("token not stored");
    expect(row.token_hash).not.toBe(token);
    expect(row.token_hash).toBe(await sha256Hex(token));
    expect(row.kind).toBe("api");
    for (const value of Object.values(row)) expect(String(value)).not.toContain(token);

    // Listed without the secret, and without the session that created it.
    const list = await t.call("GET", "/v1/me/api-tokens", { token: session });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        id: created.body.id,
        name: "Accounting export",
        prefix: token.slice(0, 10),
        createdAt: t.clock.now.toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(token);

    // The token signs in as its owner.
    const me = await t.call("GET", "/v1/me", { token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(PARTNER);

    expect(
      (await t.call("DELETE", `/v1/me/api-tokens/${created.body.id}`, { token: session })).status,
    ).toBe(204);
    const refused = await t.call("GET", "/v1/me", { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("invalid_token");
    const after = await t.call("GET", "/v1/me/api-tokens", { token: session });
    expect(after.body[0].revokedAt).toBe(t.clock.now.toISOString());

    // Revoking again changes nothing and is not an error.
    t.clock.now = later(3600);
    expect(
      (await t.call("DELETE", `/v1/me/api-tokens/${created.body.id}`, { token: session })).status,
    ).toBe(204);
    const [stored] = await t.db.select().from(authTokens).where(eq(authTokens.id, created.body.id));
    expect(stored?.revokedAt?.toISOString()).toBe(after.body[0].revokedAt);
    // The session is untouched by all this.
    expect((await t.call("GET", "/v1/me", { token: session })).status).toBe(200);
  });

  it("records when a token was last used, at most once a minute", async () => {
    const session = await signIn(PARTNER);
    const { body } = await createToken(session);
    const lastUsed = async () =>
      (await t.call("GET", "/v1/me/api-tokens", { token: session })).body[0].lastUsedAt;

    const first = t.clock.now.toISOString();
    expect((await t.call("GET", "/v1/me", { token: body.token })).status).toBe(200);
    expect(await lastUsed()).toBe(first);

    t.clock.now = later(59);
    await t.call("GET", "/v1/me", { token: body.token });
    expect(await lastUsed()).toBe(first);

    t.clock.now = later(1);
    await t.call("GET", "/v1/me", { token: body.token });
    expect(await lastUsed()).toBe(t.clock.now.toISOString());

    // Sessions are not tracked this way.
    const sessions = await t.db.select().from(authTokens).where(eq(authTokens.kind, "session"));
    expect(sessions.map((s) => s.lastUsedAt)).toEqual([null]);
  });

  it("refuses a missing, blank, too long or extra name, leaving the database unchanged", async () => {
    const session = await signIn(PARTNER);
    const before = await snapshot(t.db);
    const cases: Array<[unknown, string]> = [
      [{}, "name"],
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: 7 }, "name"],
      [{ name: "ok", scopes: ["all"] }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await t.call("POST", "/v1/me/api-tokens", { token: session, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.issues[0]).toMatchObject({ path, message: expect.any(String) });
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect((await createToken(session, "x".repeat(100))).body.name).toHaveLength(100);
  });

  it("answers 404 for another user's token or a session's id, and revokes neither", async () => {
    const mine = await signIn(PARTNER);
    const theirs = await signIn(OTHER);
    const { body } = await createToken(theirs);
    const [partner] = await t.db.select().from(users).where(eq(users.email, PARTNER));
    const [session] = await t.db
      .select()
      .from(authTokens)
      .where(eq(authTokens.userId, partner?.id ?? ""));

    for (const id of [body.id, session?.id, "no-such-token"]) {
      const res = await t.call("DELETE", `/v1/me/api-tokens/${id}`, { token: mine });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await t.call("GET", "/v1/me/api-tokens", { token: mine })).body).toEqual([]);
    expect((await t.call("GET", "/v1/me", { token: body.token })).status).toBe(200);
    expect((await t.call("GET", "/v1/me", { token: mine })).status).toBe(200);
  });

  it("asks for sign-in on every route", async () => {
    for (const [method, path, body] of [
      ["GET", "/v1/me/api-tokens", undefined],
      ["POST", "/v1/me/api-tokens", { name: "x" }],
      ["DELETE", "/v1/me/api-tokens/any", undefined],
    ] as const) {
      const res = await t.call(method, path, { body });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
  });

  it("is revoked by signing out with it, like a session", async () => {
    const session = await signIn(PARTNER);
    const { body } = await createToken(session);
    expect((await t.call("GET", "/v1/me", { token: body.token })).status).toBe(200);
    expect((await t.call("POST", "/v1/auth/logout", { token: body.token })).status).toBe(204);
    expect((await t.call("GET", "/v1/me", { token: body.token })).status).toBe(401);
    const [row] = await t.db.select().from(authTokens).where(eq(authTokens.id, body.id));
    expect(row?.revokedAt).toEqual(t.clock.now);
    // The session that made it is another token, still signed in.
    expect((await t.call("GET", "/v1/me", { token: session })).status).toBe(200);
  });
});
