import { type QuoteRequest, quote } from "../../shared";
import { problemsMessage } from "../http/errorHandler";
import { ApiError } from "../http/errors";
import { localeFrom } from "../http/locale";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { quoteRequestSchema, quoteResponseSchema } from "./schemas";

const quoteRoute = defineRoute({
  bodyLimit: "month",
  method: "post",
  path: "/v1/quote",
  operationId: "createQuote",
  tags: ["Calculation"],
  summary: "Turn a month of work into an invoice's figures",
  description:
    "Stateless: applies the working month, time parsing, settlement unit, hour range, consumption tax and withholding rules to the entries and answers the invoice's figures. No authentication, nothing stored.",
  request: {
    body: { required: true, content: { "application/json": { schema: quoteRequestSchema } } },
  },
  responses: {
    200: {
      description: "The invoice's figures, whole yen",
      content: { "application/json": { schema: quoteResponseSchema } },
    },
    400: errorResponse("The body is not valid JSON"),
    415: errorResponse("The body is not sent as JSON"),
    422: errorResponse("Every field at fault, with its path and a message"),
  },
});

export function quoteRoutes() {
  return createRouter().openapi(quoteRoute, (c) => {
    // zod has checked structure and types; the engine checks every rule again itself (the
    // add-on calls it without zod), so the narrower union type is safe to assume here.
    const outcome = quote(c.req.valid("json") as QuoteRequest);
    if (!outcome.ok) {
      const ja = localeFrom(c.req.header("accept-language")) === "ja";
      const issues = outcome.issues.map((issue) => ({
        path: issue.path,
        code: issue.code,
        message: ja ? issue.messageJa : issue.message,
      }));
      throw new ApiError(422, "invalid_quote", problemsMessage(issues.length, ja), issues);
    }
    return c.json(outcome.quote, 200);
  });
}
