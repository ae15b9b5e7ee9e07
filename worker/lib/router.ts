import { OpenAPIHono } from "@hono/zod-openapi";
import { validationHook } from "../middleware/errors";

export type AppEnv = { Variables: Record<string, never> };

/** Every router validates through the same hook, so every 422 has the same shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
