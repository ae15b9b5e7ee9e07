import {
  formatDateJa,
  formatHours,
  formatYearMonthJa,
  formatYen,
  invoiceStatusStamp,
} from "../../shared";
import type { PdfBlock, PdfLayout } from "../platform/pdf";
import type { InvoiceDocument } from "./document";
import { markedName, rateMark, reducedRateLegend } from "./reducedRate";

// The qualified invoice (適格請求書) as a PDF layout, from the invoice's document JSON alone:
// the same items, in the same order, as the HTML page (invoiceHtml.ts). Every yen is the
// engine's, as stored in `figures`.

const ACCOUNT_TYPE_JA: Record<string, string> = {
  ordinary: "普通",
  checking: "当座",
  savings: "貯蓄",
};

const right = "right" as const;

function lineRows(doc: InvoiceDocument): string[][] {
  const f = doc.figures;
  const rows = f.lines.map((l) => [
    l.name,
    l.type === "hourly"
      ? formatHours(l.hours)
      : l.type === "monthly" || l.type === "monthlyRange"
        ? `${formatHours(l.hours)}（1式）`
        : String(l.quantity),
    formatYen(l.unitPrice),
    formatYen(l.amount),
  ]);
  for (const a of f.adjustments) {
    rows.push([
      `${a.kind === "excess" ? "超過" : "控除"}（${formatHours(a.hours)}）`,
      formatHours(a.hours),
      formatYen(a.rate),
      formatYen(a.amount),
    ]);
  }
  for (const e of doc.extraItems) {
    rows.push([markedName(`${e.name}（追加項目）`, e.taxRate), "", "", formatYen(e.amount)]);
  }
  return rows;
}

function totalRows(doc: InvoiceDocument) {
  const f = doc.figures;
  const w = doc.withholding;
  const advance =
    w.enabled && w.base === "excludingTax" && w.excludedTaxTreatment === "advancePayment";
  const rows = doc.taxByRate.flatMap((t) => [
    {
      label: `${t.rate}%対象（税抜）${rateMark(t.rate)}`,
      value: formatYen(t.taxableAmount),
      align: right,
    },
    {
      label: `消費税(${t.rate}%)${rateMark(t.rate)}${advance ? "（立替金）" : ""}${doc.consumptionTaxEnabled ? "" : "（対象外）"}`,
      value: formatYen(t.consumptionTax),
      align: right,
    },
  ]);
  rows.push(
    { label: "小計（税抜）", value: formatYen(f.subtotal), align: right },
    { label: "合計（税込）", value: formatYen(f.total), align: right },
  );
  if (w.enabled && doc.issuer.kind === "individual") {
    const base = w.base === "includingTax" ? "税込金額" : "税抜金額";
    rows.push({
      label: `源泉徴収税（${base}に対して）`,
      value: `-${formatYen(w.amount)}`,
      align: right,
    });
  }
  for (const e of doc.expenses) {
    rows.push({
      label: `立替経費: ${markedName(e.name, e.taxRate)}`,
      value: formatYen(e.amount),
      align: right,
    });
  }
  rows.push(
    { label: "立替経費 計", value: formatYen(f.expensesTotal), align: right },
    { label: "お支払金額", value: formatYen(f.payable), align: right },
  );
  return rows;
}

function bankLine(doc: InvoiceDocument): string {
  const a = doc.bankAccount;
  if (!a) return "（未設定）";
  const type = a.accountType ? (ACCOUNT_TYPE_JA[a.accountType] ?? "") : "";
  return [
    a.bankName,
    a.branchName,
    type,
    a.accountNumber,
    a.holderName,
    a.swiftCode && `SWIFT ${a.swiftCode}`,
  ]
    .filter(Boolean)
    .join(" ");
}

export function invoicePdfLayout(doc: InvoiceDocument, status?: string): PdfLayout {
  const month = formatYearMonthJa(doc.month);
  const blocks: PdfBlock[] = [
    doc.kind === "paymentNotice"
      ? { type: "title", text: "支払通知書" }
      : { type: "title", text: "請求書", subtitle: "適格請求書" },
    {
      type: "parties",
      left: [`${doc.recipient.name} 御中`, `件名 ${doc.contract.title}（${month}分）`],
      right: [
        `請求番号 ${doc.number ?? "（提出時に採番）"}`,
        `請求日 ${formatDateJa(doc.issuedOn)}`,
        doc.issuer.name,
        `登録番号 ${doc.issuer.registrationNumber || "（未登録）"}`,
        doc.issuer.address,
        doc.issuer.phone ? `TEL ${doc.issuer.phone}` : "",
      ].filter(Boolean),
    },
    { type: "text", text: "下記のとおりご請求申し上げます。" },
    {
      type: "fields",
      rows: [
        { label: "ご請求金額（税込）", value: formatYen(doc.figures.total), align: right },
        { label: "お支払金額", value: formatYen(doc.figures.payable), align: right },
        {
          label: "取引年月日",
          value: `${formatDateJa(doc.period.from)} 〜 ${formatDateJa(doc.period.to)}（${month}稼働分）`,
        },
        { label: "お支払期日", value: doc.dueDate ? formatDateJa(doc.dueDate) : "（未設定）" },
      ],
    },
    { type: "heading", text: "明細" },
    {
      type: "table",
      columns: [
        { label: "内容", width: 4 },
        { label: "数量", width: 2, align: right },
        { label: "単価", width: 2, align: right },
        { label: "金額", width: 2, align: right },
      ],
      rows: lineRows(doc),
    },
    { type: "heading", text: "合計" },
    { type: "fields", rows: totalRows(doc) },
    ...(reducedRateLegend(doc)
      ? [{ type: "text" as const, text: reducedRateLegend(doc) ?? "" }]
      : []),
    { type: "heading", text: "お振込先" },
    { type: "box", text: bankLine(doc) },
    { type: "heading", text: "備考" },
    { type: "box", text: doc.remarks },
  ];
  return {
    title: `${doc.kind === "paymentNotice" ? "支払通知書" : "請求書"} ${doc.number ?? ""}`.trim(),
    // A qualified invoice carries no review stamp: only a draft is marked as one.
    ...(status === "draft" ? { status: invoiceStatusStamp("draft") } : {}),
    blocks,
  };
}
