import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { ruleFor, securityFor } from "../authorization";
import { authorize } from "./auth";
import { type BodyLimit, limitBody } from "./bodyLimit";
import { errorAnswers } from "./errorAnswers";
import { checkResponses } from "./responseCheck";

/** A route as a resource file writes it: the helper adds security, middleware and errors. */
export type RouteSpec<P extends string> = Omit<
  RouteConfig,
  "path" | "security" | "middleware" | "operationId"
> & {
  path: P;
  /** The name generated clients give the call (`submitInvoice`): a contract, never renamed. */
  operationId: string;
};

/**
 * `createRoute` with the row of `authorization.ts` enforced before validation and stated as
 * the operation's `security`, so the document and the check cannot disagree, and a route with
 * no row fails at start-up. The body is limited by `bodyLimit` (http/bodyLimit.ts): public
 * routes take an account-sized body, the others a form-sized one unless they say more. The
 * error answers every route can give are declared here, once.
 */
export function defineRoute<P extends string, R extends RouteSpec<P>>(
  config: R & { bodyLimit?: BodyLimit },
) {
  const key = `${config.method.toUpperCase()} ${config.path}`;
  const rule = ruleFor(key);
  if (!rule)
    throw new Error(`No authorization rule for ${key}: add a row to worker/authorization.ts`);
  const { bodyLimit, ...route } = config;
  // The caller is known before a byte of the body is read, and no more than the limit is.
  const limit = bodyLimit ?? (rule.access === "public" ? "account" : "json");
  const responses = { ...errorAnswers(route as RouteConfig, rule), ...route.responses };
  // Only the steps that can act on this route run on it: a public route has no caller to load,
  // a GET no body to limit (http/requestBody.ts).
  const middleware = [
    checkResponses(config.operationId, responses),
    ...(rule.access === "public" ? [] : [authorize(rule)]),
    ...(config.method === "get" ? [] : [limitBody(limit)]),
  ];
  return createRoute<P, R>({
    ...route,
    responses,
    security: securityFor(rule),
    middleware,
  } as unknown as R);
}
