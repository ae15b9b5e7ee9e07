import { z } from "@hono/zod-openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { renderDocumentPdf } from "../platform/documentPdf";
import { BOTH_KINDS, invoiceOf } from "./access";
import { documentFileName, documentLayoutOf } from "./layoutOf";
import { invoiceIdParam } from "./schemas";
import { documentOf } from "./service";

// Documents as PDF (A4, Japanese text embedded): what is printed, filed or mailed.

const invoicePdf = defineRoute({
  method: "get",
  path: "/v1/invoices/{invoiceId}/document.pdf",
  operationId: "getInvoicePdf",
  tags: ["Invoices"],
  summary:
    "The invoice as a qualified invoice (適格請求書), or the payment notice (支払通知書), PDF",
  description:
    "Drawn from the document as submitted, or, for a draft or returned invoice, as it would be submitted now.",
  request: { params: invoiceIdParam },
  responses: {
    200: {
      description: "The PDF",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    401: errorResponse("Not signed in"),
    403: errorResponse("Role not allowed"),
    404: errorResponse("Not found or not yours"),
    503: errorResponse("No font configured for PDF documents"),
  },
});

export function documentPdfRoutes() {
  return createRouter().openapi(invoicePdf, async (c) => {
    const deps = c.var.deps;
    const invoice = await invoiceOf(c, BOTH_KINDS);
    const document = await documentOf(deps, invoice);
    const bytes = await renderDocumentPdf(deps, documentLayoutOf(invoice, document));
    const name = documentFileName(invoice, document);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    }) as never;
  });
}
