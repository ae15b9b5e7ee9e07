// What a failed query may tell: whether it broke a unique constraint, and a log line that
// never carries the query's parameters (a password hash, a token hash, a person's details).

type Failure = { message?: unknown; code?: unknown; cause?: unknown; query?: unknown };

function chain(error: unknown): Failure[] {
  const seen: Failure[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && seen.length < 5) {
    seen.push(current as Failure);
    current = (current as Failure).cause;
  }
  return seen;
}

/** A second writer lost the race for a unique row (a double click, a parallel retry). */
export function isUniqueViolation(error: unknown): boolean {
  return chain(error).some(
    (e) =>
      e.code === "SQLITE_CONSTRAINT_UNIQUE" ||
      e.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
      (typeof e.message === "string" && /UNIQUE constraint failed/.test(e.message)),
  );
}

/** The error for the log: the SQL text, the driver's reason and the stack, no parameters. */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  const query = chain(error).find((e) => typeof e.query === "string")?.query;
  if (query === undefined) return [`${error.name}: ${error.message}`, ...frames].join("\n");
  const reasons = chain(error)
    .slice(1)
    .map((e) => (typeof e.message === "string" ? e.message : ""))
    .filter((m) => m && !m.includes("params:"));
  return [`query failed: ${query}`, ...reasons.map((r) => `  because ${r}`), ...frames].join("\n");
}
