// The purchase order's (発注書) status machine. Every status change of an order goes through
// transitionOrder, so the rules live here and not in scattered ifs.
//
//   draft --send--> underReview --approve--> approved
//                    |   ^   \--expire--> expired        (past the approval deadline)
//              return|   |resend
//                    v   |
//                   returned
//   draft, underReview, returned --supersede--> superseded
//
// A change of conditions makes a new order. The old one keeps what it was when approved or
// expired; one still open (draft, under review, returned) becomes superseded, so that two
// orders for one contract are never waiting for the partner at once.

import { endOfDayJst, parseInstant } from "../instant";
import { type Issue, IssueCode, makeIssue } from "../issues";

export const ORDER_STATUSES = [
  "draft",
  "underReview",
  "approved",
  "returned",
  "expired",
  "superseded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = ["send", "resend", "approve", "return", "expire", "supersede"] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, { en: string; ja: string }> = {
  draft: { en: "Draft", ja: "下書き" },
  underReview: { en: "Under review", ja: "確認中" },
  approved: { en: "Approved", ja: "承認済み" },
  returned: { en: "Returned", ja: "差し戻し" },
  expired: { en: "Expired", ja: "期限切れ" },
  superseded: { en: "Superseded", ja: "差し替え済み" },
};

/** What the partner must have saved before approving (発注請書 needs them). */
export type PartnerDetail = "address" | "phone" | "bankAccount";

const DETAIL_LABELS: Record<PartnerDetail, { path: string; en: string; ja: string }> = {
  address: { path: "address", en: "address", ja: "住所" },
  phone: { path: "phone", en: "phone number", ja: "電話番号" },
  bankAccount: { path: "bankAccountId", en: "bank account", ja: "振込先口座" },
};

export interface OrderContext {
  /** The current instant, ISO 8601 with its offset: new Date().toISOString(). */
  now: string;
  /** The contract's end date (契約期間の終了日), YYYY-MM-DD. */
  endDate: string;
  /** return: why the partner sends it back; required, not blank. */
  reason?: string;
  /** approve: details the partner has not saved yet; approval waits for them. */
  missingDetails?: readonly PartnerDetail[];
}

export type OrderTransition = { ok: true; status: OrderStatus } | { ok: false; issue: Issue };

const RULES: Record<
  OrderEvent,
  { from: readonly OrderStatus[]; to: OrderStatus; en: string; ja: string }
> = {
  send: { from: ["draft"], to: "underReview", en: "sent", ja: "送付" },
  resend: { from: ["returned"], to: "underReview", en: "resent", ja: "再送付" },
  approve: { from: ["underReview"], to: "approved", en: "approved", ja: "承認" },
  return: { from: ["underReview"], to: "returned", en: "returned", ja: "差し戻し" },
  expire: { from: ["underReview"], to: "expired", en: "expired", ja: "期限切れに" },
  supersede: {
    from: ["draft", "underReview", "returned"],
    to: "superseded",
    en: "superseded",
    ja: "差し替え",
  },
};

const ORDER_ACTIONS = {
  approve: { en: "approved", ja: "承認" },
  return: { en: "returned", ja: "差し戻し" },
};

/** Approval is possible until 23:59 Japan time on the contract's end date. */
export function approvalDeadline(endDate: string): string {
  endOfDayJst(endDate); // throws on a date that does not exist
  return `${endDate}T23:59:59.999+09:00`;
}

/** Past the approval deadline; throws RangeError on an instant without an offset. */
export function isPastApprovalDeadline(now: string, endDate: string): boolean {
  const instant = parseInstant(now);
  if (instant === null) throw new RangeError(`invalid instant ${JSON.stringify(now)}`);
  return instant > endOfDayJst(endDate);
}

function refuse(path: string, code: IssueCode, message: string, messageJa: string) {
  return { ok: false as const, issue: makeIssue(path, code, message, messageJa) };
}

function wrongStatus(status: OrderStatus, event: OrderEvent): OrderTransition {
  const rule = RULES[event];
  const label = ORDER_STATUS_LABELS[status];
  const fromEn = rule.from.map((from) => ORDER_STATUS_LABELS[from].en.toLowerCase()).join(", ");
  const fromJa = rule.from.map((from) => ORDER_STATUS_LABELS[from].ja).join("・");
  let hint = { en: "", ja: "" };
  if (status === "returned" && event === "send") {
    hint = { en: " Revise it and resend it.", ja: "修正して再送付してください。" };
  } else if (status === "draft" && event === "resend") {
    hint = { en: " Send it first.", ja: "先に送付してください。" };
  }
  return refuse(
    "status",
    IssueCode.ORDER_TRANSITION_NOT_ALLOWED,
    `This purchase order is ${label.en.toLowerCase()}, so it cannot be ${rule.en}: only an order that is ${fromEn} can be.${hint.en}`,
    `${label.ja}の発注書は${rule.ja}できません（${rule.ja}できるのは${fromJa}の発注書のみです）。${hint.ja}`,
  );
}

function expired(endDate: string, action: { en: string; ja: string }): OrderTransition {
  return refuse(
    "status",
    IssueCode.ORDER_EXPIRED,
    `This purchase order has expired: the contract ended on ${endDate}, so it can no longer be ${action.en}`,
    `この発注書は期限切れです。契約期間が ${endDate} に終了したため、${action.ja}できません`,
  );
}

/**
 * The status after `event`, or the one issue that refuses it. Sending and resending are
 * refused after the deadline too: an order sent then could never be approved. Throws
 * RangeError when now or endDate cannot be read (the caller's clock and stored dates).
 */
export function transitionOrder(
  status: OrderStatus,
  event: OrderEvent,
  context: OrderContext,
): OrderTransition {
  const rule = RULES[event];
  const past = isPastApprovalDeadline(context.now, context.endDate);
  if (status === "underReview" && past && (event === "approve" || event === "return")) {
    return expired(context.endDate, ORDER_ACTIONS[event]);
  }
  if (status === "expired" && (event === "approve" || event === "return")) {
    return expired(context.endDate, ORDER_ACTIONS[event]);
  }
  if (!rule.from.includes(status)) return wrongStatus(status, event);

  if ((event === "send" || event === "resend") && past) {
    return refuse(
      "status",
      IssueCode.CONTRACT_ENDED,
      `The contract ended on ${context.endDate}: a purchase order sent now could never be approved. Change the contract period first`,
      `契約期間が ${context.endDate} に終了しているため、発注書を送付しても承認できません。先に契約期間を変更してください`,
    );
  }
  if (event === "expire" && !past) {
    return refuse(
      "status",
      IssueCode.ORDER_NOT_YET_EXPIRED,
      `This purchase order can be approved until ${approvalDeadline(context.endDate)}; it expires only after that`,
      `この発注書は ${context.endDate} 23:59 まで承認できます。期限切れになるのはその後です`,
    );
  }
  if (event === "return" && (context.reason ?? "").trim() === "") {
    return refuse(
      "reason",
      IssueCode.RETURN_REASON_REQUIRED,
      "Give a reason for returning this purchase order, so the company knows what to revise",
      "差し戻しの理由を入力してください。企業側が修正する内容の手がかりになります",
    );
  }
  const missing = event === "approve" ? (context.missingDetails ?? []) : [];
  const [first] = missing;
  if (first !== undefined) {
    const en = missing.map((detail) => DETAIL_LABELS[detail].en).join(", ");
    const ja = missing.map((detail) => DETAIL_LABELS[detail].ja).join("・");
    return refuse(
      DETAIL_LABELS[first].path,
      IssueCode.PARTNER_DETAILS_MISSING,
      `Save your ${en} before approving: the order confirmation (発注請書) carries them`,
      `承認の前に${ja}を保存してください。発注請書に記載されます`,
    );
  }
  return { ok: true, status: rule.to };
}

/** The events the status allows, before context: what a screen may offer. */
export function orderEventsFrom(status: OrderStatus): OrderEvent[] {
  return ORDER_EVENTS.filter((event) => RULES[event].from.includes(status));
}
