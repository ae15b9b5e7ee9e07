import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  approvalDeadline,
  isPastApprovalDeadline,
  ORDER_EVENTS,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  type OrderContext,
  type OrderEvent,
  type OrderStatus,
  orderEventsFrom,
  transitionOrder,
} from "./order";

const during: OrderContext = { now: "2025-08-10T10:00:00+09:00", endDate: "2025-09-25" };
const lastMinute: OrderContext = { ...during, now: "2025-09-25T14:59:59.999Z" };
const after: OrderContext = { ...during, now: "2025-09-25T15:00:00.000Z" };

function next(status: OrderStatus, event: OrderEvent, context: OrderContext = during) {
  const result = transitionOrder(status, event, context);
  if (!result.ok) throw new Error(JSON.stringify(result.issue));
  return result.status;
}

function refusal(status: OrderStatus, event: OrderEvent, context: OrderContext = during) {
  const result = transitionOrder(status, event, context);
  if (result.ok) throw new Error(`expected a refusal, got ${result.status}`);
  return result.issue;
}

describe("purchase order status (発注書)", () => {
  it("the seed's flow: send, return with a reason, resend, approve", () => {
    let status: OrderStatus = "draft";
    status = next(status, "send");
    expect(status).toBe("underReview");
    status = next(status, "return", { ...during, reason: "単価が違います" });
    expect(status).toBe("returned");
    status = next(status, "resend");
    expect(status).toBe("underReview");
    status = next(status, "approve");
    expect(status).toBe("approved");
  });

  it("approval is possible until 23:59 Japan time on the end date, not after", () => {
    expect(approvalDeadline("2025-09-25")).toBe("2025-09-25T23:59:59.999+09:00");
    expect(next("underReview", "approve", lastMinute)).toBe("approved");
    expect(refusal("underReview", "approve", after)).toEqual({
      path: "status",
      code: "order_expired",
      message:
        "This purchase order has expired: the contract ended on 2025-09-25, so it can no longer be approved",
      messageJa: "この発注書は期限切れです。契約期間が 2025-09-25 に終了したため、承認できません",
    });
    expect(refusal("expired", "approve").code).toBe("order_expired");
    expect(refusal("underReview", "return", { ...after, reason: "x" }).code).toBe("order_expired");
  });

  it("expires only after the deadline, and only while under review", () => {
    expect(next("underReview", "expire", after)).toBe("expired");
    expect(refusal("underReview", "expire", lastMinute).code).toBe("order_not_yet_expired");
    expect(refusal("approved", "expire", after).code).toBe("order_transition_not_allowed");
  });

  it("a return needs a reason", () => {
    for (const reason of [undefined, "", "  \n"]) {
      expect(refusal("underReview", "return", { ...during, reason })).toMatchObject({
        path: "reason",
        code: "return_reason_required",
      });
    }
  });

  it("approval waits for the partner's address, phone and bank account", () => {
    const issue = refusal("underReview", "approve", {
      ...during,
      missingDetails: ["phone", "bankAccount"],
    });
    expect(issue).toMatchObject({
      path: "phone",
      code: "partner_details_missing",
      message:
        "Save your phone number, bank account before approving: the order confirmation (発注請書) carries them",
      messageJa: "承認の前に電話番号・振込先口座を保存してください。発注請書に記載されます",
    });
    expect(next("underReview", "approve", { ...during, missingDetails: [] })).toBe("approved");
  });

  it("nothing is sent once the contract has ended", () => {
    expect(refusal("draft", "send", after).code).toBe("contract_ended");
    expect(refusal("returned", "resend", after).code).toBe("contract_ended");
  });

  it("a wrong step says what the order is and what would be allowed", () => {
    expect(refusal("returned", "send")).toEqual({
      path: "status",
      code: "order_transition_not_allowed",
      message:
        "This purchase order is returned, so it cannot be sent: only an order that is draft can be. Revise it and resend it.",
      messageJa:
        "差し戻しの発注書は送付できません（送付できるのは下書きの発注書のみです）。修正して再送付してください。",
    });
    expect(refusal("approved", "approve").message).toBe(
      "This purchase order is approved, so it cannot be approved: only an order that is under review can be.",
    );
  });

  it("a change of conditions supersedes an open order, never a settled one", () => {
    for (const status of ["draft", "underReview", "returned"] as const) {
      expect(next(status, "supersede")).toBe("superseded");
    }
    for (const status of ["approved", "expired", "superseded"] as const) {
      expect(refusal(status, "supersede").code).toBe("order_transition_not_allowed");
    }
  });

  it("approved, expired and superseded are final", () => {
    for (const status of ["approved", "expired", "superseded"] as const) {
      expect(orderEventsFrom(status)).toEqual([]);
    }
    expect(orderEventsFrom("underReview")).toEqual(["approve", "return", "expire", "supersede"]);
  });

  it("every status has both labels", () => {
    for (const status of ORDER_STATUSES) {
      expect(ORDER_STATUS_LABELS[status].en).not.toBe("");
      expect(ORDER_STATUS_LABELS[status].ja).not.toBe("");
    }
    expect(ORDER_STATUS_LABELS.underReview.ja).toBe("確認中");
  });

  it("any transition either succeeds into a status or gives one issue with a message", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORDER_STATUSES),
        fc.constantFrom(...ORDER_EVENTS),
        fc.integer({ min: -5 * 86_400_000, max: 5 * 86_400_000 }),
        fc.option(fc.string(), { nil: undefined }),
        (status, event, shift, reason) => {
          const now = new Date(Date.parse("2025-09-25T15:00:00Z") + shift).toISOString();
          const context = { now, endDate: "2025-09-25", reason };
          const result = transitionOrder(status, event, context);
          if (result.ok) {
            expect(orderEventsFrom(status)).toContain(event);
            expect(ORDER_STATUSES).toContain(result.status);
            if (event === "approve") expect(isPastApprovalDeadline(now, "2025-09-25")).toBe(false);
          } else {
            expect(result.issue.message).not.toBe("");
            expect(result.issue.messageJa).not.toBe("");
          }
        },
      ),
    );
  });

  it("refuses a clock it cannot read", () => {
    expect(() => transitionOrder("draft", "send", { ...during, now: "2025-08-10T10:00" })).toThrow(
      RangeError,
    );
  });
});
