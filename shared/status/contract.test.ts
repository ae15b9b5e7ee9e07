import { describe, expect, it } from "vitest";
import { CONTRACT_STATUS_LABELS, CONTRACT_STATUSES, contractStatus } from "./contract";
import { ORDER_STATUSES, type OrderStatus } from "./order";

const period = { start: "2025-07-26", end: "2025-09-25" };
const during = "2025-08-10T10:00:00+09:00";
const lastMinute = "2025-09-25T23:59:59.999+09:00";
const after = "2025-09-26T00:00:00+09:00";

const status = (latestOrderStatus: OrderStatus | null, now = during) =>
  contractStatus({ latestOrderStatus, period, now });

describe("contract status (契約ステータス)", () => {
  it.each([
    [null, "orderNotCreated", "発注書未作成"],
    ["draft", "orderNotSent", "発注書未送付"],
    ["underReview", "waitingForApproval", "契約前（発注書承認待ち）"],
    ["returned", "orderReturned", "発注書差し戻し"],
    ["approved", "inContract", "契約中"],
    ["superseded", "orderNotCreated", "発注書未作成"],
    ["expired", "orderNotCreated", "発注書未作成"],
  ] as const)("latest order %s: %s (%s)", (order, expected, ja) => {
    expect(status(order)).toBe(expected);
    expect(CONTRACT_STATUS_LABELS[status(order)].ja).toBe(ja);
  });

  it("an approved order is in contract through the end date, ended after it", () => {
    expect(status("approved", lastMinute)).toBe("inContract");
    expect(status("approved", after)).toBe("ended");
    expect(status("approved", "2025-07-01T09:00:00+09:00")).toBe("inContract");
  });

  it("after the end date every contract has ended", () => {
    for (const order of [null, ...ORDER_STATUSES]) expect(status(order, after)).toBe("ended");
  });

  it("a pending change of conditions keeps an approved contract in force", () => {
    for (const order of ["draft", "underReview", "returned"] as const) {
      expect(
        contractStatus({
          latestOrderStatus: order,
          period,
          now: during,
          earlierOrderApproved: true,
        }),
      ).toBe("inContract");
    }
  });

  it("every status has both labels", () => {
    for (const value of CONTRACT_STATUSES) {
      expect(CONTRACT_STATUS_LABELS[value].en).not.toBe("");
      expect(CONTRACT_STATUS_LABELS[value].ja).not.toBe("");
    }
  });
});
