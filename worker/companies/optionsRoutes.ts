import { eq } from "drizzle-orm";
import { companyOptionsSchema } from "../contracts/schemas";
import { companies } from "../db/schema";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { accessOf } from "./routes";
import { companyIdParam } from "./schemas";

const options = defineRoute({
  method: "put",
  path: "/v1/companies/{companyId}/options",
  operationId: "setCompanyOptions",
  tags: ["Companies"],
  summary: "Switch paid options: monthly fees with an hour range",
  request: { params: companyIdParam, body: { required: true, ...json(companyOptionsSchema) } },
  responses: { 200: ok("The options", companyOptionsSchema), ...denied },
});

export function companyOptionRoutes() {
  return createRouter().openapi(options, async (c) => {
    const { hourRangeEnabled } = c.req.valid("json");
    await c.var.deps.db
      .update(companies)
      .set({ hourRangeEnabled })
      .where(eq(companies.id, accessOf(c).companyId));
    return c.json({ hourRangeEnabled }, 200);
  });
}
