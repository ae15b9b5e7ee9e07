import { z } from "@hono/zod-openapi";
import { callerOf } from "../companies/groupScope";
import { accessOf } from "../companies/routes";
import { companyIdParam } from "../companies/schemas";
import { anyObject, historyQuery } from "../contracts/schemas";
import { denied, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { historyKeyOf } from "../platform/history";
import { historyHead, verifyHistory } from "../platform/historyHead";
import { receiptQuery, receiptSchema, verdictSchema } from "./historySchemas";
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
  summary:
    "Check the keyed hash chain of the company's history, and that it still reaches a receipt the company kept; names every row that does not hold",
  request: { params: companyIdParam, query: receiptQuery },
  responses: {
    200: ok("The verdict, and the current head to keep as the next receipt", verdictSchema),
    ...denied,
    422: errorResponse("A receipt whose signature does not hold"),
    503: errorResponse("No HISTORY_KEY configured"),
  },
});

const head = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/history/head",
  operationId: "getCompanyHistoryHead",
  tags: ["History"],
  summary:
    "The chain's head signed as a receipt: keep it outside Shimebi, give it to verify later to prove no row was removed or rewritten since",
  request: { params: companyIdParam },
  responses: {
    200: ok("The signed head", receiptSchema),
    ...denied,
    409: errorResponse("The chain does not hold: no head is signed for it"),
    503: errorResponse("No HISTORY_KEY configured"),
  },
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
    .openapi(verify, async (c) => {
      const { sequence, events, hash, signature } = c.req.valid("query");
      const receipt =
        sequence !== undefined && events !== undefined && hash && signature
          ? { sequence, events, hash: hash.toLowerCase(), signature }
          : undefined;
      const key = historyKeyOf(c.var.deps);
      return c.json(await verifyHistory(c.var.deps.db, key, accessOf(c).companyId, receipt), 200);
    })
    .openapi(head, async (c) =>
      c.json(
        await historyHead(c.var.deps.db, historyKeyOf(c.var.deps), accessOf(c).companyId),
        200,
      ),
    );
}
