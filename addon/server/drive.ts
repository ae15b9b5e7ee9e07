import { callApi, fetchApiBlob } from "./api";
import type { Invoice } from "./invoice";

// The invoice document into the user's Drive: the API's PDF, saved as a new file the add-on
// made (the drive.file scope reaches only such files).

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

export function saveInvoicePdfToDrive(invoiceId: string): SavedFile {
  const invoice = callApi<Invoice>("get", `/v1/invoices/${enc(invoiceId)}`);
  const pdf = fetchApiBlob(`/v1/invoices/${enc(invoiceId)}/document.pdf`, "application/pdf");
  const name = invoicePdfName(invoice);
  const file = DriveApp.createFile(Utilities.newBlob(pdf.getBytes(), "application/pdf", name));
  return { id: file.getId(), name: file.getName(), url: file.getUrl() };
}
