import { pdfResponses, sendPdf } from "../http/pdfResponse";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { BOTH_KINDS, invoiceOf } from "./access";
import { reportLayoutOf } from "./layoutOf";
import { invoiceIdParam } from "./schemas";
import { documentOf } from "./service";

// The business report (業務報告書) as PDF, drawn by the same module as the invoice PDF.

const reportPdf = defineRoute({
  method: "get",
  path: "/v1/invoices/{invoiceId}/report.pdf",
  operationId: "getBusinessReportPdf",
  tags: ["Invoices"],
  summary: "The business report (業務報告書): the month's entries and totals, PDF",
  request: { params: invoiceIdParam },
  responses: pdfResponses,
});

export function businessReportPdfRoutes() {
  return createRouter().openapi(reportPdf, async (c) => {
    const invoice = await invoiceOf(c, BOTH_KINDS);
    const document = await documentOf(c.var.deps, invoice);
    const layout = reportLayoutOf(invoice, document);
    return (await sendPdf(c, layout, `業務報告書_${document.month}.pdf`)) as never;
  });
}
