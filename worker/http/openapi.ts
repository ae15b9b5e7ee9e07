import type { z } from "@hono/zod-openapi";
import { errorResponse } from "./schemas";

// Pieces of route definitions every resource repeats.

export const json = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
});

export const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  ...json(schema),
});

/** What a signed-in route answers to the wrong caller. */
export const denied = {
  401: errorResponse("Not signed in"),
  403: errorResponse("Role not allowed"),
  404: errorResponse("Not found or not yours"),
};
