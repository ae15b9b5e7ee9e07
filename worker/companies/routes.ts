import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { currentUser } from "../http/auth";
import { ApiError } from "../http/errors";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { type AppEnv, createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import {
  companyIdParam,
  companySchema,
  groupIdParam,
  groupSchema,
  memberSchema,
  newCompanySchema,
  newGroupSchema,
} from "./schemas";
import {
  createCompany,
  createGroup,
  getCompany,
  listCompanies,
  listGroups,
  listMembers,
  serializeCompany,
  serializeGroup,
} from "./service";

/** The company or group the authorization middleware resolved for this request. */
export function accessOf(c: Context<AppEnv>) {
  const access = c.var.access;
  if (!access) throw new ApiError(500, "internal_error", "route has no company or group scope");
  return access;
}

const create = defineRoute({
  method: "post",
  path: "/v1/companies",
  operationId: "createCompany",
  tags: ["Companies"],
  summary: "Create a company; the caller becomes its company owner",
  request: { body: { required: true, ...json(newCompanySchema) } },
  responses: { 201: ok("Created", companySchema), ...denied },
});

const list = defineRoute({
  method: "get",
  path: "/v1/companies",
  operationId: "listMyCompanies",
  tags: ["Companies"],
  summary: "The companies the caller belongs to, with the caller's roles",
  responses: { 200: ok("Companies", z.array(companySchema)), ...denied },
});

const show = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}",
  operationId: "getCompany",
  tags: ["Companies"],
  summary: "One company",
  request: { params: companyIdParam },
  responses: { 200: ok("The company", companySchema), ...denied },
});

const newGroup = defineRoute({
  method: "post",
  path: "/v1/companies/{companyId}/groups",
  operationId: "createGroup",
  tags: ["Companies"],
  summary: "Create a group (company owner)",
  request: { params: companyIdParam, body: { required: true, ...json(newGroupSchema) } },
  responses: { 201: ok("Created", groupSchema), 409: errorResponse("Name taken"), ...denied },
});

const groupsRoute = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/groups",
  operationId: "listCompanyGroups",
  tags: ["Companies"],
  summary: "Groups: all of them for the company owner, one's own for everyone else",
  request: { params: companyIdParam },
  responses: { 200: ok("Groups", z.array(groupSchema)), ...denied },
});

const members = defineRoute({
  method: "get",
  path: "/v1/groups/{groupId}/members",
  operationId: "listGroupMembers",
  tags: ["Companies"],
  summary: "The group's people and roles",
  request: { params: groupIdParam },
  responses: { 200: ok("Members", z.array(memberSchema)), ...denied },
});

export function companyRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const company = await createCompany(c.var.deps, currentUser(c), c.req.valid("json").name);
      return c.json({ ...serializeCompany(company), roles: ["companyOwner"] }, 201);
    })
    .openapi(list, async (c) => c.json(await listCompanies(c.var.deps, currentUser(c).id), 200))
    .openapi(show, async (c) => {
      const access = accessOf(c);
      const company = await getCompany(c.var.deps, access.companyId);
      return c.json({ ...serializeCompany(company), roles: access.roles }, 200);
    })
    .openapi(newGroup, async (c) => {
      const group = await createGroup(c.var.deps, accessOf(c).companyId, c.req.valid("json").name);
      return c.json(serializeGroup(group), 201);
    })
    .openapi(groupsRoute, async (c) => {
      const access = accessOf(c);
      const rows = await listGroups(c.var.deps, access.companyId, currentUser(c).id, access.roles);
      return c.json(rows.map(serializeGroup), 200);
    })
    .openapi(members, async (c) => {
      const access = accessOf(c);
      return c.json(await listMembers(c.var.deps, access.companyId, access.groupId ?? ""), 200);
    });
}
