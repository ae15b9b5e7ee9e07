import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { accessOf } from "../companies/routes";
import { groupIdParam } from "../companies/schemas";
import { currentUser } from "../http/auth";
import { validationHook } from "../http/errorHandler";
import { localeFrom } from "../http/locale";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { type AppEnv, createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { idempotencyHeader } from "../invoices/schemas";
import { serializeOrder } from "../orders/drafts";
import { withIdempotency } from "../platform/idempotency";
import { checkedRows, createContracts, existingTwins } from "./bulk";
import { serializeContract } from "./list";
import { createdContractWarnings } from "./rules";
import {
  bulkContractsBodySchema,
  bulkContractsQuery,
  bulkContractsSchema,
  MAX_BULK_CONTRACTS,
} from "./schemas";

const bulk = defineRoute({
  method: "post",
  path: "/v1/groups/{groupId}/contracts/bulk",
  operationId: "createContracts",
  tags: ["Contracts"],
  summary: "Create many contracts at once, all or none; `dryRun=true` only checks them",
  description:
    "Each row is checked by exactly the rules of creating one contract. When any row has a problem, nothing is created and the 422 names every problem of every row at `rows.{index}.{field}`. Otherwise every contract is created, each with its purchase order drafted (as `POST /v1/contracts/{id}/orders` would), in one transaction; `warnings` as for one contract. With `dryRun=true` the same checks answer 200 and nothing is stored. Honours Idempotency-Key.",
  request: {
    params: groupIdParam,
    query: bulkContractsQuery,
    headers: idempotencyHeader,
    body: { required: true, ...json(bulkContractsBodySchema) },
  },
  responses: {
    200: ok("Dry run: every row would be created", bulkContractsSchema),
    201: ok("Created, in the order of the rows", bulkContractsSchema),
    ...denied,
    422: errorResponse("Every problem of every row; nothing was created"),
  },
  // 200 contracts of up to ~5,000 characters each: more than a form's 256 KiB.
  bodyLimit: "month",
});

const scopeOf = (c: Context<AppEnv>) => {
  const access = accessOf(c);
  return { companyId: access.companyId, groupId: access.groupId ?? "" };
};

const rowsOf = (data: unknown): unknown[] | null => {
  const rows = (data as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) && rows.length > 0 && rows.length <= MAX_BULK_CONTRACTS ? rows : null;
};

export function bulkContractRoutes() {
  return createRouter().openapi(
    bulk,
    async (c) => {
      const deps = c.var.deps;
      const locale = localeFrom(c.req.header("accept-language"));
      const ja = locale === "ja";
      const scope = scopeOf(c);
      const { rows } = c.req.valid("json");
      const checked = await checkedRows(deps, scope, rows, locale);
      const twins = await existingTwins(deps, scope, checked, ja);
      const now = deps.now();
      const warningsOf = (contract: Parameters<typeof createdContractWarnings>[0], i: number) => [
        ...createdContractWarnings(contract, now, ja),
        ...(twins[i] ?? []),
      ];
      if (c.req.valid("query").dryRun === "true") {
        const answer = checked.map(({ input }, index) => ({
          index,
          contract: null,
          order: null,
          warnings: warningsOf(input, index),
        }));
        return c.json({ dryRun: true, rows: answer }, 200);
      }
      const user = currentUser(c);
      const answer = await withIdempotency(
        deps,
        {
          key: c.req.header("idempotency-key"),
          userId: user.id,
          route: `POST /v1/groups/${scope.groupId}/contracts/bulk`,
        },
        async () => {
          const made = await createContracts(deps, user, scope, checked);
          const body = {
            dryRun: false,
            rows: made.map(({ contract, order }, index) => ({
              index,
              contract: serializeContract(contract, order.status, now),
              order: serializeOrder(order),
              warnings: warningsOf(contract, index),
            })),
          };
          return { status: 201, body };
        },
      );
      return c.json(answer.body, 201);
    },
    // A row failing the body's schema must not hide the other rows' problems: check them all.
    (result, c) => (result.success ? undefined : refuseEveryRow(result, c)),
  );
}

/** The refusal of a body that failed its schema: every row's problems, else the schema's. */
async function refuseEveryRow(
  result: { target: string; success: false; error: z.ZodError },
  c: Context<AppEnv>,
): Promise<never> {
  const rows = result.target === "json" ? rowsOf((result as { data?: unknown }).data) : null;
  if (rows) {
    const locale = localeFrom(c.req.header("accept-language"));
    await checkedRows(c.var.deps, scopeOf(c), rows, locale);
  }
  validationHook(result, c);
  throw new Error("validationHook accepted a failed validation");
}
