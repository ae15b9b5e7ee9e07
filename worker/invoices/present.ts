import { approvalView } from "../approvals/service";
import type { contracts } from "../db/schema";
import type { Locale } from "../http/locale";
import type { InvoiceDocument } from "./document";
import { dueDateWarnings, type Invoice } from "./rules";
import type { InvoiceBody } from "./schemas";

// The invoice (or payment notice) as the API answers it.

type Contract = typeof contracts.$inferSelect;

/** The invoice as the API answers it; its warnings in the caller's language. */
export function serializeInvoice(
  invoice: Invoice,
  contract?: Contract,
  locale: Locale = "ja",
): InvoiceBody {
  return {
    id: invoice.id,
    kind: invoice.kind,
    contractId: invoice.contractId,
    companyId: invoice.companyId,
    partnerUserId: invoice.partnerUserId,
    month: invoice.workingMonth,
    status: invoice.status,
    number: invoice.number,
    inputs: invoice.inputs,
    figures: invoice.figures,
    /** 税率ごとの対価の額と消費税額, as the engine computed them. */
    taxByRate: invoice.figures?.taxByRate ?? [],
    total: invoice.total,
    dueDate: invoice.dueDate,
    document: (invoice.document as InvoiceDocument | null) ?? null,
    contentHash: invoice.contentHash,
    revision: invoice.revision,
    submittedAt: invoice.submittedAt?.toISOString() ?? null,
    decidedAt: invoice.decidedAt?.toISOString() ?? null,
    returnReason: invoice.returnReason,
    /** A payment notice's confirmation deadline (確認期限); null for an invoice. */
    acceptBy: invoice.acceptBy?.toISOString() ?? null,
    autoAccepted: invoice.autoAccepted,
    approval: approvalView(invoice.approval),
    warnings: contract
      ? dueDateWarnings(contract, invoice.workingMonth, invoice.dueDate, locale)
      : [],
    createdAt: invoice.createdAt.toISOString(),
  };
}
