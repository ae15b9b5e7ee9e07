import { refuse } from "./answer";
import { callApi, fetchApiBlob } from "./api";
import { MESSAGES } from "./i18n";
import type { Invoice } from "./invoice";

// The invoice document into the user's Drive: the API's PDF, uploaded with the Drive API's
// advanced service (Drive.Files.create with the blob, declared in appsscript.json). Under the
// drive.file scope the add-on reaches only the files it creates; DriveApp.createFile would
// need the full drive scope.

export interface SavedFile {
  id: string;
  name: string;
  url: string;
}

const enc = encodeURIComponent;

/** 請求書_<number>_<month>.pdf; the id stands in for a draft's number. */
export function invoicePdfName(invoice: Pick<Invoice, "id" | "number" | "month">): string {
  return `請求書_${invoice.number ?? invoice.id}_${invoice.month}.pdf`;
}

/** Bytes as they came from the API into a new file of the user's Drive (drive.file scope). */
export function saveToDrive(
  source: GoogleAppsScript.Base.Blob,
  type: string,
  name: string,
): SavedFile {
  const files = typeof Drive === "undefined" ? undefined : Drive?.Files;
  if (!files) refuse("drive_unavailable", MESSAGES.driveUnavailable);
  const blob = Utilities.newBlob(source.getBytes(), type, name);
  const file = files.create({ name, mimeType: type }, blob, { fields: "id,name,webViewLink" });
  const id = file.id ?? "";
  return {
    id,
    name: file.name ?? name,
    url: file.webViewLink ?? `https://drive.google.com/file/d/${enc(id)}/view`,
  };
}

export function saveInvoicePdfToDrive(invoiceId: string): SavedFile {
  if (typeof Drive === "undefined" || !Drive?.Files)
    refuse("drive_unavailable", MESSAGES.driveUnavailable);
  const invoice = callApi<Invoice>("get", `/v1/invoices/${enc(invoiceId)}`);
  const pdf = fetchApiBlob(`/v1/invoices/${enc(invoiceId)}/document.pdf`, "application/pdf");
  return saveToDrive(pdf, "application/pdf", invoicePdfName(invoice));
}
