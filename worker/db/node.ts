import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type Client, createClient } from "@libsql/client";

export const DEFAULT_DATABASE_URL = "file:.data/shimebi.db";

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
  return { client: createClient(authToken ? { url, authToken } : { url }), url };
}
