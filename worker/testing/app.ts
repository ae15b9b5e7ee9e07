import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { createApp } from "../app";
import { createDb, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { openNodeDatabase } from "../db/node";
import { outbox } from "../db/schema";
import type { AppDeps } from "../deps";
import { nodeFonts } from "../platform/nodeFonts";
import { memoryStorage } from "../platform/storage";
import { googleTestKeys, TEST_GOOGLE_CLIENT_ID } from "./google";

/** A fresh libSQL file, migrated from migrations/ as production is. */
export async function testDb(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), "shimebi-test-"));
  const { client } = openNodeDatabase(`file:${join(dir, "test.db")}`);
  const db = createDb(client);
  await migrateDatabase(db);
  return db;
}

/** The history key of test apps; scheduled jobs run in tests take it too. */
export const TEST_HISTORY_KEY = "test-history-key";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies by path and assert on them
export type TestResponse = { status: number; body: any; headers: Headers };

/**
 * The real app over a real database, with a settable clock and a local Google key set.
 * `call` sends JSON through `app.request` and answers status and parsed body.
 */
export async function testApp(overrides: AppDeps = {}) {
  const db = await testDb();
  const clock = { now: new Date("2026-11-24T01:00:00.000Z") };
  const google = await googleTestKeys(() => clock.now);
  const app = createApp({
    db,
    now: () => clock.now,
    googleKeys: google.keys,
    storage: memoryStorage(),
    fonts: nodeFonts,
    ...overrides,
    config: {
      googleClientIds: [TEST_GOOGLE_CLIENT_ID],
      devPages: true,
      allowLocalWebhooks: true,
      historyKey: TEST_HISTORY_KEY,
      ...overrides.config,
    },
  });

  async function call(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    // English unless a test asks otherwise: the API answers Japanese when no language is named.
    const headers: Record<string, string> = { "accept-language": "en", ...options.headers };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await app.request(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, headers: res.headers };
  }

  /** The token in the newest mail to `to` (verification or invitation). */
  async function tokenFromMail(to: string, template: string): Promise<string> {
    const rows = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, to), eq(outbox.template, template)))
      .orderBy(sql`rowid`);
    const latest = rows.at(-1);
    const match = /token: (\S+)/.exec(latest?.text ?? "");
    if (!match?.[1]) throw new Error(`no ${template} mail to ${to}`);
    return match[1];
  }

  /** The newest mail of a template to `to`, with the path of this service it links to. */
  async function linkFromMail(to: string, template: string) {
    const rows = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, to), eq(outbox.template, template)))
      .orderBy(sql`rowid`);
    const mail = rows.at(-1);
    const match = /https?:\/\/[^/\s]+(\/\S+)/.exec(mail?.text ?? "");
    if (!mail || !match?.[1]) throw new Error(`no ${template} mail with a link to ${to}`);
    const path = match[1];
    return { mail, path, token: new URL(path, "http://x").searchParams.get("token") ?? "" };
  }

  return { app, db, clock, google, call, tokenFromMail, linkFromMail };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** Tables and their row counts: proof that a refused request changed nothing. */
export async function snapshot(db: Db): Promise<Record<string, number>> {
  const tables = await db.$client.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
  );
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    const result = await db.$client.execute(`select count(*) as n from "${name}"`);
    counts[name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}
