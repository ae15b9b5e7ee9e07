import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { notifications, outbox, users } from "../db/schema";
import { DEFAULT_CONFIG } from "../deps";
import type { MailTransport, OutgoingMail } from "../platform/mailTransport";
import { testDb } from "../testing/app";
import { BODY_MAX, notify, TITLE_MAX } from "./service";

const NOW = new Date("2026-11-24T01:00:00.000Z");

let db: Db;
let sent: OutgoingMail[];
let userId: string;
const recording: MailTransport = {
  name: "recording",
  async send(mail) {
    sent.push(mail);
  },
};
const deps = (mail: MailTransport = recording) => ({
  db,
  now: () => NOW,
  mail,
  config: { ...DEFAULT_CONFIG, appUrl: "https://app.shimebi.test" },
});

beforeEach(async () => {
  db = await testDb();
  sent = [];
  const [user] = await db
    .insert(users)
    .values({ email: "p@example.test", termsVersion: "2026-11-01", consentedAt: NOW })
    .returning();
  userId = user?.id ?? "";
});

const notice = {
  kind: "order.sent",
  title: { ja: "発注書をご確認ください", en: "Confirm the purchase order" },
  body: { ja: "発注書 7 が届いています", en: "Order 7 is waiting" },
};

describe("notify", () => {
  it("puts the notice in the bell and sends no mail unless asked", async () => {
    const made = await notify(deps(), userId, notice);
    expect(made).toEqual({
      id: expect.any(String),
      kind: "order.sent",
      title: "発注書をご確認ください",
      body: "発注書 7 が届いています",
      link: null,
      createdAt: NOW.toISOString(),
      readAt: null,
    });
    expect(await db.select().from(notifications)).toHaveLength(1);
    expect(await db.select().from(outbox)).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("mails both languages through the outbox, Japanese first, with the link made absolute", async () => {
    await notify(
      deps(),
      userId,
      { ...notice, link: "/v1/orders/7" },
      { mail: { to: "p@example.test" } },
    );
    const expected = {
      to: "p@example.test",
      subject: "[Shimebi] 発注書をご確認ください / Confirm the purchase order",
      text: "発注書 7 が届いています\n\nOrder 7 is waiting\n\nhttps://app.shimebi.test/v1/orders/7",
    };
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject(expected);
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ ...expected, template: "notification.order.sent" });
    expect(row?.sentAt).toEqual(NOW);
  });

  it("keeps the notice when the mail cannot be sent, and records the failure", async () => {
    const failing: MailTransport = {
      name: "failing",
      async send() {
        throw new Error("provider down");
      },
    };
    await notify(deps(failing), userId, notice, { mail: { to: "p@example.test" } });
    expect(await db.select().from(notifications)).toHaveLength(1);
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: "provider down" });
  });

  it("cuts an over-long title to one line and an over-long body, rather than failing", async () => {
    const made = await notify(deps(), userId, {
      ...notice,
      title: { ja: `${"名".repeat(TITLE_MAX)}\nsecond line`, en: "short" },
      body: { ja: "x".repeat(BODY_MAX + 10), en: "short" },
    });
    expect(Array.from(made.title)).toHaveLength(TITLE_MAX);
    expect(made.title.endsWith("…")).toBe(true);
    expect(made.title).not.toContain("\n");
    expect(made.body).toHaveLength(BODY_MAX);
  });

  it("throws on a malformed kind or link, a producer's bug, and writes nothing", async () => {
    await expect(notify(deps(), userId, { ...notice, kind: "Order sent" })).rejects.toThrow(/kind/);
    await expect(notify(deps(), userId, { ...notice, link: "https://evil.test/" })).rejects.toThrow(
      /link/,
    );
    await expect(notify(deps(), userId, { ...notice, link: "//evil.test/" })).rejects.toThrow(
      /link/,
    );
    expect(await db.select().from(notifications)).toEqual([]);
  });
});
