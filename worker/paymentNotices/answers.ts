import { and, eq, lte } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { invoices, users } from "../db/schema";
import type { Deps } from "../deps";
import { DEFAULT_CONFIG } from "../deps";
import type { Invoice } from "../invoices/rules";
import { loadParts, recordInvoiceEvent } from "../invoices/service";
import { type NotificationInput, notify } from "../notifications/service";
import { outboxOnlyTransport } from "../platform/mailTransport";
import { noticeAnsweredText, noticeAutoAcceptedText } from "./notificationTexts";
import { assertAnswerable, overdue } from "./rules";
import { changed } from "./store";

// The partner's answer to a sent payment notice, and the system's acceptance once its
// confirmation deadline passes unanswered.

async function notifyCompany(
  deps: Pick<Deps, "db" | "now" | "mail" | "config">,
  parts: Awaited<ReturnType<typeof loadParts>>,
  input: NotificationInput,
) {
  const [creator] = await deps.db
    .select()
    .from(users)
    .where(eq(users.id, parts.contract.createdBy));
  await notify(
    deps,
    parts.contract.createdBy,
    input,
    creator ? { mail: { to: creator.email } } : {},
  );
}

/** The partner's answer: accepted, or returned with a reason for the company to correct. */
export async function answerPaymentNotice(
  deps: Deps,
  actor: User,
  notice: Invoice,
  answer: { accept: true } | { accept: false; reason: string },
) {
  if (notice.acceptBy && notice.acceptBy.getTime() <= deps.now().getTime()) {
    // The deadline passed before the job ran: accept it now, so the answer states the truth.
    if (notice.kind === "paymentNotice" && notice.status === "underReview") {
      await autoAccept(deps, notice);
      throw overdue(notice);
    }
  }
  assertAnswerable(notice, deps.now());
  const reason = answer.accept ? null : answer.reason;
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invoices)
      .set({
        status: answer.accept ? "approved" : "returned",
        decidedAt: deps.now(),
        returnReason: reason,
      })
      .where(and(eq(invoices.id, notice.id), eq(invoices.status, "underReview")))
      .returning();
    if (!row) throw changed();
    const event = answer.accept ? "approved" : "returned";
    await recordInvoiceEvent(tx, deps, row, event, actor, reason ? { reason } : {});
    return row;
  });
  const parts = await loadParts(deps, notice.contractId);
  const who = parts.partner.fullName ?? parts.partner.email;
  await notifyCompany(
    deps,
    parts,
    noticeAnsweredText(
      notice,
      answer.accept ? { accept: true } : { accept: false, reason: reason ?? "" },
      { partner: who, contract: parts.contract.title },
    ),
  );
  return updated;
}

type JobDeps = Pick<Deps, "db" | "now"> & Partial<Pick<Deps, "mail" | "config">>;

/** One overdue notice accepted by the system; false when someone got there first. */
async function autoAccept(deps: JobDeps, notice: Invoice): Promise<boolean> {
  const accepted = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invoices)
      .set({ status: "approved", autoAccepted: true, decidedAt: deps.now() })
      .where(and(eq(invoices.id, notice.id), eq(invoices.status, "underReview")))
      .returning();
    if (row) {
      await recordInvoiceEvent(tx, deps, row, "autoAccepted", null, {
        acceptBy: notice.acceptBy?.toISOString() ?? null,
      });
    }
    return row;
  });
  if (!accepted) return false;
  // The cron entry points hand over only db and clock: mail then goes to the outbox alone.
  const notifier = {
    ...deps,
    mail: deps.mail ?? outboxOnlyTransport,
    config: deps.config ?? DEFAULT_CONFIG,
  };
  const parts = await loadParts(deps, notice.contractId);
  const text = noticeAutoAcceptedText(notice, parts.contract.title);
  await notify(notifier, parts.partner.id, text, { mail: { to: parts.partner.email } });
  await notifyCompany(notifier, parts, text);
  return true;
}

/** The scheduled sweep: notices under review past their deadline become accepted. */
export async function acceptOverdueNotices(deps: JobDeps): Promise<number> {
  const due = await deps.db
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.kind, "paymentNotice"),
        eq(invoices.status, "underReview"),
        lte(invoices.acceptBy, deps.now()),
      ),
    );
  let accepted = 0;
  for (const notice of due) if (await autoAccept(deps, notice)) accepted++;
  return accepted;
}
