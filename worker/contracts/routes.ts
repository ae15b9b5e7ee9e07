import { z } from "@hono/zod-openapi";
import { accessOf } from "../companies/routes";
import { groupIdParam } from "../companies/schemas";
import { currentUser, targetContract } from "../http/auth";
import { localeFrom } from "../http/locale";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { idempotencyHeader } from "../invoices/schemas";
import { createDraftOrder, listOrders, serializeOrder } from "../orders/drafts";
import { orderSchema } from "../orders/schemas";
import { withIdempotency } from "../platform/idempotency";
import { changeConditions } from "./conditionChange";
import { listContracts, serializeContract } from "./list";
import { createdContractWarnings } from "./rules";
import {
  contractDetailSchema,
  contractIdParam,
  contractListItemSchema,
  createdContractSchema,
  newConditionsSchema,
  newContractSchema,
  orderPatchSchema,
} from "./schemas";
import { createContract, latestConditions } from "./service";

const invalid = { 422: errorResponse("Every field at fault") };

const create = defineRoute({
  method: "post",
  path: "/v1/groups/{groupId}/contracts",
  operationId: "createContract",
  tags: ["Contracts"],
  summary: "Create a contract with its working conditions (稼働条件)",
  description:
    "The answer is the contract with `warnings` ({ path, code, message }[], in the caller's language): a contract whose period is already over is created, but warned of (contract_in_the_past). Honours Idempotency-Key: a repeat answers the first contract instead of creating another.",
  request: {
    params: groupIdParam,
    headers: idempotencyHeader,
    body: { required: true, ...json(newContractSchema) },
  },
  responses: { 201: ok("Created", createdContractSchema), ...denied, ...invalid },
});

const listForGroup = defineRoute({
  method: "get",
  path: "/v1/groups/{groupId}/contracts",
  operationId: "listGroupContracts",
  tags: ["Contracts"],
  summary: "The group's contracts with their status",
  request: { params: groupIdParam },
  responses: { 200: ok("Contracts", z.array(contractListItemSchema)), ...denied },
});

const listMine = defineRoute({
  method: "get",
  path: "/v1/me/contracts",
  operationId: "listMyContracts",
  tags: ["Contracts"],
  summary: "The caller's contracts as a partner",
  responses: { 200: ok("Contracts", z.array(contractListItemSchema)), ...denied },
});

const show = defineRoute({
  method: "get",
  path: "/v1/contracts/{contractId}",
  operationId: "getContract",
  tags: ["Contracts"],
  summary: "A contract, its current working conditions and its purchase orders",
  request: { params: contractIdParam },
  responses: { 200: ok("The contract", contractDetailSchema), ...denied },
});

const conditions = defineRoute({
  method: "post",
  path: "/v1/contracts/{contractId}/conditions",
  operationId: "changeContractConditions",
  tags: ["Contracts"],
  summary:
    "Change the working conditions from a working month: a new version and a new purchase order",
  request: { params: contractIdParam, body: { required: true, ...json(newConditionsSchema) } },
  responses: { 201: ok("The new draft purchase order", orderSchema), ...denied, ...invalid },
});

const newOrder = defineRoute({
  method: "post",
  path: "/v1/contracts/{contractId}/orders",
  operationId: "createOrder",
  tags: ["Purchase orders"],
  summary: "Create the purchase order (a draft) from the current working conditions",
  request: { params: contractIdParam, body: { required: true, ...json(orderPatchSchema) } },
  responses: {
    201: ok("The draft order", orderSchema),
    409: errorResponse("An order is already open"),
    ...denied,
    ...invalid,
  },
});

export function contractRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const ja = localeFrom(c.req.header("accept-language")) === "ja";
      const access = accessOf(c);
      const scope = { companyId: access.companyId, groupId: access.groupId ?? "" };
      const user = currentUser(c);
      const deps = c.var.deps;
      const answer = await withIdempotency(
        deps,
        {
          key: c.req.header("idempotency-key"),
          userId: user.id,
          route: `POST /v1/groups/${scope.groupId}/contracts`,
        },
        async () => {
          const contract = await createContract(deps, user, scope, c.req.valid("json"), ja);
          const now = deps.now();
          const warnings = createdContractWarnings(contract, now, ja);
          return { status: 201, body: { ...serializeContract(contract, null, now), warnings } };
        },
      );
      return c.json(answer.body, 201);
    })
    .openapi(listForGroup, async (c) =>
      c.json(
        await listContracts(c.var.deps, { groupId: accessOf(c).groupId ?? "" }, accessOf(c).roles),
        200,
      ),
    )
    .openapi(listMine, async (c) =>
      c.json(
        await listContracts(c.var.deps, { partnerUserId: currentUser(c).id }, ["partner"]),
        200,
      ),
    )
    .openapi(show, async (c) => {
      const access = accessOf(c);
      const deps = c.var.deps;
      const contract = targetContract(c);
      const orders = await listOrders(deps, contract.id, access.roles);
      const version = await latestConditions(deps, contract.id);
      return c.json(
        {
          ...serializeContract(contract, orders[0]?.status ?? null, deps.now()),
          conditions: {
            version: version.version,
            effectiveFrom: version.effectiveFrom,
            costCategories: version.costCategories,
          },
          orders: orders.map((o) => serializeOrder(o)),
        },
        200,
      );
    })
    .openapi(conditions, async (c) => {
      const ja = localeFrom(c.req.header("accept-language")) === "ja";
      const deps = c.var.deps;
      const contract = targetContract(c);
      const order = await changeConditions(deps, currentUser(c), contract, c.req.valid("json"), ja);
      return c.json(serializeOrder(order), 201);
    })
    .openapi(newOrder, async (c) => {
      const deps = c.var.deps;
      const contract = targetContract(c);
      const version = await latestConditions(deps, contract.id);
      const order = await createDraftOrder(deps, contract, version.id, c.req.valid("json"));
      return c.json(serializeOrder(order), 201);
    });
}
