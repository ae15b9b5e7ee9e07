import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { accessOf } from "../companies/routes";
import { ApiError } from "../http/errors";
import { localeFrom } from "../http/locale";
import { denied, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { type AppEnv, createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { fontsOf } from "../platform/pdfFont";
import { annualStatements, requirePayer, STATEMENT_THRESHOLD } from "./annualStatement";
import { statementsCsv, statementsPdf, statementTitle } from "./annualStatementDocument";
import { annualStatementsSchema, yearParams } from "./annualStatementSchemas";
import { sayIn } from "./rules";

// 支払調書 for a calendar year: the figures as JSON (with who was left out and why), the
// statements as PDF and as CSV.

const TAGS = ["Payments"];
const base = "/v1/companies/{companyId}/annual-statements/{year}";

const show = defineRoute({
  method: "get",
  path: base,
  operationId: "getAnnualPaymentStatements",
  tags: TAGS,
  summary:
    "The year's 報酬、料金、契約金及び賞金の支払調書: one per payee subject to it, the payees left out and why, and what to fill in first",
  request: { params: yearParams },
  responses: {
    200: ok("Statements", annualStatementsSchema),
    ...denied,
    422: errorResponse("Not a year the form can be made for"),
  },
});

const pdf = defineRoute({
  method: "get",
  path: `${base}/statements.pdf`,
  operationId: "getAnnualPaymentStatementsPdf",
  tags: TAGS,
  summary: "The year's 支払調書 as PDF, one payee a page, in the order of the NTA's form",
  request: { params: yearParams },
  responses: {
    200: {
      description: "The PDF",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...denied,
    422: errorResponse("Not a year, no payer set, or nobody to report"),
    503: errorResponse("No font configured for PDF documents"),
  },
});

const csv = defineRoute({
  method: "get",
  path: `${base}/statements.csv`,
  operationId: "exportAnnualPaymentStatementsCsv",
  tags: TAGS,
  summary:
    "The year's 支払調書 as CSV (UTF-8 with BOM, a header row), one row per 区分 of each payee, headed by the items of the NTA's 記録要領 for form 309; to check and carry into 法定調書 software, not an e-Tax submission file",
  request: { params: yearParams },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...denied,
    422: errorResponse("Not a year, no payer set, or nobody to report"),
  },
});

const sayOf = (c: Context<AppEnv>) => sayIn(localeFrom(c.req.header("accept-language")));

/** The statements to print: a payer set and at least one payee, else a 422 saying why. */
async function printable(c: Context<AppEnv>, year: number) {
  const say = sayOf(c);
  const result = await annualStatements(c.var.deps, accessOf(c).companyId, year, say);
  const payer = requirePayer(result, say);
  if (result.statements.length === 0) {
    const message = say(
      `${year}年に支払調書の提出対象となる支払先はありません`,
      `Nobody paid in ${year} is to be reported on a statement`,
    );
    throw new ApiError(422, "no_statements", message, [
      { path: "year", message },
      ...result.excluded.map((e, i) => ({
        path: `excluded.${i}`,
        message: `${e.name}: ${e.message}`,
      })),
    ]);
  }
  return { ...result, payer };
}

export function annualStatementRoutes() {
  return createRouter()
    .openapi(show, async (c) => {
      const year = Number(c.req.valid("param").year);
      const result = await annualStatements(c.var.deps, accessOf(c).companyId, year, sayOf(c));
      return c.json(
        { ...result, title: statementTitle(year), threshold: STATEMENT_THRESHOLD },
        200,
      );
    })
    .openapi(pdf, async (c) => {
      const year = Number(c.req.valid("param").year);
      const result = await printable(c, year);
      const deps = c.var.deps;
      const bytes = await statementsPdf(result, {
        font: await fontsOf(deps)(),
        now: deps.now(),
      });
      const name = `支払調書_${year}.pdf`;
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "private, no-store",
      }) as never;
    })
    .openapi(csv, async (c) => {
      const year = Number(c.req.valid("param").year);
      const result = await printable(c, year);
      return c.body(statementsCsv(result), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="shiharai-chosho-${year}.csv"`,
        "cache-control": "private, no-store",
      }) as never;
    });
}
