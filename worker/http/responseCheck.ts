import type { RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { z } from "zod";
import { ApiError } from "./errors";
import type { AppEnv } from "./router";

/** The statuses each operation answered within its schema in this process (the sweep reads it). */
export const checkedAnswers = new Map<string, Set<number>>();

type Responses = RouteConfig["responses"];

const mediaType = (header: string | null) => (header ?? "").split(";")[0]?.trim() ?? "";

const isZod = (schema: unknown): schema is z.ZodType =>
  typeof (schema as { safeParse?: unknown })?.safeParse === "function";

/** Keys the answer has and its schema does not declare: parsing strips them, so compare. */
function undeclared(sent: unknown, parsed: unknown, path: string, out: string[]): void {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    sent.forEach((item, i) => {
      undeclared(item, parsed[i], `${path}${path ? "." : ""}${i}`, out);
    });
    return;
  }
  if (!sent || typeof sent !== "object" || !parsed || typeof parsed !== "object") return;
  for (const [key, value] of Object.entries(sent)) {
    const at = `${path}${path ? "." : ""}${key}`;
    if (!(key in parsed)) out.push(`${at}: not in the schema`);
    else undeclared(value, (parsed as Record<string, unknown>)[key], at, out);
  }
}

/** What is wrong with an answer against the responses its route declares; empty when none. */
export async function responseProblems(res: Response, responses: Responses): Promise<string[]> {
  const declared = responses[res.status] ?? responses.default;
  if (!declared) return [`status ${res.status} is not declared`];
  if ("$ref" in declared) return [];
  const type = mediaType(res.headers.get("content-type"));
  const content = declared.content ?? {};
  if (Object.keys(content).length === 0) {
    const text = await res.text();
    return text ? [`status ${res.status} declares no body, answered ${type}`] : [];
  }
  const media = content[type];
  if (!media)
    return [`status ${res.status} answered ${type || "no type"}, declared ${Object.keys(content)}`];
  const schema = "schema" in media ? media.schema : undefined;
  if (type !== "application/json" || !isZod(schema)) return [];
  const body: unknown = await res.json();
  const result = schema.safeParse(body);
  if (!result.success)
    return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  const extra: string[] = [];
  undeclared(body, result.data, "", extra);
  return extra;
}

/**
 * In tests (`config.checkResponses`) every answer is held to the schema its route declares; a
 * mismatch becomes a 500 naming each field, so the test that made the call fails.
 */
export function checkResponses(
  operationId: string,
  responses: Responses,
): MiddlewareHandler<AppEnv> {
  const check: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    const problems = await responseProblems(c.res.clone(), responses);
    if (problems.length === 0) {
      const statuses = checkedAnswers.get(operationId) ?? new Set<number>();
      checkedAnswers.set(operationId, statuses.add(c.res.status));
      return;
    }
    const error = new ApiError(
      500,
      "response_schema_mismatch",
      `${operationId} answered ${c.res.status} outside its declared schema`,
      problems.map((message) => ({ path: "", message })),
    );
    console.error(error.message, problems);
    c.res = undefined;
    c.res = c.json(error.toBody(), 500);
  };
  // Off (production), the step only passes the request on.
  return function checkResponse(c, next) {
    return c.get("deps").config.checkResponses ? check(c, next) : next();
  };
}
