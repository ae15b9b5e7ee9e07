import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { groups, memberships, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { type TestApp, testApp } from "../testing/app";
import { DEMO_PASSWORD, signIn } from "../testing/contracts";

// Pre-registration takeover: someone registers another person's address with a password
// they know and waits for the real owner to prove the address some other way.

const VICTIM = "victim@corp.test";
const ATTACKER_PASSWORD = "attacker-knows-this-1";

let t: TestApp;
let invitationToken: string;
beforeEach(async () => {
  t = await testApp();
  await seedDemo(t.db, DEMO_PASSWORD);
  const squat = await t.call("POST", "/v1/accounts", {
    body: { email: VICTIM, password: ATTACKER_PASSWORD, agreeToTerms: true },
  });
  expect(squat.status).toBe(201);
  const owner = await signIn(t, "owner@demo.shimebi.test");
  const [group] = await t.db.select().from(groups).where(eq(groups.name, "開発チーム"));
  const invited = await t.call("POST", `/v1/groups/${group?.id}/invitations`, {
    token: owner,
    body: { email: VICTIM, role: "partner" },
  });
  expect(invited.status).toBe(201);
  invitationToken = await t.tokenFromMail(VICTIM, "invitation");
});

const attackerSignIn = () =>
  t.call("POST", "/v1/auth/login", { body: { email: VICTIM, password: ATTACKER_PASSWORD } });

describe("an address registered by someone who never proved it", () => {
  it("loses its password when the owner signs in with Google, so the squatter cannot follow", async () => {
    const google = await t.call("POST", "/v1/auth/google", {
      body: { idToken: await t.google.idToken(VICTIM) },
    });
    expect(google.status).toBe(200);
    expect(google.body.user.signInMethods).toEqual(["google"]);
    const accepted = await t.call("POST", `/v1/invitations/${invitationToken}/accept`, {
      token: google.body.token,
      body: { email: VICTIM, agreeToTerms: true },
    });
    expect(accepted.status).toBe(201);

    const attacker = await attackerSignIn();
    expect(attacker.status).toBe(401);
    const [victim] = await t.db.select().from(users).where(eq(users.email, VICTIM));
    expect(victim?.passwordHash).toBeNull();
  });

  it("loses its password when the owner's Google token is used directly as a bearer", async () => {
    const idToken = await t.google.idToken(VICTIM);
    const me = await t.call("GET", "/v1/me", { token: idToken });
    expect(me.status).toBe(200);
    expect(me.body.signInMethods).toEqual(["google"]);
    const accepted = await t.call("POST", `/v1/invitations/${invitationToken}/accept`, {
      token: (await t.call("POST", "/v1/auth/google", { body: { idToken } })).body.token,
      body: { email: VICTIM, agreeToTerms: true },
    });
    expect(accepted.status).toBe(201);
    expect((await attackerSignIn()).status).toBe(401);
  });

  it("is taken over by the invitee, who registers with their own password", async () => {
    const accepted = await t.call("POST", `/v1/invitations/${invitationToken}/accept`, {
      body: { email: VICTIM, password: "the-real-owner-2026", agreeToTerms: true },
    });
    expect(accepted.status).toBe(201);
    const verifyToken = await t.tokenFromMail(VICTIM, "verifyEmail");
    expect(
      (await t.call("POST", "/v1/auth/verify-email", { body: { token: verifyToken } })).status,
    ).toBe(200);

    expect((await attackerSignIn()).status).toBe(401);
    const owner = await t.call("POST", "/v1/auth/login", {
      body: { email: VICTIM, password: "the-real-owner-2026" },
    });
    expect(owner.status).toBe(200);
    const [victim] = await t.db.select().from(users).where(eq(users.email, VICTIM));
    const held = await t.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, victim?.id ?? ""));
    expect(held.map((m) => m.role)).toEqual(["partner"]);
  });
});
