import { z } from "@hono/zod-openapi";
import { accessOf } from "../companies/routes";
import { companyIdParam } from "../companies/schemas";
import { denied } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { journalQuerySchema } from "./schemas";
import { journalCsv } from "./service";

const journal = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/exports/journal.csv",
  operationId: "exportCompanyJournalCsv",
  tags: ["Accounting exports"],
  summary:
    "仕訳 of the approved invoices and accepted payment notices whose transaction date is in the range, in the vendor's import layout (Shift_JIS, CRLF), with the accounts of the company's settings",
  request: { params: companyIdParam, query: journalQuerySchema },
  responses: {
    200: {
      description: "Shift_JIS CSV; X-Journal-Entries says how many documents it holds",
      content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...denied,
    422: errorResponse(
      "An unknown vendor, a date that is not one, or a range ending before it starts",
    ),
  },
});

export function exportRoutes() {
  return createRouter().openapi(journal, async (c) => {
    const made = await journalCsv(c.var.deps, accessOf(c).companyId, c.req.valid("query"));
    return c.body(made.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "text/csv; charset=Shift_JIS",
      "content-disposition": `attachment; filename="${made.filename}"`,
      "x-journal-entries": String(made.entries),
      "cache-control": "private, no-store",
    }) as never;
  });
}
