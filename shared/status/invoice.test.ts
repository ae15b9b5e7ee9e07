import { describe, expect, it } from "vitest";
import { INVOICE_STATUS_LABELS, INVOICE_STATUSES } from "./invoice";

describe("invoice statuses", () => {
  it("label every status in both languages", () => {
    for (const status of INVOICE_STATUSES) {
      expect(INVOICE_STATUS_LABELS[status].ja.length).toBeGreaterThan(0);
      expect(INVOICE_STATUS_LABELS[status].en.length).toBeGreaterThan(0);
    }
    expect(INVOICE_STATUS_LABELS.underReview.ja).toBe("請求書確認中");
  });
});
