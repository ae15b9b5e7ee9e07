import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type Client, createClient } from "@libsql/client";
import { serializeWrites } from "./serializeWrites";

export const DEFAULT_DATABASE_URL = "file:.data/shimebi.db";
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * The embedded default: a libSQL file under `.data/`, created on first use. `DATABASE_URL` may
 * instead name any libSQL database (`libsql://…` on Turso, with `DATABASE_AUTH_TOKEN`).
 */
export function openNodeDatabase(
  url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  authToken = process.env.DATABASE_AUTH_TOKEN,
): { client: Client; url: string } {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).split("?")[0] ?? "";
    if (path && path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  // Writers of this process queue in JavaScript (serializeWrites); the busy timeout covers
  // another process, such as `npm run db:migrate` while the server runs.
  const client = createClient({
    url,
    ...(authToken ? { authToken } : {}),
    timeout: BUSY_TIMEOUT_MS,
  });
  return { client: url.startsWith("file:") ? serializeWrites(client) : client, url };
}
