import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { ruleFor, securityFor } from "../authorization";
import { authorize } from "./auth";
import { type BodyLimit, limitBody } from "./bodyLimit";

/**
 * `createRoute` with the row of `authorization.ts` enforced before validation and stated as
 * the operation's `security`, so the document and the check cannot disagree, and a route with
 * no row fails at start-up. The body is limited by `bodyLimit` (http/bodyLimit.ts): public
 * routes take an account-sized body, the others a form-sized one unless they say more.
 */
export function defineRoute<P extends string, R extends Omit<RouteConfig, "path"> & { path: P }>(
  config: R & { bodyLimit?: BodyLimit },
) {
  const key = `${config.method.toUpperCase()} ${config.path}`;
  const rule = ruleFor(key);
  if (!rule)
    throw new Error(`No authorization rule for ${key}: add a row to worker/authorization.ts`);
  const { bodyLimit, ...route } = config;
  // The caller is known before a byte of the body is read, and no more than the limit is.
  const limit = bodyLimit ?? (rule.access === "public" ? "account" : "json");
  return createRoute<P, R>({
    ...(route as R),
    security: securityFor(rule),
    middleware: [authorize(rule), limitBody(limit)] as R["middleware"],
  });
}
