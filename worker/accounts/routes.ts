import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { users } from "../db/schema";
import { currentUser, SESSION_COOKIE } from "../http/auth";
import { clientAddress } from "../http/clientAddress";
import { ApiError } from "../http/errors";
import { json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { type AppEnv, createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { verifyGoogleIdToken } from "../platform/google";
import {
  emailOnlySchema,
  googleLoginSchema,
  loginSchema,
  meSchema,
  sessionSchema,
  signupSchema,
  tokenSchema,
  userSchema,
} from "./schemas";
import {
  createAccount,
  login,
  proveAddressWithGoogle,
  resendVerification,
  verifyEmail,
} from "./service";
import { issueToken, revokeToken, SESSION_DAYS } from "./sessions";
import { describeMe, serializeUser } from "./users";

const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const accepted = z.object({ status: z.literal("accepted") });

function startSession(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

const signup = defineRoute({
  method: "post",
  path: "/v1/accounts",
  operationId: "registerAccount",
  tags: ["Accounts"],
  summary: "Register an account to found a company (invitees register through their invitation)",
  request: body(signupSchema),
  responses: {
    201: ok("Registered; a verification mail is on its way", userSchema),
    409: errorResponse("An account exists for this address"),
    422: errorResponse("Bad input, or a weak password"),
  },
});

const verify = defineRoute({
  method: "post",
  path: "/v1/auth/verify-email",
  operationId: "verifyEmail",
  tags: ["Accounts"],
  summary: "Verify the email address with the token from the mail",
  request: body(tokenSchema),
  responses: {
    200: ok("Verified", userSchema),
    404: errorResponse("Unknown link"),
    410: errorResponse("Used or expired link"),
  },
});

const resend = defineRoute({
  method: "post",
  path: "/v1/auth/resend-verification",
  operationId: "resendVerificationEmail",
  tags: ["Accounts"],
  summary: "Send a new verification link to an unverified address",
  request: body(emailOnlySchema),
  responses: { 202: ok("Sent if the address has an unverified account", accepted) },
});

const loginRoute = defineRoute({
  method: "post",
  path: "/v1/auth/login",
  operationId: "logIn",
  tags: ["Accounts"],
  summary: "Sign in: sets the session cookie and answers a bearer token",
  request: body(loginSchema),
  responses: {
    200: ok("Signed in", sessionSchema),
    401: errorResponse("Wrong email or password"),
    403: errorResponse("Email address not verified yet"),
    429: errorResponse("Too many failed attempts"),
  },
});

const googleLogin = defineRoute({
  method: "post",
  path: "/v1/auth/google",
  operationId: "logInWithGoogle",
  tags: ["Accounts"],
  summary: "Sign in with a Google identity token of a registered address",
  request: body(googleLoginSchema),
  responses: {
    200: ok("Signed in", sessionSchema),
    401: errorResponse("Token not valid or no account"),
  },
});

const logout = defineRoute({
  method: "post",
  path: "/v1/auth/logout",
  operationId: "logOut",
  tags: ["Accounts"],
  summary:
    "Sign out: revokes the token the request carries (the session, or an API token, which then stops working for good); a Google identity token cannot be revoked here and simply expires within the hour",
  responses: { 204: { description: "Signed out" } },
});

const me = defineRoute({
  method: "get",
  path: "/v1/me",
  operationId: "getMe",
  tags: ["Accounts"],
  summary: "The signed-in user, with companies, groups and roles",
  responses: { 200: ok("The user", meSchema), 401: errorResponse("Not signed in") },
});

export function authRoutes() {
  return createRouter()
    .openapi(signup, async (c) => {
      const input = c.req.valid("json");
      const user = await createAccount(c.var.deps, {
        email: input.email,
        password: input.password,
      });
      return c.json(serializeUser(user), 201);
    })
    .openapi(verify, async (c) => {
      const user = await verifyEmail(c.var.deps, c.req.valid("json").token);
      return c.json(serializeUser(user), 200);
    })
    .openapi(resend, async (c) => {
      await resendVerification(c.var.deps, c.req.valid("json").email);
      return c.json({ status: "accepted" as const }, 202);
    })
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid("json");
      const session = await login(c.var.deps, email, password, clientAddress(c));
      startSession(c, session.token);
      return c.json(
        {
          token: session.token,
          expiresAt: session.expiresAt?.toISOString() ?? null,
          user: serializeUser(session.user),
        },
        200,
      );
    })
    .openapi(googleLogin, async (c) => {
      const deps = c.var.deps;
      const identity = await verifyGoogleIdToken(deps, c.req.valid("json").idToken);
      const [user] = await deps.db.select().from(users).where(eq(users.email, identity.email));
      if (!user || (user.googleSubject && user.googleSubject !== identity.subject)) {
        throw new ApiError(
          401,
          "unknown_user",
          `No Shimebi account is registered for ${identity.email}`,
        );
      }
      const proved = await proveAddressWithGoogle(deps, user, identity.subject);
      const session = await issueToken(deps, user.id, "session");
      startSession(c, session.token);
      return c.json(
        {
          token: session.token,
          expiresAt: session.expiresAt?.toISOString() ?? null,
          user: serializeUser(proved),
        },
        200,
      );
    })
    .openapi(logout, async (c) => {
      const auth = c.var.auth;
      if (auth?.tokenId) await revokeToken(c.var.deps, auth.user.id, auth.tokenId);
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
      return c.body(null, 204);
    })
    .openapi(me, async (c) => c.json(await describeMe(c.var.deps, currentUser(c)), 200));
}
