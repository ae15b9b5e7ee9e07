import { orderIdParam } from "../contracts/schemas";
import { targetOrder } from "../http/auth";
import { pdfResponses, sendPdf } from "../http/pdfResponse";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { documentFor } from "./drafts";
import { type OrderDocument, orderLayout } from "./layout";

// The purchase order (発注書) as PDF, drawn by the same module as the invoice PDF
// (invoices/pdfRoutes.ts).

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

export function orderPdfRoutes() {
  return createRouter().openapi(orderPdf, async (c) => {
    // As authorization loaded it: a draft does not exist for the partner.
    const order = targetOrder(c);
    const document = (await documentFor(c.var.deps, order)) as OrderDocument;
    const layout = orderLayout(
      { ...document, confirmation: order.confirmation ?? undefined },
      order,
    );
    return (await sendPdf(c, layout, `発注書_${order.number}.pdf`)) as never;
  });
}
