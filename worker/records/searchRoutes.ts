import { z } from "@hono/zod-openapi";
import { SENT_INVOICE_STATUSES } from "../../shared";
import { callerOf } from "../companies/groupScope";
import { companyIdParam } from "../companies/schemas";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { words } from "../http/zodWords";
import { documentsCsv, searchDocuments } from "./search";

// 電子帳簿保存法: search and export of the company's stored invoices and payment notices.

const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}$/,
    words(
      "Give the date as YYYY-MM-DD, such as 2025-08-25",
      "日付は YYYY-MM-DD の形で入力してください（例: 2025-08-25）",
    ),
  );
const wholeYen = words(
  "Give the amount as a whole number of yen",
  "金額は円単位の整数で入力してください",
);
const amount = z.coerce
  .number({ message: wholeYen })
  .int(wholeYen)
  .min(0, words("The amount cannot be negative", "金額はマイナスにできません"))
  .max(Number.MAX_SAFE_INTEGER);

const filters = z.object({
  from: isoDate.optional().openapi({
    description: "Transaction date (the working month's closing date) on or after",
  }),
  to: isoDate.optional().openapi({ description: "Transaction date on or before" }),
  minAmount: amount.optional().openapi({ description: "Total (税込) at least, yen" }),
  maxAmount: amount.optional().openapi({ description: "Total (税込) at most, yen" }),
  counterparty: z.string().trim().min(1).max(200).optional().openapi({
    description: "Part of the partner's name or email, any case",
  }),
  kind: z.enum(["invoice", "paymentNotice"]).optional(),
  status: z.enum(SENT_INVOICE_STATUSES).optional(),
});

const listQuery = filters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(300).optional(),
});

const documentRow = z
  .object({
    id: z.string(),
    kind: z.enum(["invoice", "paymentNotice"]),
    number: z.string().nullable(),
    status: z.string(),
    workingMonth: z.string(),
    transactionDate: z.string(),
    total: z.number().int(),
    counterparty: z.string(),
    contractTitle: z.string(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    contentHash: z.string().nullable(),
  })
  .openapi("StoredDocument");

const denied = {
  401: errorResponse("Not signed in"),
  403: errorResponse("Role not allowed"),
  404: errorResponse("Not found or not yours"),
  422: errorResponse("Every field at fault"),
};
const TAGS = ["Documents"];

const list = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/documents",
  operationId: "searchCompanyDocuments",
  tags: TAGS,
  summary:
    "Search stored invoices and payment notices (電子帳簿保存法): date, amount, counterparty",
  request: { params: companyIdParam, query: listQuery },
  responses: {
    200: {
      description: "A page of documents, newest transaction date first",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(documentRow), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...denied,
  },
});

const csv = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/documents.csv",
  operationId: "exportCompanyDocumentsCsv",
  tags: TAGS,
  summary: "Every document the same filters match, as CSV (UTF-8 with BOM)",
  request: { params: companyIdParam, query: filters },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...denied,
  },
});

// An export is the whole result, not a page; still one query.
const EXPORT_LIMIT = 1_000_000;

export function documentSearchRoutes() {
  return createRouter()
    .openapi(list, async (c) =>
      c.json(await searchDocuments(c.var.deps, callerOf(c), c.req.valid("query")), 200),
    )
    .openapi(csv, async (c) => {
      const query = { ...c.req.valid("query"), limit: EXPORT_LIMIT };
      const { items } = await searchDocuments(c.var.deps, callerOf(c), query);
      const day = c.var.deps.now().toISOString().slice(0, 10);
      return c.body(documentsCsv(items), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="documents-${day}.csv"`,
        "cache-control": "private, no-store",
      }) as never;
    });
}
