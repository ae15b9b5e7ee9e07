import { z } from "@hono/zod-openapi";
import { callerOf } from "../companies/groupScope";
import { accessOf } from "../companies/routes";
import { companyIdParam } from "../companies/schemas";
import { anyObject, historyQuery } from "../contracts/schemas";
import { denied, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { verifyHistory } from "../platform/history";
import { searchHistory } from "./historySearch";

const search = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/history",
  operationId: "listCompanyHistory",
  tags: ["History"],
  summary:
    "Every send, approval, return and acceptance, searchable by date, amount and counterparty (電子帳簿保存法)",
  request: { params: companyIdParam, query: historyQuery },
  responses: {
    200: ok("Events, oldest first", z.array(anyObject)),
    ...denied,
    422: errorResponse("Bad filter"),
  },
});

const verify = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/history/verify",
  operationId: "verifyCompanyHistory",
  tags: ["History"],
  summary: "Check the hash chain of the company's history; names every row that does not hold",
  request: { params: companyIdParam },
  responses: { 200: ok("The verdict", anyObject), ...denied },
});

export function historyRoutes() {
  return createRouter()
    .openapi(search, async (c) => {
      const rows = await searchHistory(c.var.deps.db, callerOf(c), c.req.valid("query"));
      return c.json(
        rows.map((row) => ({
          ...row,
          details: JSON.parse(row.details) as Record<string, unknown>,
        })),
        200,
      );
    })
    .openapi(verify, async (c) =>
      c.json(await verifyHistory(c.var.deps.db, accessOf(c).companyId), 200),
    );
}
