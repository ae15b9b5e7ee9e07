// The payment notice's (支払通知書) status machine: the company sends it, the partner accepts
// or returns it, and silence until the confirmation deadline (確認期限) counts as acceptance.
// A notice is under review from the moment it is sent. When the company has an approval route
// for its notices, the notice waits as a draft (the company's, unseen by the partner) until
// the route's last step sends it.
//
//   (draft) --send--> underReview --accept / autoAccept--> approved
//                       ^     \
//                  send |      return
//                       |       v
//                       returned
//
// A notice is stored with the invoices (same table, kind "paymentNotice"), so its statuses
// are the invoice's; "approved" reads "accepted" for a notice.

import { type Issue, IssueCode, makeIssue } from "../issues";
import type { InvoiceStatus } from "./invoice";

export type PaymentNoticeStatus = Exclude<InvoiceStatus, "draft">;
export const PAYMENT_NOTICE_STATUSES = ["underReview", "approved", "returned"] as const;

export const PAYMENT_NOTICE_EVENTS = ["send", "accept", "autoAccept", "return"] as const;
export type PaymentNoticeEvent = (typeof PAYMENT_NOTICE_EVENTS)[number];

export const PAYMENT_NOTICE_STATUS_LABELS: Record<
  PaymentNoticeStatus,
  { en: string; ja: string; jaOnDocument: string }
> = {
  underReview: { en: "Under review", ja: "支払通知書確認中", jaOnDocument: "確認中" },
  approved: { en: "Accepted", ja: "承認済み", jaOnDocument: "承認済み" },
  returned: { en: "Returned", ja: "差し戻し", jaOnDocument: "差し戻し" },
};

/** What the notice is at present, for a refusal: "already accepted automatically". */
export interface NoticeState {
  status: InvoiceStatus;
  number: string | null;
  workingMonth: string;
  autoAccepted?: boolean;
}

export type NoticeTransition =
  | { ok: true; status: PaymentNoticeStatus }
  | { ok: false; issue: Issue };

/**
 * The status after `event`. `send` applies to the month's notice, if there is one: only a
 * returned notice may be sent again. The partner and the deadline answer one under review.
 */
export function transitionPaymentNotice(
  notice: NoticeState | undefined,
  event: PaymentNoticeEvent,
): NoticeTransition {
  if (event === "send") {
    if (!notice || notice.status === "returned" || notice.status === "draft") {
      return { ok: true, status: "underReview" };
    }
    const accepted = notice.status === "approved";
    return {
      ok: false,
      issue: makeIssue(
        "status",
        IssueCode.PAYMENT_NOTICE_EXISTS,
        accepted
          ? `The payment notice ${notice.number} for ${notice.workingMonth} is already accepted`
          : `The payment notice ${notice.number} for ${notice.workingMonth} is already sent and awaits the partner's answer`,
        accepted
          ? `${notice.workingMonth} の支払通知書 ${notice.number} は承認済みです`
          : `${notice.workingMonth} の支払通知書 ${notice.number} は送付済みで、パートナーの回答待ちです`,
      ),
    };
  }
  if (notice?.status === "underReview") {
    return { ok: true, status: event === "return" ? "returned" : "approved" };
  }
  return { ok: false, issue: decided(notice) };
}

function decided(notice: NoticeState | undefined): Issue {
  const status = notice?.status ?? "draft";
  const words: Record<InvoiceStatus, { en: string; ja: string }> = {
    draft: { en: "not sent yet", ja: "まだ送付されていません" },
    underReview: { en: "under review", ja: "確認中です" },
    approved: notice?.autoAccepted
      ? { en: "already accepted automatically", ja: "自動承認済みです" }
      : { en: "already accepted", ja: "承認済みです" },
    returned: { en: "returned to the company", ja: "企業に差し戻し済みです" },
  };
  const number = notice?.number ?? "";
  return makeIssue(
    "status",
    IssueCode.PAYMENT_NOTICE_DECIDED,
    `The payment notice ${number} is ${words[status].en}: it can no longer be answered`,
    `支払通知書 ${number} は${words[status].ja}。回答できません`,
  );
}
