import canonicalize from "canonicalize";
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { companies, historyEvents } from "../db/schema";
import { seedDemo } from "../db/seed";
import { sha256Hex } from "../platform/crypto";
import { GENESIS_HASH } from "../platform/history";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, DEMO_PASSWORD } from "../testing/contracts";
import { startNodeServer } from "../testing/server";

// The keyed history chain against someone who can write the database but does not hold
// HISTORY_KEY: a row added with a correct plain SHA-256, rows cut from the end, and rows
// rewritten with their hashes recomputed are all reported; rows written before the chain was
// keyed stay valid, anchored by the first keyed row after them.

type Row = typeof historyEvents.$inferSelect;
let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

/** What an attacker without the key can compute: the unkeyed SHA-256 of a row's fields. */
async function plainHash(row: Omit<Row, "seq" | "hash" | "hashAlgorithm">) {
  const { companyId, documentType, documentId, documentNumber, event, actorUserId } = row;
  const { actorName, occurredAt, transactionDate, amount, counterparty, contentHash } = row;
  const fields = { companyId, documentType, documentId, documentNumber, event, actorUserId };
  const more = { actorName, occurredAt, transactionDate, amount, counterparty, contentHash };
  return sha256Hex(
    canonicalize({ ...fields, ...more, details: row.details, prevHash: row.prevHash }) ?? "",
  );
}

async function rows(): Promise<Row[]> {
  return t.db
    .select()
    .from(historyEvents)
    .where(eq(historyEvents.companyId, ctx.companyId))
    .orderBy(asc(historyEvents.seq));
}

/** Direct database access, past the append-only triggers. */
async function asDatabaseWriter() {
  await t.db.$client.execute("drop trigger if exists history_events_no_update");
  await t.db.$client.execute("drop trigger if exists history_events_no_delete");
}

const base = () => `/v1/companies/${ctx.companyId}/history`;
const verify = async (receipt?: Record<string, string | number>) => {
  const query = receipt ? `?${new URLSearchParams(receipt as Record<string, string>)}` : "";
  return t.call("GET", `${base()}/verify${query}`, { token: ctx.owner });
};

beforeEach(async () => {
  t = await testApp();
  ctx = await approvedContract(t);
});

describe("the keyed history chain", () => {
  it("keys every new row, so its hash is not the plain SHA-256 of its fields", async () => {
    const written = await rows();
    expect(written.map((r) => r.event)).toEqual(["sent", "approved"]);
    for (const row of written) {
      expect(row.hashAlgorithm).toBe("hmac-sha256");
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.hash).not.toBe(await plainHash(row));
    }
    const res = await verify();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, events: 2, breaks: [], receipt: null });
  });

  it("reports a row inserted with a correct plain SHA-256", async () => {
    const [, last] = await rows();
    if (!last) throw new Error("no history");
    const { seq: _seq, hash: _hash, ...fields } = last;
    const forged = { ...fields, event: "returned", amount: 1, prevHash: last.hash };
    await t.db.insert(historyEvents).values({
      ...forged,
      hashAlgorithm: "sha256",
      hash: await plainHash(forged),
    });
    // Labelled as keyed, the same plain hash does not hold either.
    const again = { ...forged, event: "resent", prevHash: await plainHash(forged) };
    await t.db.insert(historyEvents).values({
      ...again,
      hashAlgorithm: "hmac-sha256",
      hash: await plainHash(again),
    });
    const res = await verify();
    expect(res.body.valid).toBe(false);
    expect(
      res.body.breaks.map((b: { event: string; reason: string }) => [b.event, b.reason]),
    ).toEqual([
      [
        "returned",
        "has an unkeyed SHA-256 after the chain was keyed: it was written outside the application",
      ],
      ["resent", "its content does not match its hash: the row was changed"],
    ]);
    expect((await t.call("GET", `${base()}/head`, { token: ctx.owner })).status).toBe(409);
  });

  it("reports the newest rows cut off, against the receipt the company kept", async () => {
    const head = await t.call("GET", `${base()}/head`, { token: ctx.owner });
    expect(head.status).toBe(200);
    const [, last] = await rows();
    expect(head.body).toMatchObject({ sequence: last?.seq, events: 2, hash: last?.hash });
    expect(head.body.signature).toMatch(/^[0-9a-f]{64}$/);
    expect((await verify(head.body)).body).toMatchObject({
      valid: true,
      receipt: { matches: true },
    });

    await asDatabaseWriter();
    await t.db.delete(historyEvents).where(eq(historyEvents.seq, last?.seq ?? 0));
    // The chain that is left holds by itself: only the receipt shows what is missing.
    expect((await verify()).body.valid).toBe(true);
    const res = await verify(head.body);
    expect(res.body.valid).toBe(false);
    expect(res.body.receipt).toEqual({
      sequence: last?.seq,
      matches: false,
      reason: `the chain has no row ${last?.seq}, the head of the receipt: rows were removed from its end`,
    });
  });

  it("reports a row changed and every later hash recomputed without the key", async () => {
    const head = (await t.call("GET", `${base()}/head`, { token: ctx.owner })).body;
    await asDatabaseWriter();
    // Recomputed as keyed rows (a guessed key is no key)...
    let prevHash = GENESIS_HASH;
    for (const row of await rows()) {
      const changed = { ...row, amount: row.amount - 100_000, prevHash };
      const hash = await plainHash(changed);
      await t.db
        .update(historyEvents)
        .set({ amount: changed.amount, prevHash, hash })
        .where(eq(historyEvents.seq, row.seq));
      prevHash = hash;
    }
    const keyed = await verify();
    expect(keyed.body.valid).toBe(false);
    expect(keyed.body.breaks).toHaveLength(2);
    // ...or relabelled as rows from before the chain was keyed: the chain then holds by
    // itself, and the receipt shows it was rewritten.
    await t.db
      .update(historyEvents)
      .set({ hashAlgorithm: "sha256" })
      .where(eq(historyEvents.companyId, ctx.companyId));
    expect((await verify()).body.valid).toBe(true);
    const res = await verify(head);
    expect(res.body.valid).toBe(false);
    expect(res.body.receipt.reason).toBe(
      `row ${head.sequence} has another hash than the receipt's: the chain was rewritten up to it`,
    );
  });

  it("refuses a receipt it did not sign, naming the field", async () => {
    const head = (await t.call("GET", `${base()}/head`, { token: ctx.owner })).body;
    const res = await t.call(
      "GET",
      `${base()}/verify?${new URLSearchParams({ ...head, events: "1" })}`,
      {
        token: ctx.owner,
        headers: { "accept-language": "ja" },
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("invalid_receipt");
    expect(res.body.error.issues[0].path).toBe("signature");
    expect(res.body.error.message).toMatch(/^受領書の署名が一致しません/);
  });

  it("answers 503 on a server without HISTORY_KEY, writing nothing unkeyed", async () => {
    const keyless = await testApp({ config: { historyKey: undefined } });
    await seedDemo(keyless.db, DEMO_PASSWORD);
    const failed = await approvedContract(keyless, { seeded: true }).catch((e: unknown) => e);
    expect(String(failed)).toMatch(/expected 503 to be 200/);
    expect(await keyless.db.select().from(historyEvents)).toEqual([]);
  });
});

describe("npm start in production", () => {
  it("refuses to start without HISTORY_KEY", async () => {
    const started = await startNodeServer({
      env: { NODE_ENV: "production", HISTORY_KEY: "" },
    }).catch((e: unknown) => e);
    expect(String(started)).toContain("HISTORY_KEY must be set in production");
  }, 60_000);
});

describe("rows from before the chain was keyed", () => {
  it("stay valid, and cannot be changed once a keyed row follows them", async () => {
    t = await testApp();
    await seedDemo(t.db, DEMO_PASSWORD);
    const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
    let prevHash = GENESIS_HASH;
    for (const event of ["sent", "approved"]) {
      const row = {
        companyId: company?.id ?? "",
        documentType: "purchaseOrder" as const,
        documentId: "legacy-order",
        documentNumber: "PO-LEGACY",
        event,
        actorUserId: null,
        actorName: "山田 太郎",
        occurredAt: "2025-06-01T00:00:00.000Z",
        transactionDate: "2025-06-01",
        amount: 500_000,
        counterparty: "田中 美咲",
        contentHash: "c".repeat(64),
        details: "{}",
        prevHash,
      };
      prevHash = await plainHash(row);
      await t.db.insert(historyEvents).values({ ...row, hashAlgorithm: "sha256", hash: prevHash });
    }
    ctx = await approvedContract(t, { seeded: true });
    const res = await verify();
    expect(res.body).toMatchObject({ valid: true, events: 4, breaks: [] });
    expect((await rows()).map((r) => r.hashAlgorithm)).toEqual([
      "sha256",
      "sha256",
      "hmac-sha256",
      "hmac-sha256",
    ]);

    // Change the second legacy row and recompute its plain hash: the first keyed row, which
    // covers the old hash, no longer follows it.
    await asDatabaseWriter();
    const [, second] = await rows();
    if (!second) throw new Error("no legacy row");
    const changed = { ...second, amount: 1 };
    await t.db
      .update(historyEvents)
      .set({ amount: 1, hash: await plainHash(changed) })
      .where(eq(historyEvents.seq, second.seq));
    const after = await verify();
    expect(after.body.valid).toBe(false);
    expect(after.body.breaks).toEqual([
      expect.objectContaining({
        event: "sent",
        reason: "does not follow the row before it: a row was removed, inserted or reordered",
      }),
    ]);
  });
});
