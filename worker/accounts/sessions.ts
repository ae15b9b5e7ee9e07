import { and, eq, isNull } from "drizzle-orm";
import { authTokens, users } from "../db/schema";
import type { Deps } from "../deps";
import { randomToken, sha256Hex } from "../platform/crypto";

export const SESSION_DAYS = 30;
const DAY_MS = 86_400_000;
/** Long-lived API tokens carry a prefix so leaked ones are easy to recognise. */
export const API_TOKEN_PREFIX = "shm_";
/** An API token's `last_used_at` is refreshed at most this often. */
export const LAST_USED_MS = 60_000;

export type User = typeof users.$inferSelect;

/** A new session or API token: the secret is returned once, only its hash is stored. */
export async function issueToken(
  deps: Pick<Deps, "db" | "now">,
  userId: string,
  kind: "session" | "api",
  name?: string,
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const token = kind === "api" ? `${API_TOKEN_PREFIX}${randomToken()}` : randomToken();
  const now = deps.now();
  const expiresAt = kind === "session" ? new Date(now.getTime() + SESSION_DAYS * DAY_MS) : null;
  const [row] = await deps.db
    .insert(authTokens)
    .values({
      userId,
      kind,
      name: name ?? null,
      tokenHash: await sha256Hex(token),
      prefix: token.slice(0, kind === "api" ? 10 : 6),
      expiresAt,
      createdAt: now,
    })
    .returning({ id: authTokens.id });
  return { id: row?.id ?? "", token, expiresAt };
}

/** The user behind a session or API token, if it is neither revoked nor expired. */
export async function userForToken(
  deps: Pick<Deps, "db" | "now">,
  token: string,
): Promise<{ user: User; tokenId: string; kind: "session" | "api" } | undefined> {
  const [row] = await deps.db
    .select({
      user: users,
      tokenId: authTokens.id,
      kind: authTokens.kind,
      expiresAt: authTokens.expiresAt,
      lastUsedAt: authTokens.lastUsedAt,
    })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.tokenHash, await sha256Hex(token)), isNull(authTokens.revokedAt)))
    .limit(1);
  if (!row) return undefined;
  const now = deps.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return undefined;
  // Kept to the minute: a write on every request would cost more than the information is worth.
  if (row.kind === "api" && (row.lastUsedAt?.getTime() ?? 0) <= now.getTime() - LAST_USED_MS) {
    await deps.db.update(authTokens).set({ lastUsedAt: now }).where(eq(authTokens.id, row.tokenId));
  }
  return { user: row.user, tokenId: row.tokenId, kind: row.kind };
}

export async function revokeToken(
  deps: Pick<Deps, "db" | "now">,
  userId: string,
  tokenId: string,
): Promise<boolean> {
  const revoked = await deps.db
    .update(authTokens)
    .set({ revokedAt: deps.now() })
    .where(
      and(eq(authTokens.id, tokenId), eq(authTokens.userId, userId), isNull(authTokens.revokedAt)),
    )
    .returning({ id: authTokens.id });
  return revoked.length > 0;
}
