import { z } from "@hono/zod-openapi";

/** Whole yen: money never travels as a fraction. */
export const yen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const issueSchema = z
  .object({
    path: z.string().openapi({ example: "entries.3.end" }),
    code: z.string().optional(),
    message: z.string(),
  })
  .openapi("Issue");

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string(),
      issues: z.array(issueSchema),
    }),
  })
  .openapi("Error");

export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

/** A whole number that is not money (minutes, counts, versions). */
export const int = z.number().int();

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.string().openapi({ format: "date", example: "2025-08-31" });

/** A working month (稼働月), YYYY-MM. */
export const yearMonth = z.string().openapi({ pattern: "^\\d{4}-\\d{2}$", example: "2025-08" });

/** An instant, ISO 8601 in UTC. */
export const instant = z
  .string()
  .openapi({ format: "date-time", example: "2025-08-26T01:00:00.000Z" });

/** True when the two types accept the same values. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compiles only when given `true`: `typesAgree<Same<Row, z.infer<typeof schema>>>()` keeps a
 * TypeScript type and the schema the API declares for it from drifting apart.
 */
export function typesAgree<_Holds extends true>(): void {}
