import { describe, expect, it } from "vitest";
import { IssueCode } from "../issues";
import { transitionPaymentNotice } from "./paymentNotice";

const notice = (status: "underReview" | "approved" | "returned", autoAccepted = false) => ({
  status,
  number: "PN-000001",
  workingMonth: "2025-08",
  autoAccepted,
});

describe("the payment notice status machine", () => {
  it("is sent for a month without one, or again once returned", () => {
    expect(transitionPaymentNotice(undefined, "send")).toEqual({ ok: true, status: "underReview" });
    expect(transitionPaymentNotice(notice("returned"), "send")).toMatchObject({ ok: true });
    const again = transitionPaymentNotice(notice("underReview"), "send");
    expect(again).toMatchObject({ ok: false, issue: { code: IssueCode.PAYMENT_NOTICE_EXISTS } });
    expect(transitionPaymentNotice(notice("approved"), "send")).toMatchObject({
      issue: { messageJa: "2025-08 の支払通知書 PN-000001 は承認済みです" },
    });
  });

  it("is accepted, accepted by the deadline or returned while under review, and only then", () => {
    expect(transitionPaymentNotice(notice("underReview"), "accept")).toMatchObject({
      status: "approved",
    });
    expect(transitionPaymentNotice(notice("underReview"), "autoAccept")).toMatchObject({
      status: "approved",
    });
    expect(transitionPaymentNotice(notice("underReview"), "return")).toMatchObject({
      status: "returned",
    });
    const late = transitionPaymentNotice(notice("approved", true), "return");
    expect(late).toMatchObject({ ok: false, issue: { code: IssueCode.PAYMENT_NOTICE_DECIDED } });
    expect(late.ok ? "" : late.issue.message).toBe(
      "The payment notice PN-000001 is already accepted automatically: it can no longer be answered",
    );
    expect(late.ok ? "" : late.issue.messageJa).toBe(
      "支払通知書 PN-000001 は自動承認済みです。回答できません",
    );
  });
});
