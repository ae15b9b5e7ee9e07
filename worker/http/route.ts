import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { ruleFor, securityFor } from "../authorization";
import { authorize } from "./auth";

/**
 * `createRoute` with the row of `authorization.ts` enforced before validation and stated as
 * the operation's `security`, so the document and the check cannot disagree, and a route with
 * no row fails at start-up.
 */
export function defineRoute<P extends string, R extends Omit<RouteConfig, "path"> & { path: P }>(
  config: R,
) {
  const key = `${config.method.toUpperCase()} ${config.path}`;
  const rule = ruleFor(key);
  if (!rule)
    throw new Error(`No authorization rule for ${key}: add a row to worker/authorization.ts`);
  return createRoute<P, R>({
    ...config,
    security: securityFor(rule),
    middleware: [authorize(rule)] as R["middleware"],
  });
}
