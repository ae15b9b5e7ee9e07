import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { ruleFor, securityFor } from "../authorization";

/**
 * `createRoute` with the operation's `security` taken from `authorization.ts`, so the document
 * and the access check cannot disagree, and a route with no rule fails at start-up.
 */
export function defineRoute<P extends string, R extends Omit<RouteConfig, "path"> & { path: P }>(
  config: R,
) {
  const key = `${config.method.toUpperCase()} ${config.path}`;
  const rule = ruleFor(key);
  if (!rule)
    throw new Error(`No authorization rule for ${key}: add a row to worker/authorization.ts`);
  return createRoute<P, R>({ ...config, security: securityFor(rule) });
}
