import { z } from "@hono/zod-openapi";
import { defineRoute } from "./route";
import { createRouter } from "./router";
import { jsonAnswer } from "./securityHeaders";

const healthSchema = z.object({ status: z.literal("ok"), version: z.string() }).openapi("Health");

const health = defineRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags: ["System"],
  summary: "Liveness: the API answers",
  responses: {
    200: {
      description: "The API is up",
      content: { "application/json": { schema: healthSchema } },
    },
  },
});

export function healthRoutes(version: string) {
  const body = { status: "ok" as const, version };
  return createRouter().openapi(health, (c) => jsonAnswer(c, body, 200));
}
