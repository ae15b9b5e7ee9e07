import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { proveAddressWithGoogle } from "../accounts/service";
import { type User, userForToken } from "../accounts/sessions";
import type { Role, Rule } from "../authorization";
import { contracts, groups, invoices, memberships, purchaseOrders, users } from "../db/schema";
import { looksLikeJwt, verifyGoogleIdToken } from "../platform/google";
import { ApiError } from "./errors";
import type { AppEnv } from "./router";
import { fromSameOrigin, WRITE_METHODS } from "./sameOrigin";

export const SESSION_COOKIE = "shimebi_session";

export type Auth = { user: User; via: "session" | "api" | "google"; tokenId?: string };
export type Access = {
  companyId: string;
  groupId?: string;
  contractId?: string;
  orderId?: string;
  invoiceId?: string;
  roles: Role[];
};

const unauthenticated = () =>
  new ApiError(401, "unauthenticated", "Sign in first: send a bearer token or the session cookie");

/** The caller behind the Authorization header or the session cookie, or a 401. */
async function authenticate(c: Context<AppEnv>): Promise<Auth> {
  const deps = c.var.deps;
  const header = c.req.header("authorization");
  let token: string | undefined;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw new ApiError(401, "invalid_token", "The Authorization header must be `Bearer <token>`");
    }
    token = match[1];
  } else {
    token = getCookie(c, SESSION_COOKIE);
    // A bearer token is never sent by a browser on its own; the cookie is, so a write carried
    // by the cookie must come from this server's own pages.
    if (
      token &&
      WRITE_METHODS.has(c.req.method) &&
      !fromSameOrigin(c.req.raw, deps.config.appUrl)
    ) {
      throw new ApiError(
        403,
        "cross_site_request",
        "A change sent with the session cookie must come from this site's own pages: send a bearer token from other origins",
        [],
        "セッション Cookie による変更は、このサイトのページからのみ受け付けます。他のオリジンからはベアラートークンを送ってください",
      );
    }
  }
  if (!token) throw unauthenticated();
  if (looksLikeJwt(token)) {
    const identity = await verifyGoogleIdToken(deps, token);
    const [user] = await deps.db
      .select()
      .from(users)
      .where(eq(users.email, identity.email))
      .limit(1);
    if (!user || (user.googleSubject && user.googleSubject !== identity.subject)) {
      throw new ApiError(
        401,
        "unknown_user",
        `No Shimebi account is registered for ${identity.email}`,
      );
    }
    return { user: await proveAddressWithGoogle(deps, user, identity.subject), via: "google" };
  }
  const found = await userForToken(deps, token);
  if (!found)
    throw new ApiError(401, "invalid_token", "The token is not valid, expired or signed out");
  return { user: found.user, via: found.kind, tokenId: found.tokenId };
}

/**
 * The roles the user holds where the route points. An outsider gets 404, as if the company
 * or group did not exist; an insider with the wrong role gets 403.
 */
async function resolveAccess(
  c: Context<AppEnv>,
  rule: Rule,
  user: User,
): Promise<Access | undefined> {
  const db = c.var.deps.db;
  if (rule.access === "company") {
    const companyId = c.req.param("companyId") ?? "";
    const rows = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.companyId, companyId)));
    if (rows.length === 0) throw new ApiError(404, "not_found", "No such company");
    return check(rule.roles, { companyId, roles: rows.map((r) => r.role) });
  }
  if (rule.access === "group") {
    const groupId = c.req.param("groupId") ?? "";
    const [group] = await db.select().from(groups).where(eq(groups.id, groupId)).limit(1);
    const rows = group
      ? await db
          .select({ role: memberships.role })
          .from(memberships)
          .where(
            and(
              eq(memberships.userId, user.id),
              eq(memberships.companyId, group.companyId),
              or(eq(memberships.groupId, groupId), isNull(memberships.groupId)),
            ),
          )
      : [];
    if (!group || rows.length === 0) throw new ApiError(404, "not_found", "No such group");
    return check(rule.roles, {
      companyId: group.companyId,
      groupId,
      roles: rows.map((r) => r.role),
    });
  }
  if (rule.access === "contract" || rule.access === "order" || rule.access === "invoice") {
    const found =
      rule.access === "contract"
        ? await db
            .select({ contract: contracts, documentId: sql<string | null>`null` })
            .from(contracts)
            .where(eq(contracts.id, c.req.param("contractId") ?? ""))
        : rule.access === "order"
          ? await db
              .select({ contract: contracts, documentId: purchaseOrders.id })
              .from(purchaseOrders)
              .innerJoin(contracts, eq(contracts.id, purchaseOrders.contractId))
              .where(eq(purchaseOrders.id, c.req.param("orderId") ?? ""))
          : await db
              .select({ contract: contracts, documentId: invoices.id })
              .from(invoices)
              .innerJoin(contracts, eq(contracts.id, invoices.contractId))
              .where(eq(invoices.id, c.req.param("invoiceId") ?? ""));
    const target = found[0];
    const what = { contract: "contract", order: "purchase order", invoice: "invoice" }[rule.access];
    if (!target) throw new ApiError(404, "not_found", `No such ${what}`);
    const { contract } = target;
    const rows = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, user.id),
          eq(memberships.companyId, contract.companyId),
          or(eq(memberships.groupId, contract.groupId), isNull(memberships.groupId)),
        ),
      );
    // A partner holds only their own contracts, not every contract of their group.
    const roles: Role[] = rows.map((r) => r.role).filter((role) => role !== "partner");
    if (contract.partnerUserId === user.id) roles.push("partner");
    if (roles.length === 0) throw new ApiError(404, "not_found", `No such ${what}`);
    return check(rule.roles, {
      companyId: contract.companyId,
      groupId: contract.groupId,
      contractId: contract.id,
      ...(rule.access === "order" ? { orderId: target.documentId ?? undefined } : {}),
      ...(rule.access === "invoice" ? { invoiceId: target.documentId ?? undefined } : {}),
      roles,
    });
  }
  return undefined;
}

function check(allowed: readonly Role[], access: Access): Access {
  if (!access.roles.some((role) => allowed.includes(role))) {
    throw new ApiError(403, "forbidden", "Your role does not allow this");
  }
  return access;
}

/** The route's row of `authorization.ts`, enforced. `http/route.ts` attaches it to every route. */
export function authorize(rule: Rule): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (rule.access !== "public") {
      const auth = await authenticate(c);
      c.set("auth", auth);
      c.set("access", await resolveAccess(c, rule, auth.user));
    }
    await next();
  };
}

/** The signed-in caller in a handler behind a non-public rule. */
export function currentUser(c: Context<AppEnv>): User {
  const auth = c.var.auth;
  if (!auth) throw unauthenticated();
  return auth.user;
}
