import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { authTokens } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { issueToken } from "./sessions";

// Long-lived tokens for integrators. They share `auth_tokens` with browser sessions, so every
// query here is held to kind "api": a session is never listed or revoked from this API.

type Row = typeof authTokens.$inferSelect;

export function serializeApiToken(row: Row) {
  return {
    id: row.id,
    name: row.name ?? "",
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const ownApiToken = (userId: string, tokenId: string) =>
  and(eq(authTokens.id, tokenId), eq(authTokens.userId, userId), eq(authTokens.kind, "api"));

/** The secret is in this answer and nowhere else: only its hash is stored. */
export async function createApiToken(deps: Pick<Deps, "db" | "now">, userId: string, name: string) {
  const issued = await issueToken(deps, userId, "api", name);
  const [row] = await deps.db.select().from(authTokens).where(ownApiToken(userId, issued.id));
  if (!row) throw new Error("API token not stored");
  return {
    id: row.id,
    name: row.name ?? name,
    token: issued.token,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The caller's API tokens, newest first, revoked ones included so the history stays readable. */
export async function listApiTokens(deps: Pick<Deps, "db">, userId: string) {
  const rows = await deps.db
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.userId, userId), eq(authTokens.kind, "api")))
    .orderBy(desc(authTokens.createdAt), desc(sql`rowid`));
  return rows.map(serializeApiToken);
}

/**
 * Revokes at once; revoking twice is not an error. Someone else's token, or a session's id,
 * is "not found", so ids of other users' tokens cannot be probed.
 */
export async function revokeApiToken(
  deps: Pick<Deps, "db" | "now">,
  userId: string,
  tokenId: string,
): Promise<void> {
  const [row] = await deps.db
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(ownApiToken(userId, tokenId));
  if (!row) throw new ApiError(404, "not_found", "No such API token");
  await deps.db
    .update(authTokens)
    .set({ revokedAt: deps.now() })
    .where(and(ownApiToken(userId, tokenId), isNull(authTokens.revokedAt)));
}
