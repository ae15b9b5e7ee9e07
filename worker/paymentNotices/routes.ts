import { accessOf } from "../companies/routes";
import { currentUser, targetInvoice } from "../http/auth";
import { localeFrom } from "../http/locale";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { serializeInvoice } from "../invoices/present";
import {
  contractMonthParams,
  invoiceIdParam,
  invoiceInputSchema,
  invoiceSchema,
  returnInvoiceSchema,
} from "../invoices/schemas";
import { answerPaymentNotice } from "./answers";
import { sendOrRequestNoticeApproval } from "./approval";

// 支払通知書: the company sends, the partner accepts or returns. Reading a notice goes through
// the invoices' GET routes (JSON, HTML and PDF), since both live in the same table; the
// partner finds them in GET /v1/me/invoices beside their invoices.

const refused = {
  409: errorResponse("Not possible in the contract's billing mode or the notice's status"),
  422: errorResponse("Every field at fault"),
};
const TAGS = ["Payment notices"];

const noticeInputSchema = invoiceInputSchema
  .pick({ extraItems: true, expenses: true, withholding: true, dueDate: true, remarks: true })
  .openapi("PaymentNoticeInput", {
    description:
      "支払通知書: what the company adds to the month's entries. Withholding (源泉徴収) defaults to on, on the amount including tax, for an individual partner",
  });

const send = defineRoute({
  method: "post",
  path: "/v1/contracts/{contractId}/months/{month}/payment-notice",
  operationId: "sendPaymentNotice",
  tags: TAGS,
  summary:
    "Build the month's payment notice from the entries and send it (or resend it after a return); with an approval route for the group's notices, it is held as a draft in the route and sent by its last step",
  request: { params: contractMonthParams, body: { required: false, ...json(noticeInputSchema) } },
  responses: {
    200: ok("Resent after a return", invoiceSchema),
    201: ok(
      "Sent: under review until the partner answers or the confirmation deadline (acceptBy) passes",
      invoiceSchema,
    ),
    ...denied,
    ...refused,
  },
});

const accept = defineRoute({
  method: "post",
  path: "/v1/invoices/{invoiceId}/accept",
  operationId: "acceptPaymentNotice",
  tags: TAGS,
  summary: "Accept the payment notice (the partner), before its confirmation deadline",
  request: { params: invoiceIdParam },
  responses: { 200: ok("Approved", invoiceSchema), ...denied, ...refused },
});

const reject = defineRoute({
  method: "post",
  path: "/v1/invoices/{invoiceId}/reject",
  operationId: "rejectPaymentNotice",
  tags: TAGS,
  summary: "Return the payment notice to the company with a reason (the partner)",
  request: { params: invoiceIdParam, body: { required: true, ...json(returnInvoiceSchema) } },
  responses: { 200: ok("Returned", invoiceSchema), ...denied, ...refused },
});

export function paymentNoticeRoutes() {
  return createRouter()
    .openapi(send, async (c) => {
      const { month } = c.req.valid("param");
      const { notice, contract, created } = await sendOrRequestNoticeApproval(
        c.var.deps,
        currentUser(c),
        accessOf(c).contractId ?? "",
        month,
        c.req.valid("json") ?? {},
      );
      const locale = localeFrom(c.req.header("accept-language"));
      return c.json(serializeInvoice(notice, contract, locale), created ? 201 : 200);
    })
    .openapi(accept, async (c) => {
      const notice = await answerPaymentNotice(c.var.deps, currentUser(c), targetInvoice(c), {
        accept: true,
      });
      return c.json(serializeInvoice(notice), 200);
    })
    .openapi(reject, async (c) => {
      const notice = await answerPaymentNotice(c.var.deps, currentUser(c), targetInvoice(c), {
        accept: false,
        reason: c.req.valid("json").reason,
      });
      return c.json(serializeInvoice(notice), 200);
    });
}
