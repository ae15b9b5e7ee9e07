import { beforeEach, describe, expect, it } from "vitest";
import { invoices } from "../db/schema";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import type { InvoiceInputs } from "./rules";

// The invoice lists: what each caller sees, pages, and a constant number of queries whatever
// the number of invoices (no N+1).

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

/** Invoices straight into the table: one per (fake) month, submitted, numbered. */
async function seedInvoices(count: number, from = 0) {
  await t.db.insert(invoices).values(
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      return {
        companyId: ctx.companyId,
        contractId: ctx.contractId,
        partnerUserId: ctx.partnerUserId,
        workingMonth: `${2030 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`,
        kind: "invoice" as const,
        number: `INV-${String(n + 1).padStart(6, "0")}`,
        issuerId: ctx.partnerUserId,
        status: n % 2 === 0 ? ("underReview" as const) : ("approved" as const),
        inputs: {} as InvoiceInputs,
        total: 1000 * (n + 1),
        createdAt: new Date(Date.UTC(2025, 0, 1) + n * 1000),
      };
    }),
  );
}

/** Counts the statements the app sends to libSQL while `run` runs. */
async function countQueries(run: () => Promise<unknown>) {
  const client = t.db.$client;
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  let n = 0;
  client.execute = ((...args: Parameters<typeof execute>) => {
    n++;
    return execute(...args);
  }) as typeof client.execute;
  client.batch = ((...args: Parameters<typeof batch>) => {
    n++;
    return batch(...args);
  }) as typeof client.batch;
  try {
    await run();
  } finally {
    client.execute = execute;
    client.batch = batch;
  }
  return n;
}

beforeEach(async () => {
  t = await testApp();
  ctx = await approvedContract(t);
});

describe("GET /v1/companies/{companyId}/invoices", () => {
  it("makes the same number of queries for 1 invoice as for 30", async () => {
    const path = `/v1/companies/${ctx.companyId}/invoices?limit=200`;
    await seedInvoices(1);
    let one = 0;
    const few = await countQueries(async () => {
      const res = await t.call("GET", path, { token: ctx.owner });
      one = res.body.items.length;
    });
    await seedInvoices(29, 1);
    let thirty = 0;
    const many = await countQueries(async () => {
      const res = await t.call("GET", path, { token: ctx.owner });
      thirty = res.body.items.length;
    });
    expect([one, thirty]).toEqual([1, 30]);
    expect(many).toBe(few);
    expect(few).toBeGreaterThan(0);
  });

  it("lists contract title, partner, month, status, number and total, newest first, in pages", async () => {
    await seedInvoices(5);
    const first = await t.call("GET", `/v1/companies/${ctx.companyId}/invoices?limit=2`, {
      token: ctx.owner,
    });
    expect(first.status).toBe(200);
    expect(first.body.items[0]).toMatchObject({
      contractTitle: "SES 開発支援",
      partnerName: "田中 美咲",
      month: "2030-05",
      status: "underReview",
      number: "INV-000005",
      total: 5000,
    });
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await t.call(
        "GET",
        `/v1/companies/${ctx.companyId}/invoices?limit=2&cursor=${encodeURIComponent(cursor)}`,
        { token: ctx.owner },
      );
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(seen.map((i) => i.number)).toEqual([
      "INV-000005",
      "INV-000004",
      "INV-000003",
      "INV-000002",
      "INV-000001",
    ]);
    const approved = await t.call(
      "GET",
      `/v1/companies/${ctx.companyId}/invoices?status=approved&month=2030-02`,
      { token: ctx.owner },
    );
    expect(approved.body.items.map((i: { number: string }) => i.number)).toEqual(["INV-000002"]);
    const tooMany = await t.call("GET", `/v1/companies/${ctx.companyId}/invoices?limit=201`, {
      token: ctx.owner,
    });
    expect(tooMany.status).toBe(422);
    const badCursor = await t.call("GET", `/v1/companies/${ctx.companyId}/invoices?cursor=zzz`, {
      token: ctx.owner,
    });
    expect(badCursor.status).toBe(422);
  });

  it("shows a group member their groups' invoices, never drafts, and nothing to the partner", async () => {
    await seedInvoices(2);
    await t.db.insert(invoices).values({
      companyId: ctx.companyId,
      contractId: ctx.contractId,
      partnerUserId: ctx.partnerUserId,
      workingMonth: "2025-08",
      kind: "invoice",
      issuerId: ctx.partnerUserId,
      status: "draft",
      inputs: {} as InvoiceInputs,
    });
    const member = await signIn(t, "member@demo.shimebi.test");
    const res = await t.call("GET", `/v1/companies/${ctx.companyId}/invoices`, { token: member });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    const partner = await t.call("GET", `/v1/companies/${ctx.companyId}/invoices`, {
      token: ctx.partner,
    });
    expect(partner.status).toBe(403);
    const other = await signIn(t, "owner@other.shimebi.test");
    expect(
      (await t.call("GET", `/v1/companies/${ctx.companyId}/invoices`, { token: other })).status,
    ).toBe(404);

    const mine = await t.call("GET", "/v1/me/invoices", { token: ctx.partner });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(3);
    expect(mine.body.items[0]).toMatchObject({ companyName: "Demo", status: "draft" });
    const otherMine = await t.call("GET", "/v1/me/invoices", { token: other });
    expect(otherMine.body.items).toEqual([]);
  });
});
