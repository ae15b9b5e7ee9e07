import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { accessOf } from "../companies/routes";
import {
  anyObject,
  approveOrderSchema,
  orderIdParam,
  orderPatchSchema,
  returnOrderSchema,
} from "../contracts/schemas";
import { currentUser } from "../http/auth";
import { ApiError } from "../http/errors";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import type { AppEnv } from "../http/router";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { renderDocumentHtml } from "../platform/documentHtml";
import { type OrderDocument, orderLayout } from "./layout";
import {
  approveOrder,
  documentFor,
  getOrder,
  patchOrder,
  returnOrder,
  sendOrder,
  serializeOrder,
  visibleTo,
} from "./service";

const conflict = {
  409: errorResponse("Not possible in the order's status"),
  422: errorResponse("Every field at fault"),
};

/** The order behind the route, hidden from the partner while it is a draft. */
async function orderOf(c: Context<AppEnv>) {
  const access = accessOf(c);
  const order = await getOrder(c.var.deps, access.orderId ?? "");
  if (!visibleTo(order, access.roles))
    throw new ApiError(404, "not_found", "No such purchase order");
  return order;
}

const show = defineRoute({
  method: "get",
  path: "/v1/orders/{orderId}",
  operationId: "getOrder",
  tags: ["Purchase orders"],
  summary: "A purchase order (発注書) with its document",
  request: { params: orderIdParam },
  responses: { 200: ok("The order", anyObject), ...denied },
});

const patch = defineRoute({
  method: "patch",
  path: "/v1/orders/{orderId}",
  operationId: "updateOrder",
  tags: ["Purchase orders"],
  summary: "Edit a draft or returned order: subject, remarks, hiding the hour-range remarks",
  request: { params: orderIdParam, body: { required: true, ...json(orderPatchSchema) } },
  responses: { 200: ok("The order", anyObject), ...denied, ...conflict },
});

const send = defineRoute({
  method: "post",
  path: "/v1/orders/{orderId}/send",
  operationId: "sendOrder",
  tags: ["Purchase orders"],
  summary: "Send the order to the partner, or resend it after a return",
  request: { params: orderIdParam },
  responses: { 200: ok("Sent", anyObject), ...denied, ...conflict },
});

const approve = defineRoute({
  method: "post",
  path: "/v1/orders/{orderId}/approve",
  operationId: "approveOrder",
  tags: ["Purchase orders"],
  summary: "Approve the order (the partner): the order confirmation 発注請書",
  request: { params: orderIdParam, body: { required: true, ...json(approveOrderSchema) } },
  responses: { 200: ok("Approved", anyObject), ...denied, ...conflict },
});

const reject = defineRoute({
  method: "post",
  path: "/v1/orders/{orderId}/return",
  operationId: "returnOrder",
  tags: ["Purchase orders"],
  summary: "Return the order to the company with a reason (the partner)",
  request: { params: orderIdParam, body: { required: true, ...json(returnOrderSchema) } },
  responses: { 200: ok("Returned", anyObject), ...denied, ...conflict },
});

const document = defineRoute({
  method: "get",
  path: "/v1/orders/{orderId}/document",
  operationId: "getOrderDocument",
  tags: ["Purchase orders"],
  summary: "The order as a printable document (HTML)",
  request: { params: orderIdParam },
  responses: {
    200: { description: "HTML", content: { "text/html": { schema: z.string() } } },
    ...denied,
  },
});

export function orderRoutes() {
  return createRouter()
    .openapi(show, async (c) => {
      const order = await orderOf(c);
      return c.json(
        { ...serializeOrder(order), document: await documentFor(c.var.deps, order) },
        200,
      );
    })
    .openapi(patch, async (c) => {
      const order = await patchOrder(c.var.deps, await orderOf(c), c.req.valid("json"));
      return c.json(serializeOrder(order), 200);
    })
    .openapi(send, async (c) => {
      const order = await sendOrder(c.var.deps, currentUser(c), await orderOf(c));
      return c.json(serializeOrder(order), 200);
    })
    .openapi(approve, async (c) => {
      const order = await approveOrder(
        c.var.deps,
        currentUser(c),
        await orderOf(c),
        c.req.valid("json"),
      );
      return c.json(serializeOrder(order), 200);
    })
    .openapi(reject, async (c) => {
      const order = await returnOrder(
        c.var.deps,
        currentUser(c),
        await orderOf(c),
        c.req.valid("json").reason,
      );
      return c.json(serializeOrder(order), 200);
    })
    .openapi(document, async (c) => {
      const order = await orderOf(c);
      const document = (await documentFor(c.var.deps, order)) as OrderDocument;
      const layout = orderLayout(
        { ...document, confirmation: order.confirmation ?? undefined },
        order,
      );
      return c.html(renderDocumentHtml(layout), 200);
    });
}
