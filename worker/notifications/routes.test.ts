import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { groups, notifications, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { DEFAULT_CONFIG } from "../deps";
import { outboxOnlyTransport } from "../platform/mailTransport";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { notify } from "./service";

const PASSWORD = "shimebi-demo";
const OWNER = "owner@demo.shimebi.test";
const PARTNER = "partner@demo.shimebi.test";

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

async function userId(email: string): Promise<string> {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return user?.id ?? "";
}

/** Three notices a second apart, as a later issue's producer would send them. */
async function threeNotices(email: string) {
  const deps = {
    db: t.db,
    now: () => t.clock.now,
    mail: outboxOnlyTransport,
    config: DEFAULT_CONFIG,
  };
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const notice = await notify(deps, await userId(email), {
      kind: "order.sent",
      title: { ja: `発注書 ${n} が届きました`, en: `Order ${n} sent` },
      body: { ja: `発注書 ${n} をご確認ください`, en: `Confirm order ${n}` },
      link: `/v1/orders/${n}`,
    });
    ids.push(notice.id);
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
  }
  return ids;
}

describe("the bell", () => {
  it("tells the inviter when the invitee registers", async () => {
    const owner = await signIn(OWNER);
    const [group] = await t.db.select().from(groups).where(eq(groups.name, "開発チーム"));
    const invited = await t.call("POST", `/v1/groups/${group?.id}/invitations`, {
      token: owner,
      body: { email: "newcomer@example.test", role: "partner" },
    });
    expect(invited.status).toBe(201);
    expect((await t.call("GET", "/v1/me/notifications", { token: owner })).body).toEqual({
      unreadCount: 0,
      items: [],
    });

    const invitation = await t.tokenFromMail("newcomer@example.test", "invitation");
    const accepted = await t.call("POST", `/v1/invitations/${invitation}/accept`, {
      body: { email: "newcomer@example.test", password: "kawasaki-2026!", agreeToTerms: true },
    });
    expect(accepted.status).toBe(201);

    const bell = await t.call("GET", "/v1/me/notifications", { token: owner });
    expect(bell.status).toBe(200);
    const ja = await t.call("GET", "/v1/me/notifications", {
      token: owner,
      headers: { "accept-language": "ja" },
    });
    expect(ja.body.items[0]).toMatchObject({
      title: "newcomer@example.test さんが「開発チーム」に参加しました",
      body: "newcomer@example.test さんが招待を承諾し、Demo のグループ「開発チーム」に参加しました。",
    });
    expect(bell.body).toEqual({
      unreadCount: 1,
      items: [
        {
          id: expect.any(String),
          kind: "invitation.accepted",
          title: "newcomer@example.test joined 開発チーム",
          body: expect.stringContaining('joined "開発チーム" (Demo) as partner'),
          link: `/v1/groups/${group?.id}/members`,
          createdAt: t.clock.now.toISOString(),
          readAt: null,
        },
      ],
    });
    // Only the inviter hears of it.
    const others = await t.db.select().from(notifications);
    expect(others.map((n) => n.userId)).toEqual([await userId(OWNER)]);
  });

  it("lists newest first, filters unread, limits, marks read once, and reads all", async () => {
    const partner = await signIn(PARTNER);
    const [first, second, third] = await threeNotices(PARTNER);

    const all = await t.call("GET", "/v1/me/notifications", { token: partner });
    expect(all.body.unreadCount).toBe(3);
    expect(all.body.items.map((n: { id: string }) => n.id)).toEqual([third, second, first]);
    const limited = await t.call("GET", "/v1/me/notifications?limit=2", { token: partner });
    expect(limited.body.items.map((n: { id: string }) => n.id)).toEqual([third, second]);
    expect(limited.body.unreadCount).toBe(3);

    const readAt = t.clock.now.toISOString();
    const read = await t.call("POST", `/v1/me/notifications/${second}/read`, { token: partner });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: second, title: "Order 2 sent", readAt });
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const again = await t.call("POST", `/v1/me/notifications/${second}/read`, { token: partner });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(readAt);

    const unread = await t.call("GET", "/v1/me/notifications?unread=true", { token: partner });
    expect(unread.body.unreadCount).toBe(2);
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual([third, first]);
    const both = await t.call("GET", "/v1/me/notifications?unread=false", { token: partner });
    expect(both.body.items).toHaveLength(3);

    const all1 = await t.call("POST", "/v1/me/notifications/read-all", { token: partner });
    expect(all1.status).toBe(200);
    expect(all1.body).toEqual({ unreadCount: 0, marked: 2 });
    const all2 = await t.call("POST", "/v1/me/notifications/read-all", { token: partner });
    expect(all2.body).toEqual({ unreadCount: 0, marked: 0 });
    const after = await t.call("GET", "/v1/me/notifications", { token: partner });
    expect(after.body.unreadCount).toBe(0);
    expect(after.body.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect(
      (await t.call("GET", "/v1/me/notifications?unread=true", { token: partner })).body,
    ).toEqual({ unreadCount: 0, items: [] });
  });

  it("keeps each user's bell to themselves", async () => {
    const [notice] = await threeNotices(PARTNER);
    const owner = await signIn(OWNER);
    expect((await t.call("GET", "/v1/me/notifications", { token: owner })).body.unreadCount).toBe(
      0,
    );
    for (const id of [notice, "no-such-notification"]) {
      const res = await t.call("POST", `/v1/me/notifications/${id}/read`, { token: owner });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await t.call("POST", "/v1/me/notifications/read-all", { token: owner })).body).toEqual({
      unreadCount: 0,
      marked: 0,
    });
    const stored = await t.db.select().from(notifications);
    expect(stored.every((n) => n.readAt === null)).toBe(true);
  });

  it("refuses a bad unread or limit with 422 naming the parameter", async () => {
    const partner = await signIn(PARTNER);
    const before = await snapshot(t.db);
    for (const [query, path] of [
      ["unread=yes", "unread"],
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["limit=2.5", "limit"],
    ]) {
      const res = await t.call("GET", `/v1/me/notifications?${query}`, { token: partner });
      expect(res.status, query).toBe(422);
      expect(res.body.error.issues[0]).toMatchObject({ path, message: expect.any(String) });
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("asks for sign-in on every route", async () => {
    for (const [method, path] of [
      ["GET", "/v1/me/notifications"],
      ["POST", "/v1/me/notifications/any/read"],
      ["POST", "/v1/me/notifications/read-all"],
    ] as const) {
      const res = await t.call(method, path);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
  });
});
