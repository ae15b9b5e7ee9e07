import { and, eq, isNull } from "drizzle-orm";
import { isUniqueViolation } from "../db/failures";
import { authTokens, emailTokens, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../platform/crypto";
import { sendMail } from "../platform/mail";
import { closeOpenLinks, LINK_HOURS, newLinkToken, openLink, useLink } from "./linkTokens";
import { claimLoginAttempt, clearLoginFailures } from "./loginThrottle";
import { passwordProblems } from "./passwordPolicy";
import { issueToken, type User } from "./sessions";

export const VERIFY_EMAIL_HOURS = LINK_HOURS.verifyEmail;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const emailTaken = (email: string) =>
  new ApiError(409, "email_taken", `An account already exists for ${email}: sign in instead`, [
    {
      path: "email",
      message: `An account already exists for ${email}`,
      messageJa: `${email} のアカウントはすでにあります`,
    },
  ]);

type NewAccount = { email: string; password?: string; googleSubject?: string; verified?: boolean };

/** A user row with the consent stored and its time; the email verification mail unless verified. */
export async function createAccount(deps: Deps, input: NewAccount): Promise<User> {
  const email = normaliseEmail(input.email);
  if (input.password !== undefined) {
    const problems = passwordProblems(input.password, email);
    if (problems.length > 0) {
      throw new ApiError(422, "weak_password", "Choose a stronger password", problems);
    }
  }
  const [existing] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email));
  if (existing) throw emailTaken(email);
  const now = deps.now();
  const [user] = await deps.db
    .insert(users)
    .values({
      email,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
      googleSubject: input.googleSubject ?? null,
      emailVerifiedAt: input.verified ? now : null,
      termsVersion: deps.config.termsVersion,
      consentedAt: now,
      createdAt: now,
    })
    .returning()
    .catch((error: unknown) => {
      // The same address registered by a parallel request (Submit clicked twice).
      throw isUniqueViolation(error) ? emailTaken(email) : error;
    });
  if (!user) throw new Error("insert returned no row");
  if (!input.verified) await sendVerification(deps, user);
  return user;
}

export async function sendVerification(deps: Deps, user: User): Promise<void> {
  const { token, row } = await newLinkToken(deps, user.id, "verifyEmail");
  await deps.db.insert(emailTokens).values(row);
  const link = `${deps.config.appUrl}/verify-email?token=${token}`;
  await sendMail(deps, {
    to: user.email,
    template: "verifyEmail",
    subject: "[Shimebi] Please verify your email address / メールアドレスの確認",
    text: [
      "Verify your email address to finish registering with Shimebi:",
      "Shimebi への登録を完了するため、メールアドレスを確認してください:",
      "",
      link,
      "",
      `The link works once, for ${VERIFY_EMAIL_HOURS} hours. / このリンクは1回限り、${VERIFY_EMAIL_HOURS}時間有効です。`,
      `Verification token: ${token}`,
    ].join("\n"),
  });
}

export async function verifyEmail(deps: Deps, token: string): Promise<User> {
  const link = await openLink(deps, token, "verifyEmail");
  const [user] = await deps.db.batch([
    deps.db
      .update(users)
      .set({ emailVerifiedAt: deps.now() })
      .where(eq(users.id, link.userId))
      .returning(),
    useLink(deps, link),
  ]);
  const updated = user[0];
  if (!updated) {
    throw new ApiError(404, "invalid_link", "This link is not valid", [], "このリンクは無効です");
  }
  return updated;
}

/**
 * Email and password to a session. Attempts are throttled per address and per address and
 * client (`loginThrottle.ts`); an unknown address is answered after the same work as a known
 * one, so the time does not tell which addresses have accounts.
 */
export async function login(
  deps: Deps,
  emailInput: string,
  password: string,
  clientIp: string,
): Promise<{ user: User; token: string; expiresAt: Date | null }> {
  const email = normaliseEmail(emailInput);
  await claimLoginAttempt(deps.db, email, clientIp, deps.now());
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user?.passwordHash || !matches) {
    throw new ApiError(
      401,
      "invalid_credentials",
      "The email address or password is not correct",
      [],
      "メールアドレスまたはパスワードが正しくありません",
    );
  }
  await clearLoginFailures(deps.db, email, clientIp);
  if (!user.emailVerifiedAt) {
    throw new ApiError(
      403,
      "email_unverified",
      "Verify your email address first: follow the link we sent",
    );
  }
  const issued = await issueToken(deps, user.id, "session");
  return { user, token: issued.token, expiresAt: issued.expiresAt };
}

/**
 * A new verification link for an unverified address. Answers the same whatever the address,
 * so nobody can probe which addresses have accounts.
 */
export async function resendVerification(deps: Deps, emailInput: string): Promise<void> {
  const [user] = await deps.db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(emailInput)));
  if (!user || user.emailVerifiedAt) return;
  await closeOpenLinks(deps, user.id, "verifyEmail");
  await sendVerification(deps, user);
}

/**
 * A Google sign-in proves the address. On an account nobody had proved yet, a password on it
 * was set by whoever registered the address first, who may not be its owner: it is dropped,
 * with every token issued to it, so only the person who proved the address gets in.
 */
export async function proveAddressWithGoogle(
  deps: Deps,
  user: User,
  subject: string,
): Promise<User> {
  if (user.emailVerifiedAt && user.googleSubject === subject) return user;
  const now = deps.now();
  const link = deps.db
    .update(users)
    .set({
      googleSubject: subject,
      emailVerifiedAt: user.emailVerifiedAt ?? now,
      ...(user.emailVerifiedAt ? {} : { passwordHash: null }),
    })
    .where(eq(users.id, user.id))
    .returning();
  if (user.emailVerifiedAt) return (await link)[0] ?? user;
  const [updated] = await deps.db.batch([
    link,
    deps.db
      .update(authTokens)
      .set({ revokedAt: now })
      .where(and(eq(authTokens.userId, user.id), isNull(authTokens.revokedAt))),
  ]);
  return updated[0] ?? user;
}
