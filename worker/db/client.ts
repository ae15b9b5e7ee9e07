import type { Client } from "@libsql/client";
import type { LibSQLDatabase } from "drizzle-orm/libsql/driver-core";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/**
 * drizzle over any libSQL client: the embedded file on Node, Turso over HTTP on the Worker.
 * (The web entry only wraps the client it is given, so it pulls no Node code into the Worker.)
 */
export function createDb(client: Client): Db {
  return drizzle(client, { schema }) as Db;
}
