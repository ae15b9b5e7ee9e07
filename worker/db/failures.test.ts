import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { describeForLog, isUniqueViolation } from "./failures";

const HASH = "pbkdf2-sha256$100000$c2FsdA$aGFzaA";

describe("a failed query in the log", () => {
  it("names the SQL and the driver's reason, never the parameters", () => {
    const cause = Object.assign(new Error("SQLITE_BUSY: database is locked"), {
      code: "SQLITE_BUSY",
    });
    const error = new DrizzleQueryError(
      'insert into "users" ("email", "password_hash") values (?, ?)',
      ["a@b.test", HASH],
      cause,
    );
    const line = describeForLog(error);
    expect(line).toContain('query failed: insert into "users"');
    expect(line).toContain("because SQLITE_BUSY: database is locked");
    expect(line).not.toContain(HASH);
    expect(line).not.toContain("a@b.test");
    expect(isUniqueViolation(error)).toBe(false);
  });

  it("recognises a unique constraint broken by a parallel writer", () => {
    const cause = Object.assign(new Error("UNIQUE constraint failed: users.email"), {
      code: "SQLITE_CONSTRAINT_UNIQUE",
    });
    expect(isUniqueViolation(new DrizzleQueryError("insert", [HASH], cause))).toBe(true);
  });
});
