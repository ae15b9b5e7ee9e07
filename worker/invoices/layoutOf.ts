import { paymentNoticeLayout } from "../paymentNotices/layout";
import type { DocumentLayout } from "../platform/documentLayout";
import { businessReportLayout } from "./businessReportLayout";
import type { InvoiceDocument } from "./document";
import { invoiceLayout } from "./layout";
import type { Invoice } from "./rules";

// Which layout a row of the invoices table prints as: a partner's 請求書 or the company's
// 支払通知書 (they share the table and the document JSON), or the month's 業務報告書.

export function documentLayoutOf(invoice: Invoice, doc: InvoiceDocument): DocumentLayout {
  return invoice.kind === "paymentNotice"
    ? paymentNoticeLayout(doc, invoice.status, invoice.acceptBy)
    : invoiceLayout(doc, invoice.status);
}

export function reportLayoutOf(invoice: Invoice, doc: InvoiceDocument): DocumentLayout {
  return businessReportLayout(doc, invoice.status);
}

/** The PDF's file name: 請求書_INV-000001.pdf, or the month's draft. */
export function documentFileName(invoice: Invoice, doc: InvoiceDocument): string {
  const title = invoice.kind === "paymentNotice" ? "支払通知書" : "請求書";
  return `${title}_${doc.number ?? `${doc.month}_下書き`}.pdf`;
}
