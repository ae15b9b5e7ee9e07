import { z } from "@hono/zod-openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { bankCodeParam, zenginEntrySchema, zenginSearchQuery } from "./schemas";
import { searchBanks, searchBranches } from "./service";

const results = {
  description: "At most 50 matches, best first, then in code order",
  content: { "application/json": { schema: z.array(zenginEntrySchema) } },
};

const banks = defineRoute({
  method: "get",
  path: "/v1/banks",
  operationId: "listBanks",
  tags: ["Bank accounts"],
  summary: "Search banks (金融機関) of the Zengin list by code, name or kana",
  request: { query: zenginSearchQuery },
  responses: { 200: results, 401: errorResponse("Not signed in") },
});

const branches = defineRoute({
  method: "get",
  path: "/v1/banks/{bankCode}/branches",
  operationId: "listBankBranches",
  tags: ["Bank accounts"],
  summary: "Search a bank's branches (支店) by code, name or kana",
  request: { params: bankCodeParam, query: zenginSearchQuery },
  responses: {
    200: results,
    401: errorResponse("Not signed in"),
    404: errorResponse("No bank with that code in the Zengin list"),
  },
});

export function bankRoutes() {
  return createRouter()
    .openapi(banks, async (c) => c.json(await searchBanks(c.req.valid("query").q), 200))
    .openapi(branches, async (c) =>
      c.json(await searchBranches(c.req.valid("param").bankCode, c.req.valid("query").q), 200),
    );
}
