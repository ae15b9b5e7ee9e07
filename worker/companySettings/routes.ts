import { accessOf } from "../companies/routes";
import { companyIdParam } from "../companies/schemas";
import { localeFrom } from "../http/locale";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { sayIn } from "../payments/rules";
import { settingsSchema, settingsUpdateSchema } from "./schemas";
import { DEFAULT_ACCOUNTING, getSettings, updateSettings } from "./service";

const show = defineRoute({
  method: "get",
  path: "/v1/companies/{companyId}/settings",
  operationId: "getCompanySettings",
  tags: ["Company settings"],
  summary:
    "The company's transfer account and 委託者コード, the payer on 支払調書, and the accounts of 仕訳 exports",
  request: { params: companyIdParam },
  responses: { 200: ok("Settings, with the defaults offered", settingsSchema), ...denied },
});

const update = defineRoute({
  method: "put",
  path: "/v1/companies/{companyId}/settings",
  operationId: "updateCompanySettings",
  tags: ["Company settings"],
  summary: "Replace the sections given (transfer, payer, accounting); the others stay",
  request: { params: companyIdParam, body: { required: true, ...json(settingsUpdateSchema) } },
  responses: {
    200: ok("Settings", settingsSchema),
    ...denied,
    422: errorResponse("A field is not valid"),
  },
});

const withDefaults = <T>(settings: T) => ({
  ...settings,
  defaults: { accounting: DEFAULT_ACCOUNTING },
});

export function companySettingsRoutes() {
  return createRouter()
    .openapi(show, async (c) =>
      c.json(withDefaults(await getSettings(c.var.deps, accessOf(c).companyId)), 200),
    )
    .openapi(update, async (c) => {
      const say = sayIn(localeFrom(c.req.header("accept-language")));
      const settings = await updateSettings(
        c.var.deps,
        accessOf(c).companyId,
        c.req.valid("json"),
        say,
      );
      return c.json(withDefaults(settings), 200);
    });
}
