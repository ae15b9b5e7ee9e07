import { z } from "@hono/zod-openapi";
import { currentUser } from "../http/auth";
import { ApiError } from "../http/errors";
import { json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import {
  apiTokenIdParam,
  apiTokenSchema,
  createdApiTokenSchema,
  newApiTokenSchema,
} from "./apiTokenSchemas";
import { createApiToken, listApiTokens, revokeApiToken } from "./apiTokens";

const unauthenticated = { 401: errorResponse("Not signed in") };

const create = defineRoute({
  method: "post",
  path: "/v1/me/api-tokens",
  operationId: "createApiToken",
  tags: ["API tokens"],
  summary: "Create a long-lived API token; the secret is shown in this answer only",
  request: { body: { required: true, ...json(newApiTokenSchema) } },
  responses: {
    201: ok("Created: keep the token now, it cannot be shown again", createdApiTokenSchema),
    422: errorResponse("No name, or a name over 100 characters"),
    ...unauthenticated,
  },
});

const list = defineRoute({
  method: "get",
  path: "/v1/me/api-tokens",
  operationId: "listMyApiTokens",
  tags: ["API tokens"],
  summary: "Your API tokens, newest first, without their secrets",
  responses: { 200: ok("API tokens", z.array(apiTokenSchema)), ...unauthenticated },
});

const revoke = defineRoute({
  method: "delete",
  path: "/v1/me/api-tokens/{tokenId}",
  operationId: "revokeApiToken",
  tags: ["API tokens"],
  summary: "Revoke an API token; it stops working at once",
  request: { params: apiTokenIdParam },
  responses: {
    204: { description: "Revoked" },
    404: errorResponse("No such API token of yours"),
    ...unauthenticated,
  },
});

export function apiTokenRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      // A leaked API token must not be able to mint its own replacement.
      if (c.var.auth?.via === "api") {
        throw new ApiError(
          403,
          "api_token_cannot_create",
          "Create API tokens while signed in, not with an API token",
        );
      }
      const created = await createApiToken(c.var.deps, currentUser(c).id, c.req.valid("json").name);
      // The one answer that carries the secret must not be kept by any cache.
      c.header("cache-control", "no-store");
      return c.json(created, 201);
    })
    .openapi(list, async (c) => c.json(await listApiTokens(c.var.deps, currentUser(c).id), 200))
    .openapi(revoke, async (c) => {
      await revokeApiToken(c.var.deps, currentUser(c).id, c.req.valid("param").tokenId);
      return c.body(null, 204);
    });
}
