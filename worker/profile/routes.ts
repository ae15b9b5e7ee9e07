import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { meSchema } from "../accounts/schemas";
import { describeMe } from "../accounts/users";
import { currentUser } from "../http/auth";
import { localeFrom } from "../http/locale";
import { json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { type AppEnv, createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import {
  contactSchema,
  profileSchema,
  registrationNumberCheckSchema,
  verifyRegistrationNumberSchema,
} from "./schemas";
import { updateContact, updateProfile, verifyRegistrationNumber } from "./service";

const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const signedIn = { 401: errorResponse("Not signed in") };

const profile = defineRoute({
  method: "put",
  path: "/v1/me/profile",
  operationId: "updateMyProfile",
  tags: ["Profile"],
  summary: "Register or change basic information (基本情報)",
  description:
    'Full name, individual or corporation, the optional qualified invoice issuer number and non-residence. A number with a bad format or check digit is refused; a valid one is looked up in the National Tax Agency\'s register, and the answer (or "unverified" when the register cannot be asked) is stored with it.',
  request: body(profileSchema),
  responses: {
    200: ok("Saved: the user", meSchema),
    422: errorResponse("A field at fault, such as a mistyped registration number"),
    ...signedIn,
  },
});

const contact = defineRoute({
  method: "put",
  path: "/v1/me/contact",
  operationId: "updateMyContact",
  tags: ["Profile"],
  summary: "Set the address and phone number",
  request: body(contactSchema),
  responses: {
    200: ok("Saved: the user", meSchema),
    422: errorResponse("Missing address or a phone number that is not one"),
    ...signedIn,
  },
});

const verify = defineRoute({
  method: "post",
  path: "/v1/registration-numbers/verify",
  operationId: "verifyRegistrationNumber",
  tags: ["Profile"],
  summary: "Verify a qualified invoice issuer number: check digit, then the tax agency's register",
  description:
    "Answers the registered name and whether the registration is current, expired or revoked. Nothing is stored.",
  request: body(verifyRegistrationNumberSchema),
  responses: {
    200: ok("Well formed; the register's answer", registrationNumberCheckSchema),
    422: errorResponse("Not T and 13 digits, or the check digit does not match"),
    ...signedIn,
  },
});

const locale = (c: Context<AppEnv>) => localeFrom(c.req.header("accept-language"));

export function profileRoutes() {
  return createRouter()
    .openapi(profile, async (c) => {
      const deps = c.var.deps;
      const user = await updateProfile(deps, currentUser(c), c.req.valid("json"), locale(c));
      return c.json(await describeMe(deps, user), 200);
    })
    .openapi(contact, async (c) => {
      const deps = c.var.deps;
      const user = await updateContact(deps, currentUser(c), c.req.valid("json"), locale(c));
      return c.json(await describeMe(deps, user), 200);
    })
    .openapi(verify, async (c) => {
      const { registrationNumber } = c.req.valid("json");
      return c.json(await verifyRegistrationNumber(c.var.deps, registrationNumber, locale(c)), 200);
    });
}
