import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { accessOf } from "../companies/routes";
import { companyIdParam } from "../companies/schemas";
import { currentUser } from "../http/auth";
import { localeFrom } from "../http/locale";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { type AppEnv, createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { runFile } from "./file";
import { sayIn } from "./rules";
import {
  failedItemSchema,
  itemParams,
  newRunSchema,
  paymentItemSchema,
  runParams,
  runSchema,
  runSummarySchema,
} from "./schemas";
import { createRun, getRun, listRuns, runLines, serializeRun } from "./service";
import { markItemFailed, markRunPaid } from "./settle";

const TAGS = ["Payments"];
const base = "/v1/companies/{companyId}/payment-runs";

const list = defineRoute({
  method: "get",
  path: base,
  operationId: "listPaymentRuns",
  tags: TAGS,
  summary: "The company's payment runs, newest payment date first",
  request: { params: companyIdParam },
  responses: { 200: ok("Runs", z.array(runSummarySchema)), ...denied },
});

const create = defineRoute({
  method: "post",
  path: base,
  operationId: "createPaymentRun",
  tags: TAGS,
  summary:
    "Gather the approved invoices and accepted payment notices due on a date (after the bank-holiday move) and the transfers that failed before; asking again adds what fell due since",
  request: { params: companyIdParam, body: { required: true, ...json(newRunSchema) } },
  responses: {
    200: ok("The run", runSchema),
    ...denied,
    422: errorResponse("Not a bank business day, or nothing due"),
  },
});

const show = defineRoute({
  method: "get",
  path: `${base}/{runId}`,
  operationId: "getPaymentRun",
  tags: TAGS,
  summary: "A run: its items, the transfer file's count and total, overseas payees, problems",
  request: { params: runParams },
  responses: { 200: ok("The run", runSchema), ...denied },
});

const file = defineRoute({
  method: "get",
  path: `${base}/{runId}/zengin`,
  operationId: "exportPaymentRunZengin",
  tags: TAGS,
  summary:
    "The 全銀協 総合振込 file (120-byte records, Shift_JIS) of the run's pending domestic transfers",
  request: { params: runParams },
  responses: {
    200: {
      description: "Shift_JIS text",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...denied,
    409: errorResponse("Nothing left to transfer"),
    422: errorResponse("Payee data to correct, or transfer settings missing"),
  },
});

const paid = defineRoute({
  method: "post",
  path: `${base}/{runId}/paid`,
  operationId: "markPaymentRunPaid",
  tags: TAGS,
  summary: "Mark the run paid: every pending item is recorded as paid in the history",
  request: { params: runParams },
  responses: { 200: ok("The run", runSchema), ...denied },
});

const failed = defineRoute({
  method: "post",
  path: `${base}/{runId}/items/{itemId}/failed`,
  operationId: "markPaymentFailed",
  tags: TAGS,
  summary: "The bank reported this transfer failed: recorded, and the next run pays it again",
  request: { params: itemParams, body: { required: true, ...json(failedItemSchema) } },
  responses: {
    200: ok("The item", paymentItemSchema),
    ...denied,
    409: errorResponse("Changed meanwhile"),
  },
});

const sayOf = (c: Context<AppEnv>) => sayIn(localeFrom(c.req.header("accept-language")));

async function answer(c: Context<AppEnv>, runId: string) {
  const run = await getRun(c.var.deps, accessOf(c).companyId, runId);
  return serializeRun(run, await runLines(c.var.deps, run, sayOf(c)));
}

export function paymentRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const runs = await listRuns(c.var.deps, accessOf(c).companyId);
      return c.json(
        runs.map((run) => ({
          id: run.id,
          paymentDate: run.paymentDate,
          status: run.status,
          paidAt: run.paidAt?.toISOString() ?? null,
          createdAt: run.createdAt.toISOString(),
        })),
        200,
      );
    })
    .openapi(create, async (c) => {
      const { paymentDate } = c.req.valid("json");
      const run = await createRun(
        c.var.deps,
        currentUser(c),
        accessOf(c).companyId,
        paymentDate,
        sayOf(c),
      );
      return c.json(await answer(c, run.id), 200);
    })
    .openapi(show, async (c) => c.json(await answer(c, c.req.valid("param").runId), 200))
    .openapi(file, async (c) => {
      const run = await getRun(c.var.deps, accessOf(c).companyId, c.req.valid("param").runId);
      const made = await runFile(c.var.deps, run, sayOf(c));
      return c.body(made.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename="${made.filename}"`,
        "x-transfer-count": String(made.count),
        "x-transfer-total": String(made.total),
        "cache-control": "private, no-store",
      }) as never;
    })
    .openapi(paid, async (c) => {
      const run = await getRun(c.var.deps, accessOf(c).companyId, c.req.valid("param").runId);
      await markRunPaid(c.var.deps, currentUser(c), run);
      return c.json(await answer(c, run.id), 200);
    })
    .openapi(failed, async (c) => {
      const { runId, itemId } = c.req.valid("param");
      const run = await getRun(c.var.deps, accessOf(c).companyId, runId);
      const item = await markItemFailed(
        c.var.deps,
        currentUser(c),
        run,
        itemId,
        c.req.valid("json").reason,
        sayOf(c),
      );
      return c.json(
        {
          id: item.id,
          status: item.status,
          failureReason: item.failureReason,
          amount: item.amount,
        },
        200,
      );
    });
}
