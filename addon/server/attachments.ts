import { refuse } from "./answer";
import { callApi, fetchApiBlob, fetchApiText, postApiForm } from "./api";
import { saveToDrive } from "./drive";
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

/** Images a dialog shows as they are; anything else (a PDF, a spreadsheet) goes to Drive. */
const SHOWN_IN_DIALOG = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface OpenedAttachment {
  filename: string;
  shownAs: "dialog" | "drive";
  /** The Drive file's address when it was saved there. */
  url: string | null;
}

/**
 * An attached file opened for the person deciding the invoice: an image in a dialog over the
 * sheet; a PDF or any other file saved to their Drive (drive.file scope: a new file of the
 * add-on's) and linked from a dialog, since a dialog cannot show a PDF's bytes.
 */
export function openAttachment(invoiceId: string, attachmentId: string): OpenedAttachment {
  const attachment = listAttachments(invoiceId).find((a) => a.id === attachmentId);
  if (!attachment) return refuse("not_found", MESSAGES.unknownAttachment);
  const { filename, contentType } = attachment;
  const path = `/v1/invoices/${enc(invoiceId)}/attachments/${enc(attachmentId)}`;
  const blob = fetchApiBlob(path, contentType);
  const lang = userLang();
  const ui = SpreadsheetApp.getUi();
  if (SHOWN_IN_DIALOG.has(contentType)) {
    const src = `data:${contentType};base64,${Utilities.base64Encode(blob.getBytes())}`;
    const html = `<div style="text-align:center"><img alt="${escapeHtml(filename)}" style="max-width:100%" src="${src}"></div>`;
    ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(900).setHeight(700), filename);
    return { filename, shownAs: "dialog", url: null };
  }
  const saved = saveToDrive(blob, contentType, filename);
  const html = `<div style="font:13px/1.6 sans-serif"><p>${escapeHtml(MESSAGES.attachmentSaved[lang])}</p><p><a href="${escapeHtml(saved.url)}" target="_blank" rel="noopener">${escapeHtml(saved.name)}</a></p></div>`;
  ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(420).setHeight(200), filename);
  return { filename, shownAs: "drive", url: saved.url };
}
