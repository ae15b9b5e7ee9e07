import { describe, expect, it } from "vitest";
import { IssueCode } from "../issues";
import {
  INVOICE_EVENTS,
  INVOICE_STATUS_LABELS,
  INVOICE_STATUSES,
  invoiceEditIssue,
  invoiceEventsFrom,
  isInvoiceEditable,
  transitionInvoice,
} from "./invoice";

describe("the invoice status machine", () => {
  it("submits a draft or a returned invoice, approves or returns one under review", () => {
    expect(transitionInvoice("draft", "submit")).toEqual({ ok: true, status: "underReview" });
    expect(transitionInvoice("returned", "submit")).toEqual({ ok: true, status: "underReview" });
    expect(transitionInvoice("underReview", "approve")).toEqual({ ok: true, status: "approved" });
    expect(transitionInvoice("underReview", "return")).toEqual({ ok: true, status: "returned" });
  });

  it("refuses every other pair in both languages, and offers only what it allows", () => {
    let refused = 0;
    for (const status of INVOICE_STATUSES) {
      for (const event of INVOICE_EVENTS) {
        const result = transitionInvoice(status, event);
        expect(result.ok).toBe(invoiceEventsFrom(status).includes(event));
        if (result.ok) continue;
        refused++;
        expect(result.issue.code).toBe(IssueCode.INVOICE_TRANSITION_NOT_ALLOWED);
        expect(result.issue.messageJa).toMatch(/請求書/);
      }
    }
    expect(refused).toBe(8);
    expect(transitionInvoice("approved", "return")).toMatchObject({
      issue: {
        messageJa:
          "承認済みの請求書は差し戻しできません（差し戻しできるのは確認中の請求書のみです）",
      },
    });
  });

  it("is the partner's to edit as a draft or returned, locked otherwise", () => {
    expect(INVOICE_STATUSES.filter(isInvoiceEditable)).toEqual(["draft", "returned"]);
    expect(invoiceEditIssue("draft")).toBeNull();
    expect(invoiceEditIssue("underReview")?.code).toBe(IssueCode.INVOICE_LOCKED);
    expect(invoiceEditIssue("approved")?.messageJa).toBe("承認済みの請求書は変更できません");
  });

  it("labels every status in both languages, on the document and beside it", () => {
    for (const status of INVOICE_STATUSES) {
      const label = INVOICE_STATUS_LABELS[status];
      expect(label.en.length * label.ja.length * label.jaOnDocument.length).toBeGreaterThan(0);
    }
    expect(INVOICE_STATUS_LABELS.underReview.ja).toBe("請求書確認中");
    expect(INVOICE_STATUS_LABELS.underReview.jaOnDocument).toBe("確認中");
  });
});
