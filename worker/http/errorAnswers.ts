import type { RouteConfig } from "@hono/zod-openapi";
import type { Rule } from "../authorization";
import { errorResponse } from "./schemas";

const BODY_METHODS = new Set(["post", "put", "patch"]);

/**
 * The error answers a route can give whatever it does, read from its definition and its row of
 * `authorization.ts`: what the shared middleware, the validators and the access check send. A
 * route adds its own (409 for a status that forbids the step, 413, 503) beside its 200.
 */
export function errorAnswers(config: RouteConfig, rule: Rule): RouteConfig["responses"] {
  const answers: RouteConfig["responses"] = {};
  const request = config.request ?? {};
  const body = request.body?.content ?? {};
  if ("application/json" in body) answers[400] = errorResponse("The body is not valid JSON");
  if (rule.access !== "public") answers[401] = errorResponse("Not signed in");
  if ("roles" in rule) answers[403] = errorResponse("Role not allowed");
  if ("roles" in rule || config.path.includes("{"))
    answers[404] = errorResponse("Not found or not yours");
  if (BODY_METHODS.has(config.method)) {
    answers[413] = errorResponse("The body is larger than the route takes (http/bodyLimit.ts)");
    answers[415] = errorResponse("The body is not sent as application/json");
  }
  if (request.body || request.params || request.query || request.headers)
    answers[422] = errorResponse("Every field at fault");
  answers[500] = errorResponse("Something went wrong on our side");
  return answers;
}
