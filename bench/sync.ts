import type { InStatement } from "@libsql/client";
import { testApp } from "../worker/testing/app";
import { approvedContract } from "../worker/testing/contracts";
import { fmt, row } from "./measure";

// The add-on's month sync of 1,000 entries (PUT .../months/2025-08/entries through the app,
// with auth, validation, the engine's checks over the month and the estimate) against the
// floor: the same 1,000 rows inserted by bare libSQL in one transaction, on the same file DB.

const COUNT = 1000;
const RUNS = 7;
const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}${pad(m % 60)}`;

/** 1,000 non-overlapping rows over working month 2025-08 (2025-07-26..2025-08-25). */
function monthRows() {
  return Array.from({ length: COUNT }, (_, i) => {
    const d = (i % 31) + 1;
    const start = Math.floor(i / 31) * 30;
    return {
      clientRowId: `row-${i}`,
      date: d <= 25 ? `2025-08-${pad(d)}` : `2025-07-${pad(d)}`,
      costCategoryId: "ses",
      start: hhmm(start),
      end: hhmm(start + 20),
      details: "実装とレビュー",
    };
  });
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[values.length >> 1] ?? 0;

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function benchSync(): Promise<{ ratio: number }> {
  console.log(`\nMonth sync, ${fmt(COUNT)} entries (libSQL temp file, median of ${RUNS})`);
  const t = await testApp();
  const c = await approvedContract(t);
  const rows = monthRows();
  const body = JSON.stringify({ rows });
  const url = `/v1/contracts/${c.contractId}/months/2025-08/entries`;
  const client = t.db.$client;
  const put = async () => {
    const res = await t.app.request(url, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${c.partner}` },
      body,
    });
    if (res.status !== 200) throw new Error(`sync failed: ${res.status} ${await res.text()}`);
  };
  // The floor: the same rows, their columns already computed, one multi-statement transaction.
  const bare = async () => {
    const statements: InStatement[] = rows.map((r, i) => ({
      sql: "insert into work_entries (id, contract_id, working_month, client_row_id, date, cost_category_id, start_minutes, end_minutes, break_minutes, skip_hours, details, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)",
      args: [
        crypto.randomUUID(),
        c.contractId,
        "2025-08",
        `bare-${i}`,
        r.date,
        r.costCategoryId,
        Math.floor(i / 31) * 30,
        Math.floor(i / 31) * 30 + 20,
        r.details,
        Date.now(),
        Date.now(),
      ],
    }));
    await client.batch(statements, "write");
  };
  const empty = () => client.execute("delete from work_entries");

  await put(); // warm-up: module loading, prepared paths
  await empty();
  const first: number[] = [];
  const again: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await empty();
    floor.push(await timed(bare));
    await empty();
    first.push(await timed(put));
    again.push(await timed(put));
  }
  const stored = await client.execute("select count(*) as n from work_entries");
  if (Number(stored.rows[0]?.n) !== COUNT) throw new Error("the sync did not store 1,000 rows");

  const base = median(floor);
  const sync = median(first);
  const ratio = sync / base;
  row("baseline: bare libSQL insert, one transaction", `${fmt(base, 1)} ms`);
  row(
    "PUT month entries, first sync",
    `${fmt(sync, 1)} ms`,
    `ratio ${fmt(ratio, 2)}, target <= 3: ${ratio <= 3 ? "met" : "MISSED"}`,
  );
  row("PUT month entries, same rows again", `${fmt(median(again), 1)} ms`, "idempotent: no writes");
  return { ratio };
}
