import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import journal from "../migrations/meta/_journal.json" with { type: "json" };
import { devIdToken } from "./dev/googleDevKey";
import { type RunningServer, startNodeServer } from "./testing/server";

// Issue 4's whole path, through HTTP alone, on the server `npm start` runs: seeded demo data,
// mail read from the dev outbox, a Google identity token signed by the dev key.

const DEMO_PASSWORD = "shimebi-demo";
const PARTNER = "new.partner@example.test";
const PASSWORD = "tanaka-2026-pass";

let server: RunningServer;

beforeAll(async () => {
  server = await startNodeServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function http(
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function mailToken(to: string, template: string): Promise<string> {
  const res = await fetch(`${server.base}/dev/outbox`, { headers: { accept: "application/json" } });
  const mails = (await res.json()) as Array<{ to: string; template: string; text: string }>;
  const mail = mails.find((m) => m.to === to && m.template === template);
  const token = /token: (\S+)/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no ${template} mail to ${to}`);
  return token;
}

async function login(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await http("POST", "/v1/auth/login", { body: { email, password } });
  expect(res.status, `login ${email}`).toBe(200);
  return res.body.token;
}

describe("npm start: owner to partner, and isolation", () => {
  it("seeds demo mail that links to this server's PORT", async () => {
    const res = await fetch(`${server.base}/dev/outbox`, {
      headers: { accept: "application/json" },
    });
    const mails = (await res.json()) as Array<{ to: string; text: string }>;
    // The seeded contract's order, sent to the demo partner, is the first mail of the outbox.
    const first = mails.at(-1);
    expect(first?.to).toBe("partner@demo.shimebi.test");
    expect(first?.text).toContain(server.base);
    expect(server.base).not.toContain(":8787");
  });

  it("runs the whole registration path, and another company sees none of it", async () => {
    const owner = await login("owner@demo.shimebi.test");
    const company = await http("POST", "/v1/companies", {
      token: owner,
      body: { name: "Acme 株式会社" },
    });
    expect(company.status).toBe(201);
    const group = await http("POST", `/v1/companies/${company.body.id}/groups`, {
      token: owner,
      body: { name: "開発" },
    });
    expect(group.status).toBe(201);
    const invitation = await http("POST", `/v1/groups/${group.body.id}/invitations`, {
      token: owner,
      body: { email: PARTNER, role: "partner" },
    });
    expect(invitation.status).toBe(201);

    const accepted = await http(
      "POST",
      `/v1/invitations/${await mailToken(PARTNER, "invitation")}/accept`,
      {
        body: { email: PARTNER, password: PASSWORD, agreeToTerms: true },
      },
    );
    expect(accepted.status).toBe(201);
    const verified = await http("POST", "/v1/auth/verify-email", {
      body: { token: await mailToken(PARTNER, "verifyEmail") },
    });
    expect(verified.body.emailVerified).toBe(true);

    const partner = await login(PARTNER, PASSWORD);
    const profile = await http("PUT", "/v1/me/profile", {
      token: partner,
      body: {
        fullName: "田中 美咲",
        partnerKind: "individual",
        registrationNumber: "T7000012050002",
        nonResident: false,
      },
    });
    expect(profile.status).toBe(200);
    expect(profile.body.registrationNumber).toBe("T7000012050002");
    const account = await http("POST", "/v1/me/bank-accounts", {
      token: partner,
      body: {
        kind: "domestic",
        bankCode: "0001",
        branchCode: "001",
        accountType: "ordinary",
        accountNumber: "1234567",
        holderName: "タナカ ミサキ",
      },
    });
    expect(account.status).toBe(201);
    expect(account.body).toMatchObject({ bankName: "みずほ", holderName: "ﾀﾅｶ ﾐｻｷ" });

    // The add-on's way in: a Google identity token for the same address.
    const google = await devIdToken(PARTNER);
    const me = await http("GET", "/v1/me", { token: google });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: PARTNER,
      fullName: "田中 美咲",
      partnerKind: "individual",
      memberships: [{ companyName: "Acme 株式会社", groupName: "開発", role: "partner" }],
    });
    const accounts = await http("GET", "/v1/me/bank-accounts", { token: google });
    expect(accounts.body).toHaveLength(1);

    // Another company's owner: nothing of Acme is there for them.
    const outsider = await login("owner@other.shimebi.test");
    const attempts = [
      ["GET", `/v1/companies/${company.body.id}`],
      ["GET", `/v1/companies/${company.body.id}/groups`],
      ["POST", `/v1/companies/${company.body.id}/groups`, { name: "x" }],
      ["GET", `/v1/groups/${group.body.id}/members`],
      ["GET", `/v1/groups/${group.body.id}/invitations`],
      [
        "POST",
        `/v1/groups/${group.body.id}/invitations`,
        { email: "x@example.test", role: "partner" },
      ],
      ["POST", `/v1/groups/${group.body.id}/invitations/${invitation.body.id}/revoke`],
      ["DELETE", `/v1/me/bank-accounts/${account.body.id}`],
    ] as const;
    for (const [method, path, body] of attempts) {
      const res = await http(method, path, { token: outsider, body });
      expect([403, 404], `${method} ${path}`).toContain(res.status);
    }
    const outsiderCompanies = await http("GET", "/v1/companies", { token: outsider });
    expect(outsiderCompanies.body.map((c: { name: string }) => c.name)).toEqual(["Other"]);
  });

  it("keeps every row across a restart, and applies migrations once", async () => {
    const before = await http("GET", "/v1/companies", {
      token: await login("owner@demo.shimebi.test"),
    });
    await server.stop();
    server = await startNodeServer({ databaseUrl: server.databaseUrl });
    const after = await http("GET", "/v1/companies", {
      token: await login("owner@demo.shimebi.test"),
    });
    expect(after.body).toEqual(before.body);
    expect((await login(PARTNER, PASSWORD)).length).toBeGreaterThan(20);
    const db = createClient({ url: server.databaseUrl });
    const applied = await db.execute("select count(*) as n from __drizzle_migrations");
    db.close();
    expect(Number(applied.rows[0]?.n)).toBe(journal.entries.length);
  }, 60_000);
});
