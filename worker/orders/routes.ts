import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type Decision, decideAfresh } from "../approvals/decision";
import { approvalSection } from "../approvals/html";
import { stepReturnSchema } from "../approvals/schemas";
import { accessOf } from "../companies/routes";
import {
  approveOrderSchema,
  orderIdParam,
  orderPatchSchema,
  returnOrderSchema,
} from "../contracts/schemas";
import { currentUser, targetOrder } from "../http/auth";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import type { AppEnv } from "../http/router";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { renderDocumentHtml } from "../platform/documentHtml";
import { decideOrderStep, sendOrRequestApproval } from "./approval";
import { approveOrder, returnOrder } from "./decisions";
import { documentFor, getOrder, patchOrder, serializeOrder } from "./drafts";
import { type OrderDocument, orderLayout } from "./layout";
import { orderDetailSchema, orderSchema } from "./schemas";

const conflict = {
  409: errorResponse("Not possible in the order's status"),
  422: errorResponse("Every field at fault"),
};

/** The order behind the route, as authorization loaded it (a draft is hidden from the partner). */
const orderOf = targetOrder;

/** A decision at the current step of the order's approval route, afresh if another raced it. */
async function decideStep(c: Context<AppEnv>, decision: Decision) {
  const first = await orderOf(c);
  const { roles } = accessOf(c);
  return decideAfresh(
    first,
    () => getOrder(c.var.deps, first.id),
    (order) => decideOrderStep(c.var.deps, currentUser(c), roles, order, decision),
  );
}

const show = defineRoute({
  method: "get",
  path: "/v1/orders/{orderId}",
  operationId: "getOrder",
  tags: ["Purchase orders"],
  summary: "A purchase order (発注書) with its document",
  request: { params: orderIdParam },
  responses: { 200: ok("The order", orderDetailSchema), ...denied },
});

const patch = defineRoute({
  method: "patch",
  path: "/v1/orders/{orderId}",
  operationId: "updateOrder",
  tags: ["Purchase orders"],
  summary: "Edit a draft or returned order: subject, remarks, hiding the hour-range remarks",
  request: { params: orderIdParam, body: { required: true, ...json(orderPatchSchema) } },
  responses: { 200: ok("The order", orderSchema), ...denied, ...conflict },
});

const send = defineRoute({
  method: "post",
  path: "/v1/orders/{orderId}/send",
  operationId: "sendOrder",
  tags: ["Purchase orders"],
  summary:
    "Send the order to the partner, or resend it after a return; with an approval route for the group's orders, the order enters the route instead and is sent by its last step",
  request: { params: orderIdParam },
  responses: {
    200: ok("Sent, or in the approval route (status unchanged, approval pending)", orderSchema),
    ...denied,
    ...conflict,
  },
});

const approveStep = defineRoute({
  method: "post",
  path: "/v1/orders/{orderId}/approval/approve",
  operationId: "approveOrderStep",
  tags: ["Purchase orders"],
  summary:
    "Approve the current step of the order's approval route (before sending); the last step sends the order to the partner",
  request: { params: orderIdParam },
  responses: {
    200: ok("The step approved, or the order sent", orderSchema),
    ...denied,
    403: errorResponse("Not an approver of the current step (not_an_approver) or role not allowed"),
    ...conflict,
  },
});

const returnStep = defineRoute({
  method: "post",
  path: "/v1/orders/{orderId}/approval/return",
  operationId: "returnOrderStep",
  tags: ["Purchase orders"],
  summary:
    "Return the order to its author with a reason, at the current step of its approval route: it stays unsent",
  request: { params: orderIdParam, body: { required: true, ...json(stepReturnSchema) } },
  responses: {
    200: ok("Returned to the author", orderSchema),
    ...denied,
    403: errorResponse("Not an approver of the current step (not_an_approver) or role not allowed"),
    ...conflict,
  },
});

const approve = defineRoute({
  method: "post",
  path: "/v1/orders/{orderId}/approve",
  operationId: "approveOrder",
  tags: ["Purchase orders"],
  summary: "Approve the order (the partner): the order confirmation 発注請書",
  request: { params: orderIdParam, body: { required: true, ...json(approveOrderSchema) } },
  responses: { 200: ok("Approved", orderSchema), ...denied, ...conflict },
});

const reject = defineRoute({
  method: "post",
  path: "/v1/orders/{orderId}/return",
  operationId: "returnOrder",
  tags: ["Purchase orders"],
  summary: "Return the order to the company with a reason (the partner)",
  request: { params: orderIdParam, body: { required: true, ...json(returnOrderSchema) } },
  responses: { 200: ok("Returned", orderSchema), ...denied, ...conflict },
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
      const order = await sendOrRequestApproval(c.var.deps, currentUser(c), await orderOf(c));
      return c.json(serializeOrder(order), 200);
    })
    .openapi(approveStep, async (c) => {
      const order = await decideStep(c, { approve: true });
      return c.json(serializeOrder(order), 200);
    })
    .openapi(returnStep, async (c) => {
      const order = await decideStep(c, { approve: false, reason: c.req.valid("json").reason });
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
      return c.html(renderDocumentHtml(layout, approvalSection(order.approval)), 200);
    });
}
