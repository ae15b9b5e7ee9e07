import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type Decision, decideAfresh } from "../approvals/decision";
import { approvalSection } from "../approvals/html";
import { callerOf } from "../companies/groupScope";
import { accessOf } from "../companies/routes";
import { currentUser, targetContract } from "../http/auth";
import { localeFrom } from "../http/locale";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import type { AppEnv } from "../http/router";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { decideNoticeStep } from "../paymentNotices/approval";
import { renderDocumentHtml } from "../platform/documentHtml";
import { withIdempotency } from "../platform/idempotency";
import { BOTH_KINDS, invoiceOf } from "./access";
import { documentLayoutOf, reportLayoutOf } from "./layoutOf";
import { listCompanyInvoices, listMyInvoices } from "./list";
import { serializeInvoice } from "./present";
import type { Invoice } from "./rules";
import {
  contractMonthParams,
  idempotencyHeader,
  invoiceIdParam,
  invoiceInputSchema,
  invoiceListQuery,
  invoiceListSchema,
  invoiceSchema,
  returnInvoiceSchema,
  submitInvoiceSchema,
} from "./schemas";
import { documentOf, getInvoice, saveDraft } from "./service";
import { decideInvoice, submitInvoice } from "./submission";

/**
 * A decision at the current step of the document's approval route: an invoice under review,
 * or a payment notice the company holds in its route before sending.
 */
async function decide(c: Context<AppEnv>, decision: Decision) {
  const first = await invoiceOf(c, BOTH_KINDS);
  const { roles } = accessOf(c);
  return decideAfresh(
    first,
    () => getInvoice(c.var.deps, first.id),
    (document) =>
      document.kind === "paymentNotice"
        ? decideNoticeStep(c.var.deps, currentUser(c), roles, document, decision)
        : decideInvoice(c.var.deps, currentUser(c), roles, document, decision),
  );
}

const htmlPage = { description: "HTML", content: { "text/html": { schema: z.string() } } };
const refused = {
  409: errorResponse("Not possible in the invoice's status"),
  422: errorResponse("Every field at fault"),
};
const TAGS = ["Invoices"];

/** The invoice as answered, with the due-date warnings of the contract authorization loaded. */
const present = (c: Context<AppEnv>, invoice: Invoice, contract = targetContract(c)) =>
  serializeInvoice(invoice, contract, localeFrom(c.req.header("accept-language")));

const put = defineRoute({
  method: "put",
  path: "/v1/contracts/{contractId}/months/{month}/invoice",
  operationId: "saveInvoiceDraft",
  tags: TAGS,
  summary: "Create or update the month's draft invoice (請求書): items, expenses, taxes, due date",
  request: { params: contractMonthParams, body: { required: true, ...json(invoiceInputSchema) } },
  responses: {
    200: ok("The invoice with the engine's figures", invoiceSchema),
    ...denied,
    ...refused,
  },
});

const show = defineRoute({
  method: "get",
  path: "/v1/invoices/{invoiceId}",
  operationId: "getInvoice",
  tags: TAGS,
  summary:
    "An invoice or a payment notice: status, number, inputs, figures, document; a notice's confirmation deadline in acceptBy",
  request: { params: invoiceIdParam },
  responses: { 200: ok("The invoice", invoiceSchema), ...denied },
});

const submit = defineRoute({
  method: "post",
  path: "/v1/invoices/{invoiceId}/submit",
  operationId: "submitInvoice",
  tags: TAGS,
  summary: "Submit (or resubmit) the invoice; idempotent, honours Idempotency-Key",
  request: {
    params: invoiceIdParam,
    headers: idempotencyHeader,
    body: { required: true, ...json(submitInvoiceSchema) },
  },
  responses: { 200: ok("Under review", invoiceSchema), ...denied, ...refused },
});

const approve = defineRoute({
  method: "post",
  path: "/v1/invoices/{invoiceId}/approve",
  operationId: "approveInvoice",
  tags: TAGS,
  summary:
    "Approve the current step of the approval route: the last step approves the invoice (default: one step, any company or group owner), or sends a payment notice the route held",
  request: { params: invoiceIdParam },
  responses: {
    200: ok("Approved, or the step approved and the invoice still under review", invoiceSchema),
    ...denied,
    403: errorResponse("Not an approver of the current step (not_an_approver) or role not allowed"),
    ...refused,
  },
});

const reject = defineRoute({
  method: "post",
  path: "/v1/invoices/{invoiceId}/return",
  operationId: "returnInvoice",
  tags: TAGS,
  summary:
    "Return with a reason at the current step of the approval route: an invoice to the partner, a held payment notice to its author",
  request: { params: invoiceIdParam, body: { required: true, ...json(returnInvoiceSchema) } },
  responses: {
    200: ok("Returned", invoiceSchema),
    ...denied,
    403: errorResponse("Not an approver of the current step (not_an_approver) or role not allowed"),
    ...refused,
  },
});

const document = defineRoute({
  method: "get",
  path: "/v1/invoices/{invoiceId}/document",
  operationId: "getInvoiceDocument",
  tags: TAGS,
  summary:
    "The invoice as a qualified invoice (適格請求書), or the payment notice (支払通知書, with the partner's registration number and the confirmation deadline), HTML",
  request: { params: invoiceIdParam },
  responses: { 200: htmlPage, ...denied, ...refused },
});

const report = defineRoute({
  method: "get",
  path: "/v1/invoices/{invoiceId}/report",
  operationId: "getBusinessReport",
  tags: TAGS,
  summary: "The business report (業務報告書) of the invoice's month, HTML",
  request: { params: invoiceIdParam },
  responses: { 200: htmlPage, ...denied, ...refused },
});

const companyList = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/invoices",
  operationId: "listCompanyInvoices",
  tags: TAGS,
  summary: "The company's submitted invoices in the caller's groups, newest first",
  request: {
    params: z.object({
      companyId: z.string().openapi({ param: { name: "companyId", in: "path" } }),
    }),
    query: invoiceListQuery,
  },
  responses: { 200: ok("A page of invoices", invoiceListSchema), ...denied, 422: refused[422] },
});

const myList = defineRoute({
  method: "get",
  path: "/v1/me/invoices",
  operationId: "listMyInvoices",
  tags: TAGS,
  summary:
    "The caller's documents across companies, newest first: their invoices (請求書) and the payment notices (支払通知書) sent to them",
  request: { query: invoiceListQuery },
  responses: {
    200: ok("A page of invoices", invoiceListSchema),
    401: denied[401],
    422: refused[422],
  },
});

export function invoiceRoutes() {
  return createRouter()
    .openapi(put, async (c) => {
      const { month } = c.req.valid("param");
      const { contractId = "" } = accessOf(c);
      const { invoice, contract } = await saveDraft(
        c.var.deps,
        contractId,
        month,
        c.req.valid("json"),
      );
      return c.json(present(c, invoice, contract), 200);
    })
    .openapi(show, (c) => c.json(present(c, invoiceOf(c, BOTH_KINDS)), 200))
    .openapi(submit, async (c) => {
      const user = currentUser(c);
      const invoice = await invoiceOf(c);
      const { confirmMonth } = c.req.valid("json");
      const answer = await withIdempotency(
        c.var.deps,
        {
          key: c.req.header("idempotency-key"),
          userId: user.id,
          route: `POST /v1/invoices/${invoice.id}/submit`,
        },
        // A concurrent click that submitted meanwhile is answered by submitInvoice itself.
        async () => {
          const submitted = await submitInvoice(c.var.deps, user, invoice, confirmMonth);
          return { status: 200, body: present(c, submitted) };
        },
      );
      return c.json(answer.body, 200);
    })
    .openapi(approve, async (c) => {
      const decided = await decide(c, { approve: true });
      return c.json(present(c, decided), 200);
    })
    .openapi(reject, async (c) => {
      const decided = await decide(c, { approve: false, reason: c.req.valid("json").reason });
      return c.json(present(c, decided), 200);
    })
    .openapi(document, async (c) => {
      const invoice = await invoiceOf(c, BOTH_KINDS);
      const layout = documentLayoutOf(invoice, await documentOf(c.var.deps, invoice));
      return c.html(renderDocumentHtml(layout, approvalSection(invoice.approval)), 200);
    })
    .openapi(report, async (c) => {
      const invoice = await invoiceOf(c, BOTH_KINDS);
      const layout = reportLayoutOf(invoice, await documentOf(c.var.deps, invoice));
      return c.html(renderDocumentHtml(layout), 200);
    })
    .openapi(companyList, async (c) => {
      return c.json(await listCompanyInvoices(c.var.deps, callerOf(c), c.req.valid("query")), 200);
    })
    .openapi(myList, async (c) =>
      c.json(await listMyInvoices(c.var.deps, currentUser(c).id, c.req.valid("query")), 200),
    );
}
