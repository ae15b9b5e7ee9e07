import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { ApiError } from "../errors";
import { defineRoute } from "../lib/route";
import type { AppEnv } from "../lib/router";
import { createRouter } from "../lib/router";
import { errorResponse } from "../schemas/common";
import { orderIdParam } from "../schemas/contracts";
import { invoiceIdParam } from "../schemas/invoices";
import { documentOf } from "../services/invoices";
import { type OrderDocument, orderPdfLayout } from "../services/orderPdf";
import { documentFor, getOrder, visibleTo } from "../services/orders";
import { type PdfLayout, renderPdf } from "../services/pdf";
import { fontsOf } from "../services/pdfFont";
import { reportPdfLayout } from "../services/reportPdf";
import { accessOf } from "./companies";
import { BOTH_KINDS, invoiceOf } from "./invoiceAccess";

// The purchase order (発注書) and the business report (業務報告書) as PDF, drawn by the same
// module as the invoice PDF (documentsPdf.ts).

const pdfResponses = {
  200: {
    description: "The PDF",
    content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
  },
  401: errorResponse("Not signed in"),
  403: errorResponse("Role not allowed"),
  404: errorResponse("Not found or not yours"),
  503: errorResponse("No font configured for PDF documents"),
};

const orderPdf = defineRoute({
  method: "get",
  path: "/v1/orders/{orderId}/document.pdf",
  operationId: "getOrderPdf",
  tags: ["Purchase orders"],
  summary: "The purchase order (発注書), PDF",
  description:
    "As sent; a draft or returned order as it would be sent now. Partners never see drafts.",
  request: { params: orderIdParam },
  responses: pdfResponses,
});

const reportPdf = defineRoute({
  method: "get",
  path: "/v1/invoices/{invoiceId}/report.pdf",
  operationId: "getBusinessReportPdf",
  tags: ["Invoices"],
  summary: "The business report (業務報告書): the month's entries and totals, PDF",
  request: { params: invoiceIdParam },
  responses: pdfResponses,
});

async function sendPdf(c: Context<AppEnv>, layout: PdfLayout, name: string) {
  const deps = c.var.deps;
  const bytes = await renderPdf(layout, { font: await fontsOf(deps)(), now: deps.now() });
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": "application/pdf",
    "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
    "cache-control": "private, no-store",
  });
}

export function morePdfRoutes() {
  return createRouter()
    .openapi(orderPdf, async (c) => {
      const access = accessOf(c);
      const order = await getOrder(c.var.deps, access.orderId ?? "");
      // Same rule as the HTML route: a draft does not exist for the partner.
      if (!visibleTo(order, access.roles))
        throw new ApiError(404, "not_found", "No such purchase order");
      const document = (await documentFor(c.var.deps, order)) as OrderDocument;
      const layout = orderPdfLayout(
        { ...document, confirmation: order.confirmation ?? undefined },
        order,
      );
      return (await sendPdf(c, layout, `発注書_${order.number}.pdf`)) as never;
    })
    .openapi(reportPdf, async (c) => {
      const invoice = await invoiceOf(c, BOTH_KINDS);
      const document = await documentOf(c.var.deps, invoice);
      const layout = reportPdfLayout(document, invoice.status);
      return (await sendPdf(c, layout, `業務報告書_${document.month}.pdf`)) as never;
    });
}
