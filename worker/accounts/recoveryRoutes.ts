import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie } from "hono/cookie";
import { currentUser, SESSION_COOKIE } from "../http/auth";
import { runAfterAnswer } from "../http/background";
import { json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { type AppEnv, createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { confirmEmailChange, requestEmailChange } from "./emailChange";
import {
  listAccountEvents,
  requestPasswordReset,
  resetPassword,
  signOutEverywhere,
} from "./recovery";
import { mailLocale } from "./recoveryMail";
import {
  accountEventSchema,
  emailChangePendingSchema,
  emailChangeSchema,
  emailOnlySchema,
  passwordResetDoneSchema,
  passwordResetSchema,
  signedOutSchema,
  tokenSchema,
  userSchema,
} from "./schemas";
import { serializeUser } from "./users";

const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const accepted = z.object({ status: z.literal("accepted") });
const tooMany = errorResponse("Too many attempts in the window: wait and try again");
const localeOf = (c: Context<AppEnv>) => mailLocale(c.req.header("accept-language"));

const requestReset = defineRoute({
  method: "post",
  path: "/v1/auth/password-reset",
  operationId: "requestPasswordReset",
  tags: ["Accounts"],
  summary:
    "Mail a single-use password reset link (1 hour). Answers the same whether or not the address has an account",
  request: body(emailOnlySchema),
  responses: {
    202: ok("Mailed if the address has an account", accepted),
    429: tooMany,
  },
});

const confirmReset = defineRoute({
  method: "post",
  path: "/v1/auth/password-reset/confirm",
  operationId: "resetPassword",
  tags: ["Accounts"],
  summary: "Set a new password with the token of the reset link; signs out every session",
  request: body(passwordResetSchema),
  responses: {
    200: ok("Password set; sign in with it", passwordResetDoneSchema),
    404: errorResponse("Unknown link"),
    410: errorResponse("Used or expired link"),
    429: tooMany,
  },
});

const changeEmail = defineRoute({
  method: "post",
  path: "/v1/me/email-change",
  operationId: "requestEmailChange",
  tags: ["Accounts"],
  summary:
    "Mail a confirmation link to a new address (and a notice to the current one); the address changes when the link is used",
  request: body(emailChangeSchema),
  responses: {
    202: ok("Link mailed to the new address", emailChangePendingSchema),
    403: errorResponse("Current password missing or wrong"),
    409: errorResponse("The address belongs to another account"),
    429: tooMany,
  },
});

const confirmChange = defineRoute({
  method: "post",
  path: "/v1/auth/email-change/confirm",
  operationId: "confirmEmailChange",
  tags: ["Accounts"],
  summary: "Move the account to the new address with the token of the link mailed to it",
  request: body(tokenSchema),
  responses: {
    200: ok("The account, at its new address", userSchema),
    404: errorResponse("Unknown link"),
    409: errorResponse("The address was taken meanwhile"),
    410: errorResponse("Used or expired link"),
    429: tooMany,
  },
});

const logoutEverywhere = defineRoute({
  method: "post",
  path: "/v1/auth/logout-everywhere",
  operationId: "logOutEverywhere",
  tags: ["Accounts"],
  summary: "Sign out every session of the user, this one included (API tokens stay)",
  responses: { 200: ok("Signed out", signedOutSchema), 429: tooMany },
});

const trail = defineRoute({
  method: "get",
  path: "/v1/me/account-events",
  operationId: "listMyAccountEvents",
  tags: ["Accounts"],
  summary:
    "The signed-in user's account audit trail, newest first (100): resets, changes of address, sign-outs everywhere",
  responses: { 200: ok("Events", z.array(accountEventSchema)) },
});

export function recoveryRoutes() {
  return createRouter()
    .openapi(requestReset, async (c) => {
      const later = await requestPasswordReset(c.var.deps, c.req.valid("json").email, localeOf(c));
      runAfterAnswer(c, later);
      return c.json({ status: "accepted" as const }, 202);
    })
    .openapi(confirmReset, async (c) => {
      const { token, password } = c.req.valid("json");
      const done = await resetPassword(c.var.deps, token, password, localeOf(c));
      runAfterAnswer(c, done.later);
      return c.json({ status: "reset" as const, revokedSessions: done.revokedSessions }, 200);
    })
    .openapi(changeEmail, async (c) => {
      const deps = c.var.deps;
      const change = await requestEmailChange(
        deps,
        currentUser(c),
        c.req.valid("json"),
        localeOf(c),
      );
      runAfterAnswer(c, change.later);
      return c.json(change.answer, 202);
    })
    .openapi(confirmChange, async (c) => {
      const changed = await confirmEmailChange(c.var.deps, c.req.valid("json").token, localeOf(c));
      runAfterAnswer(c, changed.later);
      return c.json(serializeUser(changed.user), 200);
    })
    .openapi(trail, async (c) => c.json(await listAccountEvents(c.var.deps, currentUser(c)), 200))
    .openapi(logoutEverywhere, async (c) => {
      const revokedSessions = await signOutEverywhere(c.var.deps, currentUser(c));
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
      return c.json({ revokedSessions }, 200);
    });
}
