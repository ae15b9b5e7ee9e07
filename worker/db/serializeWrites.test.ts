import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { serializeWrites } from "./serializeWrites";

const file = () => `file:${join(mkdtempSync(join(tmpdir(), "shimebi-lock-")), "db.sqlite")}`;

async function contend(client: ReturnType<typeof createClient>) {
  await client.execute("create table t (n integer)");
  // Transactions that yield between statements, plain writes and batches, all at once.
  const work = Array.from({ length: 12 }, async (_, i) => {
    if (i % 3 === 0) {
      const tx = await client.transaction("write");
      await tx.execute({ sql: "insert into t values (?)", args: [i] });
      await new Promise((r) => setTimeout(r, 5));
      await tx.execute({ sql: "insert into t values (?)", args: [i] });
      await tx.commit();
    } else if (i % 3 === 1) {
      await client.execute({ sql: "insert into t values (?)", args: [i] });
    } else {
      await client.batch([{ sql: "insert into t values (?)", args: [i] }], "write");
    }
  });
  return Promise.allSettled(work);
}

describe("serializeWrites", () => {
  it("lets concurrent writers of one process queue instead of failing with SQLITE_BUSY", async () => {
    const client = serializeWrites(createClient({ url: file(), timeout: 200 }));
    const results = await contend(client);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const count = await client.execute("select count(*) as n from t");
    expect(Number(count.rows[0]?.n)).toBe(16);
    client.close();
  });

  it("is needed: without it the same work fails", async () => {
    const client = createClient({ url: file(), timeout: 200 });
    const results = await contend(client);
    expect(results.some((r) => r.status === "rejected")).toBe(true);
    client.close();
  });
});
