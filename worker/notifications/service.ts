import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { notifications } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import type { Locale } from "../http/locale";
import { sendMail } from "../platform/mail";

// The bell: one row per notice to one user. Producers (invitations now; orders, invoices and
// payment notices later) call `notify` after their own writes have committed, so an action
// that rolls back never leaves a notice or a mail behind.

/**
 * What happened, in words the recipient reads as is.
 * - kind: dotted, producer first, e.g. "invitation.accepted", "order.sent"; clients may pick
 *   an icon by it, so keep a kind stable once shipped.
 * - title: one line, shown in the bell and as the mail subject.
 * - body: the detail, plain text.
 * - link: where a click leads, a path of this service such as "/v1/groups/<id>/members".
 */
export type NotificationInput = { kind: string; title: Words; body: Words; link?: string };

/** One text in both languages: the bell answers each reader in theirs, mail carries both. */
export type Words = { ja: string; en: string };

export type NotifyOptions = {
  /** Also send the same text by mail, through the outbox, to this address. */
  mail?: { to: string };
};

type Row = typeof notifications.$inferSelect;

const KIND = /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/;
export const TITLE_MAX = 300;
export const BODY_MAX = 4000;

/** Kind and link are our own code's: a malformed one is a bug to surface at once. */
function assertWellFormed(input: NotificationInput) {
  if (!KIND.test(input.kind)) throw new Error(`notification kind "${input.kind}" is not dotted`);
  if (input.link !== undefined && !/^\/(?!\/)/.test(input.link)) {
    throw new Error(`notification link "${input.link}" must be a path starting with /`);
  }
}

/**
 * Titles and bodies quote what users typed (emails, group names), so their length is not ours
 * to promise: they are cut rather than refused, since the action they report already happened.
 */
function clip(text: string, max: number): string {
  const chars = Array.from(text); // code points, so a cut never splits an emoji
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The notice in the reader's language; rows written before English was kept answer as stored. */
const oneLine = (text: string) => clip(text.replace(/\s+/g, " ").trim(), TITLE_MAX);

export function serializeNotification(row: Row, locale: Locale) {
  const en = locale === "en";
  return {
    id: row.id,
    kind: row.kind,
    title: (en ? row.titleEn : null) ?? row.title,
    body: (en ? row.bodyEn : null) ?? row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** Puts a notice in the user's bell and, when asked, mails the same text. */
export async function notify(
  deps: Pick<Deps, "db" | "now" | "mail" | "config">,
  userId: string,
  input: NotificationInput,
  options: NotifyOptions = {},
) {
  assertWellFormed(input);
  const [row] = await deps.db
    .insert(notifications)
    .values({
      userId,
      kind: input.kind,
      title: oneLine(input.title.ja),
      body: clip(input.body.ja, BODY_MAX),
      titleEn: oneLine(input.title.en),
      bodyEn: clip(input.body.en, BODY_MAX),
      link: input.link ?? null,
      createdAt: deps.now(),
    })
    .returning();
  if (!row) throw new Error("notification not stored");
  if (options.mail) {
    const link = input.link ? `\n\n${deps.config.appUrl}${input.link}` : "";
    // A failed send is recorded on the outbox row; the notice itself stands.
    await sendMail(deps, {
      to: options.mail.to,
      template: `notification.${input.kind}`,
      subject: `[Shimebi] ${row.title} / ${row.titleEn}`,
      text: `${row.body}\n\n${row.bodyEn}${link}`,
    });
  }
  return serializeNotification(row, "ja");
}

export async function unreadCount(deps: Pick<Deps, "db">, userId: string): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Newest first; rowid breaks ties between notices of the same millisecond. */
export async function listNotifications(
  deps: Pick<Deps, "db">,
  userId: string,
  query: { unread: boolean; limit: number },
  locale: Locale,
) {
  const mine = eq(notifications.userId, userId);
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(query.unread ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(sql`rowid`))
    .limit(query.limit);
  return {
    unreadCount: await unreadCount(deps, userId),
    items: rows.map((row) => serializeNotification(row, locale)),
  };
}

/** Reading twice keeps the first time. Someone else's notice is "not found". */
export async function markRead(
  deps: Pick<Deps, "db" | "now">,
  userId: string,
  notificationId: string,
  locale: Locale,
) {
  const mine = and(eq(notifications.id, notificationId), eq(notifications.userId, userId));
  await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(and(mine, isNull(notifications.readAt)));
  const [row] = await deps.db.select().from(notifications).where(mine);
  if (!row) throw new ApiError(404, "not_found", "No such notification");
  return serializeNotification(row, locale);
}

export async function markAllRead(deps: Pick<Deps, "db" | "now">, userId: string) {
  const marked = await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { unreadCount: 0 as const, marked: marked.length };
}
