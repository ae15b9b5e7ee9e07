import { eq } from "drizzle-orm";
import { accountEvents, emailTokens, outbox, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import type { Locale } from "../http/locale";
import { verifyPassword } from "../platform/crypto";
import { deliverMail, outboxRow } from "../platform/mail";
import { closeOpenLinks, LINK_HOURS, newLinkToken, openLink, useLink } from "./linkTokens";
import { emailChangeConfirmMail, emailChangedMail, emailChangeNoticeMail } from "./recoveryMail";
import { normaliseEmail } from "./service";
import type { User } from "./sessions";
import { assertAccountActionAllowed } from "./throttle";

// A change of address: a link to the new address (the change happens only when it is used)
// and a notice to the old one, so a stolen session cannot move an account away unnoticed.

const taken = (email: string) =>
  new ApiError(
    409,
    "email_taken",
    `${email} belongs to another account`,
    [
      {
        path: "newEmail",
        message: `${email} belongs to another account`,
        messageJa: `${email} は別のアカウントで使われています`,
      },
    ],
    `${email} は別のアカウントで使われています`,
  );

async function assertFree(deps: Pick<Deps, "db">, email: string, userId: string) {
  const [owner] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (owner && owner.id !== userId) throw taken(email);
}

/** The current password, when the account has one, proves it is its owner asking. */
async function assertOwner(user: User, password: string | undefined) {
  if (!user.passwordHash) return;
  if (password && (await verifyPassword(password, user.passwordHash))) return;
  throw new ApiError(
    403,
    "wrong_password",
    "Enter your current password to change the email address",
    [
      {
        path: "password",
        message: "The password is not correct",
        messageJa: "パスワードが正しくありません",
      },
    ],
    "メールアドレスを変更するには、現在のパスワードを入力してください",
  );
}

export async function requestEmailChange(
  deps: Deps,
  user: User,
  input: { newEmail: string; password?: string },
  locale: Locale,
) {
  const newEmail = normaliseEmail(input.newEmail);
  if (newEmail === user.email) {
    const message = {
      en: "This is already your email address",
      ja: "現在と同じメールアドレスです",
    };
    throw new ApiError(
      422,
      "same_email",
      message.en,
      [{ path: "newEmail", message: message.en, messageJa: message.ja }],
      message.ja,
    );
  }
  await assertOwner(user, input.password);
  await assertAccountActionAllowed(deps, "emailChangeRequested", { userId: user.id });
  await assertFree(deps, newEmail, user.id);
  const link = await newLinkToken(deps, user.id, "changeEmail", newEmail);
  const url = `${deps.config.appUrl}/confirm-email-change?token=${link.token}`;
  const hours = LINK_HOURS.changeEmail;
  const confirm = {
    to: newEmail,
    template: "confirmEmailChange",
    ...emailChangeConfirmMail(locale, url, hours, user.email),
  };
  const notice = {
    to: user.email,
    template: "emailChangeRequested",
    ...emailChangeNoticeMail(locale, newEmail),
  };
  const confirmRow = outboxRow(deps, confirm);
  const noticeRow = outboxRow(deps, notice);
  await deps.db.batch([
    closeOpenLinks(deps, user.id, "changeEmail"),
    deps.db.insert(emailTokens).values(link.row),
    deps.db.insert(outbox).values([confirmRow, noticeRow]),
    deps.db.insert(accountEvents).values({
      userId: user.id,
      email: newEmail,
      event: "emailChangeRequested",
      details: { from: user.email },
      createdAt: deps.now(),
    }),
  ]);
  return {
    answer: { status: "pending" as const, newEmail, expiresAt: link.row.expiresAt.toISOString() },
    later: async () => {
      await deliverMail(deps, confirmRow.id, confirm);
      await deliverMail(deps, noticeRow.id, notice);
    },
  };
}

/**
 * The link from the new address: the account moves to it, proved. A Google identity linked to
 * the old address no longer signs in; the new address's Google account may link itself.
 */
export async function confirmEmailChange(
  deps: Deps,
  token: string,
  locale: Locale,
): Promise<{ user: User; later: () => Promise<void> }> {
  const link = await openLink(deps, token, "changeEmail");
  const newEmail = link.newEmail;
  const [user] = await deps.db.select().from(users).where(eq(users.id, link.userId));
  if (!user || !newEmail)
    throw new ApiError(404, "invalid_link", "This link is not valid", [], "このリンクは無効です");
  await assertAccountActionAllowed(deps, "emailChanged", { userId: user.id });
  await assertFree(deps, newEmail, user.id);
  const now = deps.now();
  // The old address hears of it too, written with the change.
  const told = { to: user.email, template: "emailChanged", ...emailChangedMail(locale, newEmail) };
  const toldRow = outboxRow(deps, told);
  const updated = await deps.db.transaction(async (tx) => {
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
    const [updated] = await tx
      .update(users)
      .set({ email: newEmail, emailVerifiedAt: now, googleSubject: null })
      .where(eq(users.id, user.id))
      .returning();
    if (!updated) throw new Error("user not updated");
    await tx.insert(accountEvents).values({
      userId: user.id,
      email: newEmail,
      event: "emailChanged",
      details: { from: user.email },
      createdAt: now,
    });
    await tx.insert(outbox).values(toldRow);
    return updated;
  });
  return { user: updated, later: () => deliverMail(deps, toldRow.id, told) };
}
