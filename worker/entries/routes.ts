import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { targetContract } from "../http/auth";
import { localeFrom } from "../http/locale";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import type { AppEnv } from "../http/router";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { entriesCsv, estimateFor, reportFor } from "./estimate";
import { monthRules } from "./rules";
import {
  contractMonthParams,
  entryInputSchema,
  entryParams,
  entrySchema,
  estimateSchema,
  monthRulesSchema,
  monthSyncSchema,
  reportSchema,
  syncResultSchema,
} from "./schemas";
import { createEntry, deleteEntry, listMonthEntries, updateEntry } from "./service";
import { syncMonth } from "./sync";

// 業務登録 (work entries), the estimate, the CSV export and the business report's status.

const refused = {
  409: errorResponse("No approved order covers the month, or its invoice is submitted"),
  422: errorResponse("Every field at fault, with its path and a message"),
};
const TAGS = ["Work entries"];

const contractOf = targetContract;
const localeOf = (c: Context<AppEnv>) => localeFrom(c.req.header("accept-language"));

const list = defineRoute({
  method: "get",
  path: "/v1/contracts/{contractId}/months/{month}/entries",
  operationId: "listMonthEntries",
  tags: TAGS,
  summary: "The working month's entries (業務登録)",
  request: { params: contractMonthParams },
  responses: { 200: ok("The entries by date", z.array(entrySchema)), ...denied, ...refused },
});

const sync = defineRoute({
  bodyLimit: "month",
  method: "put",
  path: "/v1/contracts/{contractId}/months/{month}/entries",
  operationId: "syncMonthEntries",
  tags: TAGS,
  summary: "Replace the working month's entries from a timesheet (the add-on's sync)",
  description:
    "All or nothing and idempotent: rows are matched by clientRowId, entries of the month not sent are deleted, every bad row is reported at rows.N.field.",
  request: {
    params: contractMonthParams,
    body: { required: true, ...json(monthSyncSchema) },
  },
  responses: {
    200: ok("Entry ids by row, and the new estimate", syncResultSchema),
    ...denied,
    ...refused,
  },
});

const create = defineRoute({
  method: "post",
  path: "/v1/contracts/{contractId}/entries",
  operationId: "createEntry",
  tags: TAGS,
  summary: "Record one entry",
  request: {
    params: entryParams.pick({ contractId: true }),
    body: { required: true, ...json(entryInputSchema) },
  },
  responses: { 201: ok("Recorded", entrySchema), ...denied, ...refused },
});

const edit = defineRoute({
  method: "put",
  path: "/v1/contracts/{contractId}/entries/{entryId}",
  operationId: "updateEntry",
  tags: TAGS,
  summary: "Replace one entry",
  request: { params: entryParams, body: { required: true, ...json(entryInputSchema) } },
  responses: { 200: ok("Updated", entrySchema), ...denied, ...refused },
});

const remove = defineRoute({
  method: "delete",
  path: "/v1/contracts/{contractId}/entries/{entryId}",
  operationId: "deleteEntry",
  tags: TAGS,
  summary: "Delete one entry",
  request: { params: entryParams },
  responses: { 204: { description: "Deleted" }, ...denied, ...refused },
});

const estimate = defineRoute({
  method: "get",
  path: "/v1/contracts/{contractId}/months/{month}/estimate",
  operationId: "getMonthEstimate",
  tags: TAGS,
  summary: "The estimated invoice (概算請求額): settled hours, lines, excess or deduction, totals",
  request: { params: contractMonthParams },
  responses: { 200: ok("The engine's quote for the month", estimateSchema), ...denied, ...refused },
});

const csv = defineRoute({
  method: "get",
  path: "/v1/contracts/{contractId}/months/{month}/entries.csv",
  operationId: "exportMonthEntriesCsv",
  tags: TAGS,
  summary: "The month's entries as CSV (UTF-8 with BOM), quasi-mandate contracts only",
  request: { params: contractMonthParams },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...denied,
    ...refused,
  },
});

const report = defineRoute({
  method: "get",
  path: "/v1/contracts/{contractId}/months/{month}/report",
  operationId: "getMonthReport",
  tags: TAGS,
  summary: "The business report (業務報告書) of the month: status, entries, estimate",
  request: { params: contractMonthParams },
  responses: { 200: ok("The report", reportSchema), ...denied, ...refused },
});

const rules = defineRoute({
  method: "get",
  path: "/v1/contracts/{contractId}/months/{month}/rules",
  operationId: "getMonthRules",
  tags: TAGS,
  summary: "What a month's entries are checked against: the add-on's offline check",
  description:
    "The contract period, the month's days inside it, the quote request of the month without entries (conditions in force, the partner's tax status) and why entries cannot be written now, if they cannot. Checking entries with the engine's monthEntryIssues over this request refuses exactly what the sync refuses.",
  request: { params: contractMonthParams },
  responses: { 200: ok("The month's rules", monthRulesSchema), ...denied, ...refused },
});

export function entryRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const contract = await contractOf(c);
      return c.json(
        await listMonthEntries(c.var.deps.db, contract, c.req.valid("param").month),
        200,
      );
    })
    .openapi(rules, async (c) => {
      const contract = await contractOf(c);
      const { month } = c.req.valid("param");
      return c.json(await monthRules(c.var.deps.db, contract, month, localeOf(c)), 200);
    })
    .openapi(sync, async (c) => {
      const contract = await contractOf(c);
      const { month } = c.req.valid("param");
      const result = await syncMonth(
        c.var.deps,
        contract,
        month,
        c.req.valid("json").rows,
        localeOf(c),
      );
      return c.json(result, 200);
    })
    .openapi(create, async (c) => {
      const contract = await contractOf(c);
      return c.json(await createEntry(c.var.deps, contract, c.req.valid("json"), localeOf(c)), 201);
    })
    .openapi(edit, async (c) => {
      const contract = await contractOf(c);
      const { entryId } = c.req.valid("param");
      const entry = await updateEntry(
        c.var.deps,
        contract,
        entryId,
        c.req.valid("json"),
        localeOf(c),
      );
      return c.json(entry, 200);
    })
    .openapi(remove, async (c) => {
      await deleteEntry(c.var.deps, await contractOf(c), c.req.valid("param").entryId);
      return c.body(null, 204);
    })
    .openapi(estimate, async (c) => {
      const contract = await contractOf(c);
      return c.json(await estimateFor(c.var.deps.db, contract, c.req.valid("param").month), 200);
    })
    .openapi(csv, async (c) => {
      const { month } = c.req.valid("param");
      const text = await entriesCsv(c.var.deps.db, await contractOf(c), month);
      return c.body(text, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="entries-${month}.csv"`,
      });
    })
    .openapi(report, async (c) => {
      const contract = await contractOf(c);
      return c.json(await reportFor(c.var.deps.db, contract, c.req.valid("param").month), 200);
    });
}
