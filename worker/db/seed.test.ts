import { describe, expect, it } from "vitest";
import { verifyPassword } from "../platform/crypto";
import { testDb } from "../testing/app";
import { users } from "./schema";
import { seedDemo } from "./seed";

describe("seedDemo", () => {
  it("gives every demo user a salt of their own for the one demo password", async () => {
    const db = await testDb();
    await seedDemo(db, "shimebi-demo");
    const rows = await db.select().from(users);
    expect(rows.length).toBe(6);
    const salts = rows.map((r) => r.passwordHash?.split("$")[2]);
    expect(new Set(salts).size).toBe(rows.length);
    for (const row of rows)
      expect(await verifyPassword("shimebi-demo", row.passwordHash ?? "")).toBe(true);
  });
});
