import { z } from "@hono/zod-openapi";
import { companyIdParam } from "../companies/schemas";
import { currentUser } from "../http/auth";
import { json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import {
  deliveryParams,
  newWebhookSchema,
  webhookDeliverySchema,
  webhookParams,
  webhookSchema,
  webhookWithSecretSchema,
} from "./schemas";
import {
  createEndpoint,
  disableEndpoint,
  listDeliveries,
  listEndpoints,
  redeliver,
  rotateSecret,
} from "./service";

const tags = ["Webhooks"];
const denied = {
  401: errorResponse("Not signed in"),
  403: errorResponse("Only the company owner manages webhooks"),
  404: errorResponse("No such company, endpoint or delivery of yours"),
};

const create = defineRoute({
  method: "post",
  path: "/v1/companies/{companyId}/webhooks",
  operationId: "createWebhook",
  tags,
  summary: "Register an endpoint for the events it wants; the signing secret is shown once",
  request: { params: companyIdParam, body: { required: true, ...json(newWebhookSchema) } },
  responses: {
    201: ok("Registered: keep the secret now", webhookWithSecretSchema),
    422: errorResponse("Not an https URL of a public host, or no known event"),
    ...denied,
  },
});

const list = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/webhooks",
  operationId: "listWebhooks",
  tags,
  summary: "The company's endpoints, newest first, without secrets",
  request: { params: companyIdParam },
  responses: { 200: ok("Endpoints", z.array(webhookSchema)), ...denied },
});

const disable = defineRoute({
  method: "delete",
  path: "/v1/companies/{companyId}/webhooks/{webhookId}",
  operationId: "deleteWebhook",
  tags,
  summary: "Disable an endpoint: nothing more is sent to it; its deliveries stay on record",
  request: { params: webhookParams },
  responses: { 200: ok("Disabled", webhookSchema), ...denied },
});

const rotate = defineRoute({
  method: "post",
  path: "/v1/companies/{companyId}/webhooks/{webhookId}/rotate-secret",
  operationId: "rotateWebhookSecret",
  tags,
  summary: "A new signing secret, shown once; the old one also signs for 24 hours",
  request: { params: webhookParams },
  responses: {
    200: ok("Rotated", webhookWithSecretSchema),
    409: errorResponse("The endpoint is disabled"),
    ...denied,
  },
});

const deliveries = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/webhooks/{webhookId}/deliveries",
  operationId: "listWebhookDeliveries",
  tags,
  summary: "The endpoint's latest 50 deliveries with every attempt and what it answered",
  request: { params: webhookParams },
  responses: { 200: ok("Deliveries", z.array(webhookDeliverySchema)), ...denied },
});

const resend = defineRoute({
  method: "post",
  path: "/v1/companies/{companyId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
  operationId: "redeliverWebhook",
  tags,
  summary: "Send a delivery again (same webhook-id), with a fresh set of retries",
  request: { params: deliveryParams },
  responses: {
    202: ok(
      "Queued: it goes out within seconds",
      z.object({ id: z.string(), status: z.enum(["pending", "succeeded", "failed"]) }),
    ),
    409: errorResponse("The endpoint is disabled"),
    ...denied,
  },
});

export function webhookRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const { companyId } = c.req.valid("param");
      const created = await createEndpoint(
        c.var.deps,
        companyId,
        currentUser(c).id,
        c.req.valid("json"),
      );
      c.header("cache-control", "no-store");
      return c.json(created, 201);
    })
    .openapi(list, async (c) =>
      c.json(await listEndpoints(c.var.deps.db, c.req.valid("param").companyId), 200),
    )
    .openapi(disable, async (c) => {
      const { companyId, webhookId } = c.req.valid("param");
      return c.json(await disableEndpoint(c.var.deps, companyId, webhookId), 200);
    })
    .openapi(rotate, async (c) => {
      const { companyId, webhookId } = c.req.valid("param");
      c.header("cache-control", "no-store");
      return c.json(await rotateSecret(c.var.deps, companyId, webhookId), 200);
    })
    .openapi(deliveries, async (c) => {
      const { companyId, webhookId } = c.req.valid("param");
      return c.json(await listDeliveries(c.var.deps.db, companyId, webhookId), 200);
    })
    .openapi(resend, async (c) => {
      const { companyId, webhookId, deliveryId } = c.req.valid("param");
      return c.json(await redeliver(c.var.deps, companyId, webhookId, deliveryId), 202);
    });
}
