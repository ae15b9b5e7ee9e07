import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { loginThrottle, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { resolveDeps } from "../deps";
import { runScheduledJobs } from "../platform/scheduled";
import { type TestApp, testApp } from "../testing/app";
import { DEMO_PASSWORD } from "../testing/contracts";
import { addressKey, clientKey } from "./loginThrottle";

// Sign-in throttling: counted atomically, per address and client and per address, slowing
// guesses down without locking the owner out, and as slow for an unknown address as a known.

const OWNER = "owner@demo.shimebi.test";
let t: TestApp;

beforeEach(async () => {
  t = await testApp({ config: { clientIpSource: "cf-connecting-ip" } });
  await seedDemo(t.db, DEMO_PASSWORD);
});

function login(email: string, password: string, ip: string) {
  return t.call("POST", "/v1/auth/login", {
    body: { email, password },
    headers: { "cf-connecting-ip": ip, "accept-language": "ja" },
  });
}

const later = (seconds: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
};

async function failuresOf(key: string) {
  const [row] = await t.db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row?.failures ?? 0;
}

describe("POST /v1/auth/login throttling", () => {
  it("checks 5 of 20 parallel wrong passwords and answers the rest 429 with Retry-After", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => login(OWNER, "wrong-password-1", "203.0.113.9")),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.headers.get("retry-after")).toBe("2");
    expect(refused?.body.error.code).toBe("too_many_attempts");
    expect(refused?.body.error.message).toBe(
      `${OWNER} へのサインインの失敗が続いています。2 秒後にもう一度お試しください`,
    );
    expect(await failuresOf(clientKey(OWNER, "203.0.113.9"))).toBe(5);
    // The refused claims never reached the address's own count.
    expect(await failuresOf(addressKey(OWNER))).toBe(5);
  });

  it("lets the owner in from another client at once, and from the attacker's once the wait is over", async () => {
    for (let i = 0; i < 8; i++) await login(OWNER, "wrong-password-1", "203.0.113.9");
    expect((await login(OWNER, DEMO_PASSWORD, "198.51.100.7")).status).toBe(200);

    const slowed = await login(OWNER, DEMO_PASSWORD, "203.0.113.9");
    expect(slowed.status).toBe(429);
    later(Number(slowed.headers.get("retry-after")));
    expect((await login(OWNER, DEMO_PASSWORD, "203.0.113.9")).status).toBe(200);
    expect(await failuresOf(clientKey(OWNER, "203.0.113.9"))).toBe(0);
  });

  it("doubles the wait after each further failure, and starts again after a quiet window", async () => {
    const waits: string[] = [];
    for (let i = 0; i < 13; i++) {
      const res = await login(OWNER, "wrong-password-1", "203.0.113.9");
      if (res.status === 401) continue;
      waits.push(res.headers.get("retry-after") ?? "");
      later(Number(res.headers.get("retry-after")));
    }
    expect(waits).toEqual(["2", "4", "8", "16"]);
    later(16 * 60);
    expect((await login(OWNER, "wrong-password-1", "203.0.113.9")).status).toBe(401);
    expect(await failuresOf(clientKey(OWNER, "203.0.113.9"))).toBe(1);
  });

  it("slows down guesses spread over many clients by at most a minute", async () => {
    for (let i = 0; i < 20; i++) {
      expect((await login(OWNER, "wrong-password-1", `192.0.2.${i}`)).status).toBe(401);
    }
    const owner = await login(OWNER, DEMO_PASSWORD, "198.51.100.7");
    expect(owner.status).toBe(429);
    const wait = Number(owner.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    later(wait);
    expect((await login(OWNER, DEMO_PASSWORD, "198.51.100.7")).status).toBe(200);
  });

  it("answers an unknown address and a passwordless one after the same work as a known one", async () => {
    await t.db
      .update(users)
      .set({ passwordHash: null })
      .where(eq(users.email, "member@demo.shimebi.test"));
    const median = async (email: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const res = await login(email, "wrong-password-1", `192.0.2.${times.length + 100}`);
        times.push(performance.now() - started);
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe("invalid_credentials");
      }
      return times.sort((a, b) => a - b)[2] ?? 0;
    };
    const known = await median(OWNER);
    const unknown = await median("nobody@demo.shimebi.test");
    const passwordless = await median("member@demo.shimebi.test");
    // PBKDF2 at 100,000 iterations dominates each answer; without it an unknown address
    // answered in a tenth of the time.
    expect(unknown).toBeGreaterThan(known * 0.6);
    expect(passwordless).toBeGreaterThan(known * 0.6);
  });

  it("drops keys quiet for a whole window from the scheduled job, keeping live ones", async () => {
    for (let i = 0; i < 6; i++) await login(OWNER, "wrong-password-1", "203.0.113.9");
    later(60);
    await login("member@demo.shimebi.test", "wrong-password-1", "203.0.113.9");
    later(14 * 60); // the owner's keys quiet for 15 minutes, the member's for 14

    const result = await runScheduledJobs(resolveDeps({ db: t.db, now: () => t.clock.now }));
    expect(result.throttleKeysDropped).toBe(2);
    const left = await t.db.select({ key: loginThrottle.key }).from(loginThrottle);
    expect(left.map((r) => r.key).sort()).toEqual([
      addressKey("member@demo.shimebi.test"),
      clientKey("member@demo.shimebi.test", "203.0.113.9"),
    ]);
  });
});
