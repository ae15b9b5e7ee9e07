import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

// Columns every table repeats. Ids are random UUIDs; times are Unix milliseconds.

export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
export const time = (name: string) => integer(name, { mode: "timestamp_ms" });
