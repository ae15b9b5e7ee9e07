import {
  formatDateJa,
  formatHours,
  formatYearMonthJa,
  formatYen,
  invoiceStatusStamp,
} from "../../shared";
import {
  addressed,
  type DocumentLayout,
  type LayoutBlock,
  type LayoutRow,
  right,
} from "../platform/documentLayout";
import type { InvoiceDocument } from "./document";
import { markedName, rateMark, reducedRateLegend } from "./reducedRate";
import type { InvoiceStatus } from "./rules";

// The qualified invoice (適格請求書) as a document layout, from the invoice's document JSON
// alone: the items インボイス制度 requires (issuer and registration number, transaction dates,
// contents, amounts and tax per rate, recipient), in the order a Japanese invoice prints
// them. The payment notice (paymentNotices/layout.ts) reuses the lines, totals and bank.

const ACCOUNT_TYPE_JA: Record<string, string> = {
  ordinary: "普通",
  checking: "当座",
  savings: "貯蓄",
};

/** 明細: each line multiplies out (数量 × 単価 = 金額) and they add up to 小計. */
export function lineTable(doc: InvoiceDocument): LayoutBlock {
  const f = doc.figures;
  const rows = f.lines.map((l) => {
    if (l.type === "hourly") {
      return [l.name, formatHours(l.hours), formatYen(l.unitPrice), formatYen(l.amount)];
    }
    if (l.type === "monthly" || l.type === "monthlyRange") {
      const worked = `${l.name}（稼働 ${formatHours(l.hours)}）`;
      return [worked, "1式", formatYen(l.unitPrice), formatYen(l.amount)];
    }
    return [l.name, String(l.quantity), formatYen(l.unitPrice), formatYen(l.amount)];
  });
  for (const a of f.adjustments) {
    const what = a.kind === "excess" ? "超過精算" : "控除精算";
    rows.push([what, formatHours(a.hours), formatYen(a.rate), formatYen(a.amount)]);
  }
  for (const e of doc.extraItems) {
    rows.push([markedName(e.name, e.taxRate), "1", formatYen(e.amount), formatYen(e.amount)]);
  }
  return {
    type: "table",
    columns: [
      { label: "内容", width: 5 },
      { label: "数量", width: 1.6, align: right },
      { label: "単価", width: 1.8, align: right },
      { label: "金額", width: 1.8, align: right },
    ],
    rows,
  };
}

/**
 * 税率ごとに区分した消費税額: one row per rate (10 %, and 8 % marked ※ as 軽減税率), with the
 * amount it applies to.
 */
export function taxRows(doc: InvoiceDocument): LayoutRow[] {
  const w = doc.withholding;
  const advance =
    w.enabled && w.base === "excludingTax" && w.excludedTaxTreatment === "advancePayment";
  return doc.taxByRate.map((t) => ({
    label: doc.consumptionTaxEnabled
      ? `消費税（${t.rate}%${rateMark(t.rate)}対象 ${formatYen(t.taxableAmount)}）${advance ? "（立替金）" : ""}`
      : "消費税（対象外）",
    value: formatYen(t.consumptionTax),
    align: right,
  }));
}

/**
 * 小計, 消費税 per rate, 合計, then what is taken off (源泉徴収税) and added (立替経費) on the
 * way to the amount paid, emphasised: ご請求金額 on an invoice, お支払金額 on a notice.
 */
export function totalRows(doc: InvoiceDocument, payableLabel: string): LayoutRow[] {
  const f = doc.figures;
  const w = doc.withholding;
  const withheld = w.enabled && doc.issuer.kind === "individual" && w.amount > 0;
  const settled = withheld || doc.expenses.length > 0;
  const rows: LayoutRow[] = [
    { label: "小計（税抜）", value: formatYen(f.subtotal), align: right },
    ...taxRows(doc),
    settled
      ? { label: "合計（税込）", value: formatYen(f.total), align: right }
      : { label: payableLabel, value: formatYen(f.payable), align: right, emphasis: true },
  ];
  if (!settled) return rows;
  if (withheld) {
    const base = w.base === "includingTax" ? "税込金額" : "税抜金額";
    rows.push({
      label: `源泉徴収税（${base}に対して）`,
      value: `-${formatYen(w.amount)}`,
      align: right,
    });
  }
  for (const e of doc.expenses) {
    rows.push({
      label: `立替経費（${markedName(e.name, e.taxRate)}）`,
      value: formatYen(e.amount),
      align: right,
    });
  }
  rows.push({ label: payableLabel, value: formatYen(f.payable), align: right, emphasis: true });
  return rows;
}

/** お振込先, or nothing when no account is chosen. */
export function bankBlocks(doc: InvoiceDocument): LayoutBlock[] {
  const a = doc.bankAccount;
  if (!a) return [];
  const type = a.accountType ? (ACCOUNT_TYPE_JA[a.accountType] ?? "") : "";
  const rows: LayoutRow[] = [
    { label: "金融機関", value: `${a.bankName} ${a.branchName}` },
    { label: "口座", value: [type, a.accountNumber].filter(Boolean).join(" ") },
    { label: "口座名義", value: a.holderName },
  ];
  if (a.swiftCode) rows.push({ label: "SWIFT", value: a.swiftCode });
  return [
    { type: "heading", text: "お振込先" },
    { type: "fields", rows },
  ];
}

/** 「※は軽減税率対象」 when anything is at the reduced rate. */
export function legendBlocks(doc: InvoiceDocument): LayoutBlock[] {
  const legend = reducedRateLegend(doc);
  return legend ? [{ type: "text", text: legend }] : [];
}

export const remarksBlocks = (remarks: string): LayoutBlock[] =>
  remarks.trim()
    ? [
        { type: "heading", text: "備考" },
        { type: "box", text: remarks },
      ]
    : [];

/** 取引年月日: the working month's period. */
export const periodText = (doc: InvoiceDocument) =>
  `${formatDateJa(doc.period.from)}〜${formatDateJa(doc.period.to)}（${formatYearMonthJa(doc.month)}稼働分）`;

/** A document that is not issued yet is marked as such; an issued one carries no stamp. */
export const isDraft = (status: InvoiceStatus | string | undefined) =>
  status === "draft" || status === "returned";

export function invoiceLayout(doc: InvoiceDocument, status?: InvoiceStatus): DocumentLayout {
  const issuer = doc.issuer;
  const blocks: LayoutBlock[] = [
    { type: "title", text: "請求書" },
    {
      type: "parties",
      left: [
        addressed(doc.recipient.name, "company"),
        `件名 ${doc.contract.title}（${formatYearMonthJa(doc.month)}分）`,
      ],
      right: [
        `請求日 ${formatDateJa(doc.issuedOn)}`,
        `請求番号 ${doc.number ?? "（提出時に採番）"}`,
        issuer.name,
        issuer.address,
        issuer.phone ? `TEL ${issuer.phone}` : "",
        `登録番号 ${issuer.registrationNumber || "（未登録）"}`,
      ].filter(Boolean),
    },
    { type: "text", text: "下記のとおりご請求申し上げます。" },
    {
      type: "fields",
      rows: [
        {
          label: "ご請求金額",
          value: formatYen(doc.figures.payable),
          align: right,
          emphasis: true,
        },
        { label: "お支払期日", value: doc.dueDate ? formatDateJa(doc.dueDate) : "（未設定）" },
        { label: "取引年月日", value: periodText(doc) },
      ],
    },
    { type: "heading", text: "明細" },
    lineTable(doc),
    { type: "fields", rows: totalRows(doc, "ご請求金額") },
    ...legendBlocks(doc),
    ...bankBlocks(doc),
    ...remarksBlocks(doc.remarks),
  ];
  return {
    title: `請求書 ${doc.number ?? ""}`.trim(),
    ...(isDraft(status) ? { status: invoiceStatusStamp("draft") } : {}),
    blocks,
  };
}
