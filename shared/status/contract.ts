// The contract's status, derived from its latest purchase order and the clock, never
// stored: a stored copy would go stale the moment the period ends.

import type { ContractPeriod } from "../contractPeriod";
import { isPastApprovalDeadline, type OrderStatus } from "./order";

export const CONTRACT_STATUSES = [
  "orderNotCreated",
  "orderNotSent",
  "waitingForApproval",
  "orderReturned",
  "inContract",
  "ended",
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, { en: string; ja: string }> = {
  orderNotCreated: { en: "Purchase order not created", ja: "発注書未作成" },
  orderNotSent: { en: "Purchase order not sent", ja: "発注書未送付" },
  waitingForApproval: {
    en: "Before the contract (waiting for approval of the purchase order)",
    ja: "契約前（発注書承認待ち）",
  },
  orderReturned: { en: "Purchase order returned", ja: "発注書差し戻し" },
  inContract: { en: "In contract", ja: "契約中" },
  ended: { en: "Contract ended", ja: "契約終了" },
};

export interface ContractStatusInput {
  /** The status of the contract's newest purchase order; null when there is none. */
  latestOrderStatus: OrderStatus | null;
  period: ContractPeriod;
  /** ISO 8601 instant with its offset. */
  now: string;
  /**
   * An earlier order of the contract was approved: the latest one is then a change of
   * conditions (稼働条件変更), and the contract stays in force while it is settled.
   */
  earlierOrderApproved?: boolean;
}

/**
 * - After 23:59 Japan time on the end date: ended, whatever the order (nothing can be sent
 *   or approved any more).
 * - Otherwise by the latest order: none, superseded (its replacement not made yet) or
 *   expired (the period has since been extended): orderNotCreated; draft: orderNotSent;
 *   underReview: waitingForApproval; returned: orderReturned, an addition to the seed's
 *   list so the company sees the order is back with it; approved: inContract, also before
 *   the start date, since the agreement is then made.
 * - While a change of conditions is pending after an approved order: inContract.
 */
export function contractStatus({
  latestOrderStatus,
  period,
  now,
  earlierOrderApproved = false,
}: ContractStatusInput): ContractStatus {
  if (isPastApprovalDeadline(now, period.end)) return "ended";
  if (earlierOrderApproved) return "inContract";
  switch (latestOrderStatus) {
    case null:
    case "superseded":
    case "expired":
      return "orderNotCreated";
    case "draft":
      return "orderNotSent";
    case "underReview":
      return "waitingForApproval";
    case "returned":
      return "orderReturned";
    case "approved":
      return "inContract";
  }
}
