import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { emailTokens } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { randomToken, sha256Hex } from "../platform/crypto";

// Single-use links sent by mail (verification, password reset, change of address): the secret
// goes into the mail, only its SHA-256 is stored, and a link is good once, until it expires.

export type LinkPurpose = (typeof emailTokens.$inferSelect)["purpose"];
export type LinkToken = typeof emailTokens.$inferSelect;

const HOUR_MS = 3_600_000;

/** How long each kind of link works. */
export const LINK_HOURS: Record<LinkPurpose, number> = {
  verifyEmail: 24,
  resetPassword: 1,
  changeEmail: 24,
};

/** A new link's secret and the row to store (in the caller's batch, with what it reports). */
export async function newLinkToken(
  deps: Pick<Deps, "now">,
  userId: string,
  purpose: LinkPurpose,
  newEmail: string | null = null,
) {
  const token = randomToken();
  const now = deps.now();
  return {
    token,
    row: {
      userId,
      purpose,
      newEmail,
      tokenHash: await sha256Hex(token),
      expiresAt: new Date(now.getTime() + LINK_HOURS[purpose] * HOUR_MS),
      createdAt: now,
    },
  };
}

/** The links of one purpose a user has not used yet, closed: a new one replaces them. */
export const closeOpenLinks = (
  deps: { db: Pick<Db, "update">; now: () => Date },
  userId: string,
  purpose: LinkPurpose,
) =>
  deps.db
    .update(emailTokens)
    .set({ usedAt: deps.now() })
    .where(
      and(
        eq(emailTokens.userId, userId),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
      ),
    );

/** The stored link of a secret: 404 when unknown, 410 when used or expired. */
export async function openLink(
  deps: Pick<Deps, "db" | "now">,
  token: string,
  purpose: LinkPurpose,
): Promise<LinkToken> {
  const [row] = await deps.db
    .select()
    .from(emailTokens)
    .where(
      and(eq(emailTokens.tokenHash, await sha256Hex(token)), eq(emailTokens.purpose, purpose)),
    );
  if (!row) {
    throw new ApiError(404, "invalid_link", "This link is not valid", [], "このリンクは無効です");
  }
  if (row.usedAt) {
    throw new ApiError(
      410,
      "link_used",
      "This link has already been used",
      [],
      "このリンクは使用済みです",
    );
  }
  if (row.expiresAt.getTime() <= deps.now().getTime()) {
    throw new ApiError(
      410,
      "link_expired",
      "This link has expired: ask for a new one",
      [],
      "このリンクは有効期限が切れています。もう一度お手続きください",
    );
  }
  return row;
}

/** Marks the link used, only if it still was not: the statement to batch with the change. */
export const useLink = (deps: { db: Pick<Db, "update">; now: () => Date }, row: LinkToken) =>
  deps.db
    .update(emailTokens)
    .set({ usedAt: deps.now() })
    .where(and(eq(emailTokens.id, row.id), isNull(emailTokens.usedAt)))
    .returning({ id: emailTokens.id });
