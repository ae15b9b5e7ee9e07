import {
  formatDateJa,
  formatInstantJa,
  formatYen,
  ORDER_STATUS_LABELS,
  type OrderStatus,
} from "../../shared";
import type { PdfBlock, PdfLayout } from "../platform/pdf";

// The purchase order (発注書) as a PDF layout, from the order's document JSON alone
// (contractRules.ts `orderDocumentContent`): the same items, in the same order, as the HTML
// page (orderDocument.ts), so what the partner approved and what is filed agree.

type OrderLine = {
  name: string;
  unitPrice: number;
  quantity: number | null;
  months: number;
  amount: number | null;
  type: string;
};

/** The order's status as printed on it (the engine's Japanese label). */
export function statusJa(status: string): string {
  return ORDER_STATUS_LABELS[status as OrderStatus]?.ja ?? status;
}

export type OrderDocument = {
  number?: string;
  subject?: string;
  issuedOn?: string;
  company?: { name?: string };
  partner?: { name?: string };
  contractTypeLabel?: string;
  scope?: string;
  period?: { start?: string; end?: string };
  deliverables?: string;
  workPlace?: string;
  paymentDeadline?: string;
  lines?: OrderLine[];
  totalAmount?: number;
  remarks?: string[];
  confirmation?: Record<string, unknown>;
};

const right = "right" as const;
const yenOrDash = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : formatYen(n);

function confirmationBlocks(confirmation: Record<string, unknown> | undefined): PdfBlock[] {
  if (!confirmation) return [];
  const field = (key: string) => String(confirmation[key] ?? "");
  return [
    { type: "heading", text: "発注請書" },
    {
      type: "fields",
      rows: [
        { label: "氏名", value: field("fullName") },
        { label: "住所", value: field("address") },
        { label: "電話番号", value: field("phone") },
        { label: "承認日時", value: formatInstantJa(field("approvedAt")) },
      ],
    },
  ];
}

export function orderPdfLayout(
  doc: OrderDocument,
  order: { number: string; subject: string; status: string },
): PdfLayout {
  const number = doc.number ?? order.number;
  const blocks: PdfBlock[] = [
    { type: "title", text: "発注書" },
    {
      type: "parties",
      left: [`${doc.partner?.name ?? ""} 御中`, `件名 ${doc.subject ?? order.subject}`],
      right: [
        `発注番号 ${number}`,
        `発注日 ${doc.issuedOn ? formatDateJa(doc.issuedOn) : "（未送付）"}`,
        doc.company?.name ?? "",
      ],
    },
    { type: "text", text: "下記のとおり発注いたします。" },
    {
      type: "fields",
      rows: [
        { label: "契約形態", value: doc.contractTypeLabel ?? "" },
        { label: "業務内容", value: doc.scope ?? "" },
        {
          label: "契約期間",
          value: `${formatDateJa(doc.period?.start ?? "")} 〜 ${formatDateJa(doc.period?.end ?? "")}`,
        },
        { label: "成果物", value: doc.deliverables || "ー" },
        { label: "業務・納品場所", value: doc.workPlace || "ー" },
        { label: "支払期日", value: doc.paymentDeadline ?? "" },
      ],
    },
    { type: "heading", text: "発注内容" },
    {
      type: "table",
      columns: [
        { label: "費目", width: 4 },
        { label: "単価", width: 2, align: right },
        { label: "数量", width: 2, align: right },
        { label: "発注月数", width: 1, align: right },
        { label: "金額", width: 2, align: right },
      ],
      rows: (doc.lines ?? []).map((l) => [
        l.name,
        `${formatYen(l.unitPrice)}${l.type === "hourly" ? "/時間" : ""}`,
        l.quantity === null ? "実績による" : String(l.quantity),
        String(l.months),
        yenOrDash(l.amount),
      ]),
    },
    {
      type: "fields",
      rows: [{ label: "合計（税抜）", value: formatYen(doc.totalAmount ?? 0), align: right }],
    },
    { type: "heading", text: "備考" },
    { type: "box", text: (doc.remarks ?? []).join("\n") },
    ...confirmationBlocks(doc.confirmation),
  ];
  return { title: `発注書 ${number}`, status: statusJa(order.status), blocks };
}
