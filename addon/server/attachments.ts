import { refuse } from "./answer";
import { callApi, fetchApiText, postApiForm } from "./api";
import { MESSAGES, userLang } from "./i18n";

// Files attached to an invoice (業務報告書 and others), sent as multipart/form-data the way
// UrlFetchApp makes it from an object holding a Blob; and the invoice's HTML documents shown
// in a dialog. The API recognises the file's type from its content and says why it refuses.

export type AttachmentPurpose = "report" | "other";

/** The API's attachment (worker/attachments/service.ts serializeAttachment). */
export interface Attachment {
  id: string;
  invoiceId: string;
  purpose: AttachmentPurpose;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

const enc = encodeURIComponent;

/** Upload a file the sidebar read as base64; the API's refusal is thrown as it came. */
export function attachFile(
  invoiceId: string,
  purpose: AttachmentPurpose,
  fileName: string,
  mimeType: string,
  base64: string,
): Attachment {
  const bytes = Utilities.base64Decode(base64);
  const file = Utilities.newBlob(bytes, mimeType || "application/octet-stream", fileName);
  return postApiForm<Attachment>(`/v1/invoices/${enc(invoiceId)}/attachments`, {
    file,
    purpose,
  });
}

/** The invoice's attachments, oldest first. */
export function listAttachments(invoiceId: string): Attachment[] {
  return callApi<{ items: Attachment[] }>("get", `/v1/invoices/${enc(invoiceId)}/attachments`)
    .items;
}

export type PreviewKind = "invoice" | "report";

const PREVIEW = {
  invoice: { path: "document", title: { ja: "請求書", en: "Invoice" } },
  report: { path: "report", title: { ja: "業務報告書", en: "Business report" } },
} as const;

/** The API's HTML 請求書 or 業務報告書 in a modal dialog over the sheet. */
export function previewInvoice(invoiceId: string, which: PreviewKind): void {
  const kind = PREVIEW[which];
  if (!kind) refuse("unknown_document", MESSAGES.unknownDocument);
  const html = fetchApiText(`/v1/invoices/${enc(invoiceId)}/${kind.path}`, "text/html");
  const output = HtmlService.createHtmlOutput(html).setWidth(900).setHeight(700);
  SpreadsheetApp.getUi().showModalDialog(output, kind.title[userLang()]);
}
