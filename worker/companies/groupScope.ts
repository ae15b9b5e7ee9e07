import { and, type Column, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Context } from "hono";
import { memberships } from "../db/schema";
import { currentUser } from "../http/auth";
import type { AppEnv } from "../http/router";
import { accessOf } from "./routes";

// What a company-wide list shows each caller: a company owner sees every group, group owners
// and members only their groups. The invoice list, the document search and the company
// history all scope through here, so the boundary is written once.

export type Caller = { userId: string; companyId: string; roles: readonly string[] };

/** The caller of a company-scoped route. */
export function callerOf(c: Context<AppEnv>): Caller {
  const access = accessOf(c);
  return { userId: currentUser(c).id, companyId: access.companyId, roles: access.roles };
}

/**
 * The condition that keeps rows whose group (`groupColumn`, usually `contracts.groupId`) is
 * one of the caller's; undefined for a company owner, who sees them all.
 */
export function inCallerGroups(caller: Caller, groupColumn: Column): SQL | undefined {
  if (caller.roles.includes("companyOwner")) return undefined;
  const myGroups = sql`(select ${memberships.groupId} from ${memberships} where ${and(
    eq(memberships.userId, caller.userId),
    eq(memberships.companyId, caller.companyId),
    inArray(memberships.role, ["groupOwner", "member"]),
  )})`;
  return sql`${groupColumn} in ${myGroups}`;
}
