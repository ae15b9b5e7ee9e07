import { z } from "@hono/zod-openapi";
import { accessOf } from "../companies/routes";
import { groupIdParam } from "../companies/schemas";
import { currentUser } from "../http/auth";
import { json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import {
  approvalRouteParams,
  approvalRoutePatchSchema,
  approvalRouteSchema,
  newApprovalRouteSchema,
} from "./schemas";
import { createRoute, deleteRoute, listRoutes, serializeRoute, updateRoute } from "./service";

const tags = ["Approval routes"];
const denied = {
  401: errorResponse("Not signed in"),
  403: errorResponse("Only the company owner manages approval routes"),
  404: errorResponse("No such group or route of yours"),
};
const invalid = {
  422: errorResponse("A step names neither roles nor people, both, or someone outside the group"),
};

const create = defineRoute({
  method: "post",
  path: "/v1/groups/{groupId}/approval-routes",
  operationId: "createApprovalRoute",
  tags,
  summary:
    "Define the group's approval route (承認経路) for purchase orders or invoices: ordered steps, each a role or named people, any one or all of them",
  request: { params: groupIdParam, body: { required: true, ...json(newApprovalRouteSchema) } },
  responses: {
    201: ok("Defined: documents entering approval from now on follow it", approvalRouteSchema),
    409: errorResponse("The group already has a route for this kind of document"),
    ...invalid,
    ...denied,
  },
});

const list = defineRoute({
  method: "get",
  path: "/v1/groups/{groupId}/approval-routes",
  operationId: "listApprovalRoutes",
  tags,
  summary: "The group's approval routes; a kind without one is approved in one step",
  request: { params: groupIdParam },
  responses: { 200: ok("Routes", z.array(approvalRouteSchema)), ...denied },
});

const update = defineRoute({
  method: "put",
  path: "/v1/groups/{groupId}/approval-routes/{routeId}",
  operationId: "updateApprovalRoute",
  tags,
  summary: "Rename the route or replace its steps; documents already in it keep their steps",
  request: {
    params: approvalRouteParams,
    body: { required: true, ...json(approvalRoutePatchSchema) },
  },
  responses: { 200: ok("Updated", approvalRouteSchema), ...invalid, ...denied },
});

const remove = defineRoute({
  method: "delete",
  path: "/v1/groups/{groupId}/approval-routes/{routeId}",
  operationId: "deleteApprovalRoute",
  tags,
  summary: "Remove the route: the kind goes back to one step; documents in it keep their steps",
  request: { params: approvalRouteParams },
  responses: { 200: ok("Removed", approvalRouteSchema), ...denied },
});

export function approvalRouteRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const { companyId, groupId = "" } = accessOf(c);
      const route = await createRoute(
        c.var.deps,
        currentUser(c),
        { companyId, groupId },
        c.req.valid("json"),
      );
      return c.json(serializeRoute(route), 201);
    })
    .openapi(list, async (c) => {
      const routes = await listRoutes(c.var.deps.db, accessOf(c).groupId ?? "");
      return c.json(routes.map(serializeRoute), 200);
    })
    .openapi(update, async (c) => {
      const { companyId, groupId = "" } = accessOf(c);
      const route = await updateRoute(
        c.var.deps,
        { companyId, groupId },
        c.req.valid("param").routeId,
        c.req.valid("json"),
      );
      return c.json(serializeRoute(route), 200);
    })
    .openapi(remove, async (c) => {
      const route = await deleteRoute(
        c.var.deps.db,
        accessOf(c).groupId ?? "",
        c.req.valid("param").routeId,
      );
      return c.json(serializeRoute(route), 200);
    });
}
