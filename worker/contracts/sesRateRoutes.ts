import { denied, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { sesRateSuggestions } from "./rules";
import { sesRatesQuery, sesRatesSchema } from "./schemas";

const invalid = { 422: errorResponse("Every field at fault") };

const rates = defineRoute({
  method: "get",
  path: "/v1/ses-rates",
  operationId: "suggestSesRates",
  tags: ["Contracts"],
  summary: "Suggested excess and deduction rates: 上下割 and 中間割",
  request: { query: sesRatesQuery },
  responses: { 200: ok("Suggestions, yen per hour", sesRatesSchema), ...denied, ...invalid },
});

export function sesRateRoutes() {
  return createRouter().openapi(rates, (c) =>
    c.json(sesRateSuggestions(c.req.valid("query")), 200),
  );
}
