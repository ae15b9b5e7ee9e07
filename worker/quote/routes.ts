import { HTTPException } from "hono/http-exception";
import { type QuoteRequest, quote } from "../../shared";
import { problemsMessage, validationHook } from "../http/errorHandler";
import { ApiError } from "../http/errors";
import { localeFrom } from "../http/locale";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { jsonAnswer } from "../http/securityHeaders";
import { parseQuoteRequest, quoteRequestSchema, quoteResponseSchema } from "./schemas";

const QUOTE_REQUEST_REF = { $ref: "#/components/schemas/QuoteRequest" };

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
    // Documented by reference, so the route's validator is `parseQuoteRequest` (see schemas.ts).
    body: { required: true, content: { "application/json": { schema: QUOTE_REQUEST_REF } } },
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
  const router = createRouter();
  router.openAPIRegistry.register("QuoteRequest", quoteRequestSchema);
  return router.openapi(quoteRoute, async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HTTPException(400, { message: "Malformed JSON in request body" });
    }
    const checked = parseQuoteRequest(body);
    if (!checked.success) {
      validationHook({ success: false, error: checked.error, data: body }, c);
      throw checked.error;
    }
    // zod has checked structure and keys; the engine checks every rule itself (the add-on calls
    // it without zod), so the narrower union type is safe to assume here.
    const outcome = quote(checked.data as QuoteRequest);
    if (!outcome.ok) {
      const ja = localeFrom(c.req.header("accept-language")) === "ja";
      const issues = outcome.issues.map((issue) => ({
        path: issue.path,
        code: issue.code,
        message: ja ? issue.messageJa : issue.message,
      }));
      throw new ApiError(422, "invalid_quote", problemsMessage(issues.length, ja), issues);
    }
    return jsonAnswer(c, outcome.quote, 200);
  });
}
