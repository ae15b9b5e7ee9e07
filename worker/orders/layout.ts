import {
  formatDateJa,
  formatInstantJa,
  formatYearMonthJa,
  formatYen,
  ORDER_STATUS_LABELS,
  type OrderLine,
  type OrderStatus,
  partialWorkingMonths,
} from "../../shared";
import {
  addressed,
  type DocumentLayout,
  type LayoutBlock,
  right,
} from "../platform/documentLayout";

// The purchase order (発注書), with its confirmation (発注請書) once approved, as a document
// layout, from the order's document JSON alone (contracts/rules.ts `orderDocumentContent`):
// what the partner approved and what is filed are one layout, drawn as HTML and as PDF.

export type OrderDocument = {
  number?: string;
  subject?: string;
  issuedOn?: string;
  company?: { name?: string; address?: string; phone?: string };
  partner?: { name?: string; kind?: "individual" | "corporation" };
  contractTypeLabel?: string;
  scope?: string;
  period?: { start?: string; end?: string };
  closingDay?: number;
  workingMonths?: string[];
  deliverables?: string;
  workPlace?: string;
  paymentDeadline?: string;
  lines?: OrderLine[];
  totalAmount?: number;
  remarks?: string[];
  confirmation?: Record<string, unknown>;
};

const months = (from: string, to: string) =>
  from === to ? formatYearMonthJa(from) : `${formatYearMonthJa(from)}〜${formatYearMonthJa(to)}`;

/**
 * 発注金額合計: the fixed fees' total; lines priced by the work add to it as reported, so an
 * order of them alone is not an order of 0 yen.
 */
function totalText(doc: OrderDocument): string {
  const byWork = (doc.lines ?? []).some((l) => l.amount === null);
  const total = doc.totalAmount ?? 0;
  if (!byWork) return formatYen(total);
  return total > 0 ? `${formatYen(total)} ＋ 実績による` : "実績による";
}

/**
 * 発注内容: a monthly fee prints one row per run of months at one fee (単価 × 月数 = 金額), so
 * the rows multiply out and add up to the total; an hourly price is settled by the work.
 */
function lineRows(lines: OrderLine[]): string[][] {
  return lines.flatMap((l) => {
    if (l.amount === null) {
      // Hours or units as reported: only an hourly price is a price per hour.
      const price = l.type === "hourly" ? `${formatYen(l.unitPrice)}/時間` : formatYen(l.unitPrice);
      return [[l.name, price, "実績による", String(l.months), "実績による"]];
    }
    const terms = l.terms ?? [
      { from: "", to: "", months: l.months, unitPrice: l.unitPrice, amount: l.amount },
    ];
    return terms.map((t) => [
      t.from ? `${l.name}（${months(t.from, t.to)}稼働分）` : l.name,
      formatYen(t.unitPrice),
      "1",
      String(t.months),
      formatYen(t.amount),
    ]);
  });
}

/**
 * A working month the contract covers only in part is still ordered (work in it is billed in
 * it) at its full monthly fee: say so under the lines, with the dates, so neither side reads
 * a stub month as a whole one. A per-month fee (時間幅の月毎の単価) can set it lower.
 */
function partialMonthBlocks(doc: OrderDocument): LayoutBlock[] {
  const { period, closingDay, workingMonths } = doc;
  if (!period?.start || !period.end || !closingDay || !workingMonths) return [];
  const fixed = (doc.lines ?? []).some((l) => l.amount !== null);
  if (!fixed) return [];
  return partialWorkingMonths({ start: period.start, end: period.end }, closingDay)
    .filter((p) => workingMonths.includes(p.month))
    .map((p) => ({
      type: "text" as const,
      text: `※ ${formatYearMonthJa(p.month)}稼働分は、契約期間のうち ${formatDateJa(p.from)}〜${formatDateJa(p.to)} のみです（月額は日割りせず1か月分として発注します）。`,
    }));
}

function confirmationBlocks(confirmation: Record<string, unknown> | undefined): LayoutBlock[] {
  if (!confirmation) return [];
  const field = (key: string) => String(confirmation[key] ?? "");
  return [
    { type: "heading", text: "発注請書" },
    { type: "text", text: "上記のとおりお請けいたします。" },
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

/**
 * Only an order that is not (or no longer) in force is stamped: a draft or one being
 * corrected (下書き), and one expired or superseded. A sent or approved order is clean.
 */
function stampOf(status: string): string | undefined {
  if (status === "draft" || status === "returned") return ORDER_STATUS_LABELS.draft.ja;
  if (status === "expired" || status === "superseded")
    return ORDER_STATUS_LABELS[status as OrderStatus].ja;
  return undefined;
}

export function orderLayout(
  doc: OrderDocument,
  order: { number: string; subject: string; status: string },
): DocumentLayout {
  const number = doc.number ?? order.number;
  const company = doc.company ?? {};
  const remarks = (doc.remarks ?? []).join("\n");
  const blocks: LayoutBlock[] = [
    { type: "title", text: "発注書" },
    {
      type: "parties",
      left: [
        addressed(doc.partner?.name ?? "", doc.partner?.kind ?? "individual"),
        `件名 ${doc.subject ?? order.subject}`,
      ],
      right: [
        `発注日 ${doc.issuedOn ? formatDateJa(doc.issuedOn) : "（未送付）"}`,
        `発注番号 ${number}`,
        company.name ?? "",
        company.address ?? "",
        company.phone ? `TEL ${company.phone}` : "",
      ].filter(Boolean),
    },
    { type: "text", text: "下記のとおり発注いたします。" },
    {
      type: "fields",
      rows: [
        { label: "契約形態", value: doc.contractTypeLabel ?? "" },
        { label: "業務内容", value: doc.scope ?? "" },
        {
          label: "契約期間",
          value: `${formatDateJa(doc.period?.start ?? "")}〜${formatDateJa(doc.period?.end ?? "")}`,
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
        { label: "費目", width: 4.2 },
        { label: "単価", width: 2, align: right },
        { label: "数量", width: 1.2, align: right },
        { label: "月数", width: 1, align: right },
        { label: "金額", width: 2, align: right },
      ],
      rows: lineRows(doc.lines ?? []),
    },
    ...partialMonthBlocks(doc),
    {
      type: "fields",
      rows: [
        {
          label: "発注金額合計（税抜）",
          value: totalText(doc),
          align: right,
          emphasis: true,
        },
      ],
    },
    ...(remarks.trim()
      ? ([
          { type: "heading", text: "備考" },
          { type: "box", text: remarks },
        ] as LayoutBlock[])
      : []),
    ...confirmationBlocks(doc.confirmation),
  ];
  const stamp = stampOf(order.status);
  return { title: `発注書 ${number}`, ...(stamp ? { status: stamp } : {}), blocks };
}
