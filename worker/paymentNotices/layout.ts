import {
  formatDateJa,
  formatInstantJa,
  formatYearMonthJa,
  formatYen,
  invoiceStatusStamp,
} from "../../shared";
import type { InvoiceDocument } from "../invoices/document";
import {
  bankBlocks,
  isDraft,
  legendBlocks,
  lineTable,
  periodText,
  remarksBlocks,
  totalRows,
} from "../invoices/layout";
import type { InvoiceStatus } from "../invoices/rules";
import { addressed, type DocumentLayout, right } from "../platform/documentLayout";

// The payment notice (支払通知書) as a document layout. The company issues it to the partner
// and it serves as the company's 仕入明細書, so it names the partner (the seller) with their
// registration number, and the confirmation deadline after which silence counts as consent.

export function paymentNoticeLayout(
  doc: InvoiceDocument,
  status: InvoiceStatus | undefined,
  acceptBy: Date | null,
): DocumentLayout {
  const seller = doc.issuer;
  const company = doc.recipient;
  const deadline = acceptBy ? formatInstantJa(acceptBy.toISOString()) : "（送付時に設定）";
  return {
    title: `支払通知書 ${doc.number ?? ""}`.trim(),
    ...(isDraft(status) ? { status: invoiceStatusStamp("draft") } : {}),
    blocks: [
      { type: "title", text: "支払通知書", subtitle: "仕入明細書" },
      {
        type: "parties",
        left: [
          addressed(seller.name, seller.kind),
          `登録番号 ${seller.registrationNumber || "（未登録）"}`,
          `件名 ${doc.contract.title}（${formatYearMonthJa(doc.month)}分）`,
        ],
        right: [
          `通知日 ${formatDateJa(doc.issuedOn)}`,
          `通知番号 ${doc.number ?? "（送付時に採番）"}`,
          company.name,
          company.address ?? "",
          company.phone ? `TEL ${company.phone}` : "",
        ].filter(Boolean),
      },
      {
        type: "text",
        text: "下記のとおりお支払いいたします。内容をご確認のうえ、確認期限までに承認または差し戻しをお願いいたします。期限までにご回答がない場合は、内容をご確認いただいたものとして取り扱います。",
      },
      {
        type: "fields",
        rows: [
          {
            label: "お支払金額",
            value: formatYen(doc.figures.payable),
            align: right,
            emphasis: true,
          },
          { label: "お支払予定日", value: doc.dueDate ? formatDateJa(doc.dueDate) : "（未設定）" },
          { label: "取引年月日", value: periodText(doc) },
          { label: "確認期限", value: deadline },
        ],
      },
      { type: "heading", text: "明細" },
      lineTable(doc),
      { type: "fields", rows: totalRows(doc, "お支払金額") },
      ...legendBlocks(doc),
      ...bankBlocks(doc),
      ...remarksBlocks(doc.remarks),
    ],
  };
}
