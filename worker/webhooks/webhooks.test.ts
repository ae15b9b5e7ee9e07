import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { companies, webhookDeliveries } from "../db/schema";
import { seedDemo } from "../db/seed";
import { runScheduledJobs } from "../platform/scheduled";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import { webhookRunSettled } from "./afterResponse";
import { MAX_ATTEMPTS } from "./delivery";

// Issue 15: signed webhooks, received by a real HTTP server on this machine.

type Received = { headers: IncomingMessage["headers"]; body: string };

let t: TestApp;
let server: Server;
let received: Received[];
let answers: number[];
let delayMs: number;
let url: string;

beforeEach(async () => {
  t = await testApp();
  received = [];
  answers = [];
  delayMs = 0;
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      setTimeout(() => {
        res.statusCode = answers.shift() ?? 200;
        res.end(res.statusCode === 200 ? "thanks" : "not now");
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});

afterEach(async () => {
  await webhookRunSettled();
  await new Promise((resolve) => server.close(resolve));
});

async function ownerAndCompany() {
  await seedDemo(t.db, "shimebi-demo");
  const owner = await signIn(t, "owner@demo.shimebi.test");
  const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
  return { owner, companyId: company?.id ?? "" };
}

async function register(owner: string, companyId: string, events: string[]) {
  const res = await t.call("POST", `/v1/companies/${companyId}/webhooks`, {
    token: owner,
    body: { url, events },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string };
}

describe("webhook endpoints", () => {
  it("refuses plain http, private hosts and unknown events, in Japanese on request", async () => {
    const { owner, companyId } = await ownerAndCompany();
    const prod = await testApp({ config: { allowLocalWebhooks: false } });
    await seedDemo(prod.db, "shimebi-demo");
    const prodOwner = await signIn(prod, "owner@demo.shimebi.test");
    const [prodCompany] = await prod.db.select().from(companies).where(eq(companies.name, "Demo"));
    const path = `/v1/companies/${prodCompany?.id}/webhooks`;
    for (const [bad, words] of [
      ["http://example.com/hook", "https:// で始まる"],
      ["https://127.0.0.1/hook", "プライベートネットワーク"],
      ["https://192.168.1.10/hook", "プライベートネットワーク"],
      ["https://localhost:8787/hook", "プライベートネットワーク"],
    ] as const) {
      const res = await prod.call("POST", path, {
        token: prodOwner,
        headers: { "accept-language": "ja" },
        body: { url: bad, events: ["invoice.approved"] },
      });
      expect(res.status, bad).toBe(422);
      expect(res.body.error.issues[0]).toMatchObject({ path: "url" });
      expect(res.body.error.issues[0].message).toContain(words);
    }
    const ok = await prod.call("POST", path, {
      token: prodOwner,
      body: { url: "https://hooks.example.com/shimebi", events: ["invoice.approved"] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.secret).toMatch(/^whsec_/);
    const unknown = await t.call("POST", `/v1/companies/${companyId}/webhooks`, {
      token: owner,
      body: { url, events: ["invoice.paid"] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues[0].path).toBe("events.0");
  });

  it("lists endpoints without secrets, and only to the company owner", async () => {
    const { owner, companyId } = await ownerAndCompany();
    await register(owner, companyId, ["order.sent"]);
    const list = await t.call("GET", `/v1/companies/${companyId}/webhooks`, { token: owner });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain("whsec_");
    const member = await signIn(t, "member@demo.shimebi.test");
    expect(
      (await t.call("GET", `/v1/companies/${companyId}/webhooks`, { token: member })).status,
    ).toBe(403);
  });
});

describe("deliveries", () => {
  it("signs each event so a Standard Webhooks library verifies it, without holding up the request", async () => {
    const { owner, companyId } = await ownerAndCompany();
    const endpoint = await register(owner, companyId, ["order.sent", "order.approved"]);
    delayMs = 1500; // a slow receiver must not slow the partner's approval
    const started = Date.now();
    const setup = await approvedContract(t, { seeded: true });
    const elapsed = Date.now() - started;
    expect(setup.orderId).toBeTruthy();
    await webhookRunSettled();
    await runScheduledJobs({ db: t.db, now: () => t.clock.now, fetch });
    expect(received.map((r) => JSON.parse(r.body).type).sort()).toEqual([
      "order.approved",
      "order.sent",
    ]);
    expect(elapsed).toBeLessThan(3 * delayMs);
    const verifier = new Webhook(endpoint.secret);
    for (const r of received) {
      const headers = {
        "webhook-id": String(r.headers["webhook-id"]),
        "webhook-timestamp": String(r.headers["webhook-timestamp"]),
        "webhook-signature": String(r.headers["webhook-signature"]),
      };
      // The test clock sits in 2025: verify the signature at the delivery's own timestamp.
      const signed = `${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${r.body}`;
      const key = Buffer.from(endpoint.secret.slice("whsec_".length), "base64");
      const expected = `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
      expect(headers["webhook-signature"].split(" ")).toContain(expected);
      const body = JSON.parse(r.body);
      expect(body.data).toMatchObject({ documentType: "purchaseOrder", companyId });
      // Verified by the library too, at the time it was signed.
      const realNow = Date.now;
      Date.now = () => Number(headers["webhook-timestamp"]) * 1000;
      try {
        expect(verifier.verify(r.body, headers)).toMatchObject({ type: body.type });
      } finally {
        Date.now = realNow;
      }
      expect(() =>
        new Webhook(`whsec_${btoa("another secret of 32 bytes......")}`).verify(r.body, headers),
      ).toThrow();
    }
  });

  it("retries a 500 with backoff, keeps every answer, and redelivers by hand with the same id", async () => {
    const { owner, companyId } = await ownerAndCompany();
    const endpoint = await register(owner, companyId, ["order.sent"]);
    answers = [500, 500];
    await approvedContract(t, { seeded: true });
    await webhookRunSettled();
    await runScheduledJobs({ db: t.db, now: () => t.clock.now, fetch });
    expect(received).toHaveLength(1);
    // Not due again until the backoff has passed.
    await runScheduledJobs({ db: t.db, now: () => t.clock.now, fetch });
    expect(received).toHaveLength(1);
    t.clock.now = new Date(t.clock.now.getTime() + 6_000);
    await runScheduledJobs({ db: t.db, now: () => t.clock.now, fetch });
    expect(received).toHaveLength(2);
    t.clock.now = new Date(t.clock.now.getTime() + 6 * 60_000);
    await runScheduledJobs({ db: t.db, now: () => t.clock.now, fetch });
    expect(received).toHaveLength(3);
    const ids = new Set(received.map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1);

    const deliveries = await t.call(
      "GET",
      `/v1/companies/${companyId}/webhooks/${endpoint.id}/deliveries`,
      { token: owner },
    );
    expect(deliveries.status).toBe(200);
    const [delivery] = deliveries.body;
    expect(delivery.status).toBe("succeeded");
    expect(delivery.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([
      500, 500, 200,
    ]);
    expect(delivery.attempts[0].responseBody).toBe("not now");

    const again = await t.call(
      "POST",
      `/v1/companies/${companyId}/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`,
      { token: owner },
    );
    expect(again.status).toBe(202);
    await runScheduledJobs({ db: t.db, now: () => t.clock.now, fetch });
    expect(received).toHaveLength(4);
    expect(received[3]?.headers["webhook-id"]).toBe(received[0]?.headers["webhook-id"]);
  });

  it("gives up after the last attempt and sends nothing to a disabled endpoint", async () => {
    const { owner, companyId } = await ownerAndCompany();
    const endpoint = await register(owner, companyId, ["order.sent"]);
    answers = Array(MAX_ATTEMPTS).fill(503);
    await approvedContract(t, { seeded: true });
    await webhookRunSettled();
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await runScheduledJobs({ db: t.db, now: () => t.clock.now, fetch });
      t.clock.now = new Date(t.clock.now.getTime() + 11 * 3600_000);
    }
    expect(received).toHaveLength(MAX_ATTEMPTS);
    const [row] = await t.db.select().from(webhookDeliveries);
    expect(row?.status).toBe("failed");

    const off = await t.call("DELETE", `/v1/companies/${companyId}/webhooks/${endpoint.id}`, {
      token: owner,
    });
    expect(off.status).toBe(200);
    expect(off.body.disabledAt).not.toBeNull();
    const redo = await t.call(
      "POST",
      `/v1/companies/${companyId}/webhooks/${endpoint.id}/deliveries/${row?.id}/redeliver`,
      { token: owner },
    );
    expect(redo.status).toBe(409);
  });

  it("signs with both secrets for a day after a rotation", async () => {
    const { owner, companyId } = await ownerAndCompany();
    const endpoint = await register(owner, companyId, ["order.sent"]);
    const rotated = await t.call(
      "POST",
      `/v1/companies/${companyId}/webhooks/${endpoint.id}/rotate-secret`,
      { token: owner },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    await approvedContract(t, { seeded: true });
    await webhookRunSettled();
    await runScheduledJobs({ db: t.db, now: () => t.clock.now, fetch });
    const signatures = String(received[0]?.headers["webhook-signature"]).split(" ");
    expect(signatures).toHaveLength(2);
  });
});
