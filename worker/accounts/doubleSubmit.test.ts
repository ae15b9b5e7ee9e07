import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { groups, memberships, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { type TestApp, testApp } from "../testing/app";
import { DEMO_PASSWORD, signIn } from "../testing/contracts";

// Submit clicked ten times at once: one request wins, the others are told so in the error
// shape, and nothing secret reaches the log on the way.

const PASSWORD = "kawasaki-2026!";
let t: TestApp;
let logged: string[];
beforeEach(async () => {
  t = await testApp();
  logged = [];
  const capture = (...args: unknown[]) => {
    logged.push(
      args.map((a) => (a instanceof Error ? `${a.stack} ${String(a.cause)}` : String(a))).join(" "),
    );
  };
  vi.spyOn(console, "error").mockImplementation(capture);
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

const tenAtOnce = (send: () => Promise<{ status: number; body: { error?: { code: string } } }>) =>
  Promise.all(Array.from({ length: 10 }, send));

describe("ten identical requests at once", () => {
  it("register one account: one 201, nine 409 email_taken, no hash in the log", async () => {
    const results = await tenAtOnce(() =>
      t.call("POST", "/v1/accounts", {
        body: { email: "twice@acme.test", password: PASSWORD, agreeToTerms: true },
      }),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error?.code).toBe("email_taken");
    }
    expect(await t.db.select().from(users).where(eq(users.email, "twice@acme.test"))).toHaveLength(
      1,
    );
    expect(logged.join("\n")).not.toMatch(/pbkdf2|params/i);
  });

  it("accept one invitation: one 201, the others 409 or 410, one membership", async () => {
    await seedDemo(t.db, DEMO_PASSWORD);
    const owner = await signIn(t, "owner@demo.shimebi.test");
    const [group] = await t.db.select().from(groups).where(eq(groups.name, "開発チーム"));
    await t.call("POST", `/v1/groups/${group?.id}/invitations`, {
      token: owner,
      body: { email: "new@partner.test", role: "partner" },
    });
    const token = await t.tokenFromMail("new@partner.test", "invitation");
    const results = await tenAtOnce(() =>
      t.call("POST", `/v1/invitations/${token}/accept`, {
        body: { email: "new@partner.test", password: PASSWORD, agreeToTerms: true },
      }),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201 && s !== 409 && s !== 410)).toEqual([]);
    const [user] = await t.db.select().from(users).where(eq(users.email, "new@partner.test"));
    expect(
      await t.db
        .select()
        .from(memberships)
        .where(eq(memberships.userId, user?.id ?? "")),
    ).toHaveLength(1);
    expect(logged.join("\n")).not.toMatch(/pbkdf2|params/i);
  });
});
