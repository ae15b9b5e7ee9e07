// Statuses of an invoice (請求書) or payment notice (支払通知書), with their labels: one
// source for the API's documents, the sidebar and the review sheets.

export const INVOICE_STATUSES = ["draft", "underReview", "approved", "returned"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, { en: string; ja: string }> = {
  draft: { en: "Draft", ja: "下書き" },
  underReview: { en: "Under review", ja: "請求書確認中" },
  approved: { en: "Approved", ja: "承認済み" },
  returned: { en: "Returned", ja: "差し戻し" },
};
