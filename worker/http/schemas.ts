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
