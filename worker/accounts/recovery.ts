import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { accountEvents, authTokens, emailTokens, outbox, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import type { Locale } from "../http/locale";
import { hashPassword } from "../platform/crypto";
import { deliverMail, outboxRow } from "../platform/mail";
import { closeOpenLinks, LINK_HOURS, newLinkToken, openLink, useLink } from "./linkTokens";
import { passwordProblems } from "./passwordPolicy";
import { passwordChangedMail, passwordResetMail } from "./recoveryMail";
import { normaliseEmail } from "./service";
import type { User } from "./sessions";
import { assertAccountActionAllowed } from "./throttle";

// Password reset by a single-use link, and signing out everywhere. A reset never says whether
// an address has an account: the answer is the same, and so is the work done before it.

type Later = () => Promise<void>;
const nothingLater: Later = async () => {};

/** Sessions of a user still open, revoked: the statement to run with the change causing it. */
const revokeSessions = (deps: { db: Pick<Db, "update">; now: () => Date }, userId: string) =>
  deps.db
    .update(authTokens)
    .set({ revokedAt: deps.now() })
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.kind, "session"),
        isNull(authTokens.revokedAt),
      ),
    )
    .returning({ id: authTokens.id });

/**
 * Records the request, the same row for any address, and answers the rest as work for after
 * the answer: for an account, its link and mail are written and the mail handed on. So the
 * answer is the same, and so is the work before it, whether the address has an account or not.
 */
export async function requestPasswordReset(
  deps: Deps,
  emailInput: string,
  locale: Locale,
): Promise<Later> {
  const email = normaliseEmail(emailInput);
  await assertAccountActionAllowed(deps, "passwordResetRequested", { email });
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  // The secret and its hash are made for an unknown address too, then dropped.
  const link = await newLinkToken(deps, user?.id ?? "", "resetPassword");
  await deps.db.insert(accountEvents).values({
    userId: user?.id ?? null,
    email,
    event: "passwordResetRequested",
    createdAt: deps.now(),
  });
  if (!user) return nothingLater;
  const url = `${deps.config.appUrl}/reset-password?token=${link.token}`;
  const mail = {
    to: email,
    template: "resetPassword",
    ...passwordResetMail(locale, url, LINK_HOURS.resetPassword),
  };
  const queued = outboxRow(deps, mail);
  return async () => {
    await deps.db.batch([
      closeOpenLinks(deps, user.id, "resetPassword"),
      deps.db.insert(emailTokens).values(link.row),
      deps.db.insert(outbox).values(queued),
    ]);
    await deliverMail(deps, queued.id, mail);
  };
}

/**
 * A new password through the link: the link is used up, every session is signed out (API
 * tokens stay: integrations keep running, the mail says so), and the address counts as
 * proved, since the link reached it.
 */
export async function resetPassword(
  deps: Deps,
  token: string,
  password: string,
  locale: Locale,
): Promise<{ revokedSessions: number; later: Later }> {
  const link = await openLink(deps, token, "resetPassword");
  const [user] = await deps.db.select().from(users).where(eq(users.id, link.userId));
  if (!user)
    throw new ApiError(404, "invalid_link", "This link is not valid", [], "このリンクは無効です");
  await assertAccountActionAllowed(deps, "passwordReset", { userId: user.id });
  const problems = passwordProblems(password, user.email);
  if (problems.length > 0) {
    throw new ApiError(
      422,
      "weak_password",
      "Choose a stronger password",
      problems,
      "より安全なパスワードを設定してください",
    );
  }
  const passwordHash = await hashPassword(password);
  const now = deps.now();
  const { revoked, mail, queued } = await deps.db.transaction(async (tx) => {
    const used = await useLink({ db: tx, now: deps.now }, link);
    if (used.length === 0) {
      throw new ApiError(
        410,
        "link_used",
        "This link has already been used",
        [],
        "このリンクは使用済みです",
      );
    }
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now })
      .where(eq(users.id, user.id));
    const revoked = await revokeSessions({ db: tx, now: deps.now }, user.id);
    const mail = {
      to: user.email,
      template: "passwordChanged",
      ...passwordChangedMail(locale, revoked.length),
    };
    const queued = outboxRow(deps, mail);
    await tx.insert(outbox).values(queued);
    await tx.insert(accountEvents).values({
      userId: user.id,
      email: user.email,
      event: "passwordReset",
      details: { revokedSessions: revoked.length },
      createdAt: now,
    });
    return { revoked, mail, queued };
  });
  return { revokedSessions: revoked.length, later: () => deliverMail(deps, queued.id, mail) };
}

/** Every session of the user signed out, this one included; API tokens are not sessions. */
export async function signOutEverywhere(deps: Deps, user: User): Promise<number> {
  await assertAccountActionAllowed(deps, "signedOutEverywhere", { userId: user.id });
  return deps.db.transaction(async (tx) => {
    const revoked = await revokeSessions({ db: tx, now: deps.now }, user.id);
    await tx.insert(accountEvents).values({
      userId: user.id,
      email: user.email,
      event: "signedOutEverywhere",
      details: { revokedSessions: revoked.length },
      createdAt: deps.now(),
    });
    return revoked.length;
  });
}

/** The user's own audit trail, newest first. */
export async function listAccountEvents(deps: Pick<Deps, "db">, user: User) {
  const rows = await deps.db
    .select()
    .from(accountEvents)
    .where(eq(accountEvents.userId, user.id))
    .orderBy(desc(accountEvents.createdAt), desc(sql`rowid`))
    .limit(100);
  return rows.map((row) => ({
    id: row.id,
    event: row.event,
    email: row.email,
    details: row.details ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}
