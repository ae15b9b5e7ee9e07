import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "./accounts/sessions";
import { type Role, type Rule, ruleFor } from "./authorization";
import { companies, groups, memberships, users, webhookDeliveries } from "./db/schema";
import { seedDemo } from "./db/seed";
import { type TestApp, testApp } from "./testing/app";
import { PNG_1X1 } from "./testing/files";

// Every route the app serves, called by every kind of caller: anonymous, each role of the demo
// company, and people of another company. The expected outcome comes from the route's row in
// authorization.ts, so a rule that is not enforced, or enforced wrongly, fails here.

type Caller = { name: string; email?: string; roles: Role[]; company: "demo" | "other" | null };

const CALLERS: Caller[] = [
  { name: "anonymous", roles: [], company: null },
  {
    name: "company owner",
    email: "owner@demo.shimebi.test",
    roles: ["companyOwner"],
    company: "demo",
  },
  {
    name: "group owner",
    email: "groupowner@demo.shimebi.test",
    roles: ["groupOwner"],
    company: "demo",
  },
  { name: "member", email: "member@demo.shimebi.test", roles: ["member"], company: "demo" },
  { name: "partner", email: "partner@demo.shimebi.test", roles: ["partner"], company: "demo" },
  {
    name: "other company's owner",
    email: "owner@other.shimebi.test",
    roles: ["companyOwner"],
    company: "other",
  },
  {
    name: "other company's partner",
    email: "partner@other.shimebi.test",
    roles: ["partner"],
    company: "other",
  },
];

const SKIP = new Set([
  "GET /openapi.json",
  "GET /docs",
  "GET /dev/outbox",
  "GET /register",
  "GET /verify-email",
]);

let t: TestApp;
let params: Record<string, string>;
const userIds = new Map<string, string>();

beforeAll(async () => {
  // Every answer is also held to the schema its route declares (http/responseCheck.ts).
  t = await testApp({ config: { checkResponses: true } });
  await seedDemo(t.db, "shimebi-demo");
  const [demo] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
  const [group] = await t.db
    .select()
    .from(groups)
    .where(eq(groups.companyId, demo?.id ?? ""));
  for (const caller of CALLERS) {
    if (!caller.email) continue;
    const [user] = await t.db.select().from(users).where(eq(users.email, caller.email));
    userIds.set(caller.email, user?.id ?? "");
  }
  const [owner] = await t.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.companyId, demo?.id ?? ""), isNull(memberships.groupId)));
  let ownerToken = (
    await issueToken({ db: t.db, now: () => t.clock.now }, owner?.userId ?? "", "session")
  ).token;
  const invitation = await t.call("POST", `/v1/groups/${group?.id}/invitations`, {
    token: ownerToken,
    body: { email: "invitee@example.test", role: "partner" },
  });
  const [partner] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, "partner@demo.shimebi.test"));
  t.clock.now = new Date("2025-07-20T01:00:00Z");
  const contract = await t.call("POST", `/v1/groups/${group?.id}/contracts`, {
    token: ownerToken,
    body: {
      title: "開発支援",
      partnerUserId: partner?.id,
      contractType: "quasiMandate",
      scope: "開発",
      startDate: "2025-08-01",
      endDate: "2025-12-31",
      closingDay: 31,
      paymentTerms: { monthsAfter: 1, day: 31 },
      conditions: { costCategories: [{ id: "dev", type: "hourly", unitPrice: 5000 }] },
    },
  });
  const order = await t.call("POST", `/v1/contracts/${contract.body.id}/orders`, {
    token: ownerToken,
    body: {},
  });
  // An endpoint that wants the order's sending, so the send below leaves a delivery on record.
  const webhook = await t.call("POST", `/v1/companies/${demo?.id}/webhooks`, {
    token: ownerToken,
    body: { url: "http://127.0.0.1:9/hooks", events: ["order.sent"] },
  });
  // Sent, so that the partner may see it, and approved, so that work can be recorded.
  await t.call("POST", `/v1/orders/${order.body.id}/send`, { token: ownerToken });
  const [delivery] = await t.db.select().from(webhookDeliveries);
  let partnerToken = (
    await issueToken({ db: t.db, now: () => t.clock.now }, partner?.id ?? "", "session")
  ).token;
  const fixtures = [
    await t.call("POST", `/v1/orders/${order.body.id}/approve`, { token: partnerToken, body: {} }),
  ];
  const entry = await t.call("POST", `/v1/contracts/${contract.body.id}/entries`, {
    token: partnerToken,
    body: { date: "2025-08-04", costCategoryId: "dev", start: "0900", end: "1000" },
  });
  const invoice = await t.call("PUT", `/v1/contracts/${contract.body.id}/months/2025-08/invoice`, {
    token: partnerToken,
    body: {},
  });
  const form = new FormData();
  form.append("file", new Blob([PNG_1X1], { type: "image/png" }), "report.png");
  form.append("purpose", "report");
  const upload = await t.app.request(`/v1/invoices/${invoice.body.id}/attachments`, {
    method: "POST",
    headers: { authorization: `Bearer ${partnerToken}` },
    body: form,
  });
  const attachment = (await upload.json()) as { id: string };
  // Submitted, so that the company may see it (a draft is the partner's alone), once its
  // month has closed (2025-08-31 in Japan), with sessions of that day.
  t.clock.now = new Date("2025-08-31T03:00:00Z");
  ownerToken = (
    await issueToken({ db: t.db, now: () => t.clock.now }, owner?.userId ?? "", "session")
  ).token;
  partnerToken = (
    await issueToken({ db: t.db, now: () => t.clock.now }, partner?.id ?? "", "session")
  ).token;
  fixtures.push(
    entry,
    invoice,
    await t.call("POST", `/v1/invoices/${invoice.body.id}/submit`, {
      token: partnerToken,
      body: { confirmMonth: "2025-08" },
    }),
  );
  fixtures.push(webhook);
  // Approved and gathered into a payment run, so that the payment routes have one to act on.
  fixtures.push(
    await t.call("POST", `/v1/invoices/${invoice.body.id}/approve`, {
      token: ownerToken,
      body: {},
    }),
  );
  // A route for payment notices, which no fixture sends, so the routes above stay one-step.
  const approvalRoute = await t.call("POST", `/v1/groups/${group?.id}/approval-routes`, {
    token: ownerToken,
    body: {
      documentType: "paymentNotice",
      name: "支払通知の承認",
      steps: [{ name: "確認", roles: ["groupOwner"] }],
    },
  });
  fixtures.push(approvalRoute);
  const run = await t.call("POST", `/v1/companies/${demo?.id}/payment-runs`, {
    token: ownerToken,
    body: { paymentDate: "2025-09-30" },
  });
  fixtures.push(run);
  for (const fixture of fixtures)
    expect(fixture.status, JSON.stringify(fixture.body)).toBeLessThan(300);
  expect(upload.status).toBe(201);
  params = {
    entryId: entry.body.id,
    invoiceId: invoice.body.id,
    attachmentId: attachment.id,
    month: "2025-08",
    contractId: contract.body.id,
    orderId: order.body.id,
    companyId: demo?.id ?? "",
    groupId: group?.id ?? "",
    invitationId: invitation.body.id,
    token: "no-such-invitation",
    bankCode: "0001",
    bankAccountId: crypto.randomUUID(),
    tokenId: crypto.randomUUID(),
    notificationId: crypto.randomUUID(),
    webhookId: webhook.body.id,
    deliveryId: delivery?.id ?? "",
    runId: run.body.id,
    routeId: approvalRoute.body.id,
    itemId: run.body.items?.[0]?.id ?? "missing",
    year: "2025",
  };
});

/** The statuses a caller may see from a route under its rule. */
function expectation(rule: Rule, caller: Caller): { allowed: boolean; status?: number } {
  if (rule.access === "public") return { allowed: true };
  if (!caller.email) return { allowed: false, status: 401 };
  if (rule.access === "user") return { allowed: true };
  if (caller.company !== "demo") return { allowed: false, status: 404 };
  const permitted = caller.roles.some((role) => rule.roles.includes(role));
  return permitted ? { allowed: true } : { allowed: false, status: 403 };
}

describe("authorization matrix", () => {
  it("gives every caller of every route the outcome its rule says", async () => {
    const routes = [
      ...new Set(
        t.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`),
      ),
    ];
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const [method = "", path = ""] = route.split(" ");
      const key = `${method} ${path.replace(/:(\w+)/g, "{$1}")}`;
      if (SKIP.has(key)) continue;
      const rule = ruleFor(key);
      if (!rule) {
        failures.push(`${key}: no rule`);
        continue;
      }
      const concrete = path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "missing");
      for (const caller of CALLERS) {
        const token = caller.email
          ? (
              await issueToken(
                { db: t.db, now: () => t.clock.now },
                userIds.get(caller.email) ?? "",
                "session",
              )
            ).token
          : undefined;
        const body = method === "GET" || method === "DELETE" ? undefined : {};
        const res = await t.call(method, concrete, { token, body });
        const expected = expectation(rule, caller);
        checked++;
        const ok = expected.allowed
          ? res.status < 500 &&
            ![401, 403].includes(res.status) &&
            (rule.access === "public" || rule.access === "user" || res.status !== 404)
          : res.status === expected.status;
        if (!ok) {
          failures.push(
            `${key} as ${caller.name}: ${res.status}, expected ${expected.status ?? "allowed"}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(CALLERS.length * 10);
    // Hundreds of requests: well under this alone, but not on a busy two-core machine.
  }, 180_000);
});

describe("bad bodies", () => {
  it("never answer 500 on any route, whoever sends them", async () => {
    const routes = [
      ...new Set(
        t.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`),
      ),
    ];
    const bodies = [
      "[]",
      "null",
      '"text"',
      "12",
      '{"unexpected":true}',
      '{"reason":5,"rows":{}}',
      "{",
    ];
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const [method = "", path = ""] = route.split(" ");
      if (method === "GET" || SKIP.has(`${method} ${path.replace(/:(\w+)/g, "{$1}")}`)) continue;
      const concrete = path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "missing");
      for (const email of ["owner@demo.shimebi.test", "partner@demo.shimebi.test"]) {
        const token = (
          await issueToken(
            { db: t.db, now: () => t.clock.now },
            userIds.get(email) ?? "",
            "session",
          )
        ).token;
        for (const body of bodies) {
          const res = await t.app.request(concrete, {
            method,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body,
          });
          sent++;
          if (res.status >= 500)
            failures.push(`${method} ${path} ${body} as ${email}: ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(300);
  }, 180_000);
});
