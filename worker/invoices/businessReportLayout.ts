import {
  formatDateJa,
  formatHours,
  formatYearMonthJa,
  formatYen,
  invoiceStatusStamp,
} from "../../shared";
import { addressed, type DocumentLayout, right } from "../platform/documentLayout";
import type { InvoiceDocument, ReportEntry } from "./document";
import { isDraft, periodText } from "./layout";
import type { InvoiceStatus } from "./rules";

// The business report (業務報告書) as a document layout: the month's entries as submitted with
// the invoice, and the settled hours per cost category, from the document JSON alone. The
// worked total is a sum of minutes for display; every yen is the engine's.

export const duration = (minutes: number) =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;

function entryRow(e: ReportEntry): string[] {
  return [
    formatDateJa(e.date),
    e.category,
    e.start && e.end ? `${e.start}〜${e.end}` : e.skipHours ? "時間登録なし" : "",
    e.start ? duration(e.breakMinutes) : "",
    e.workedMinutes === null ? "" : duration(e.workedMinutes),
    e.quantity === null ? "" : String(e.quantity),
    e.details,
  ];
}

export function businessReportLayout(doc: InvoiceDocument, status?: InvoiceStatus): DocumentLayout {
  const worked = doc.entries.reduce((sum, e) => sum + (e.workedMinutes ?? 0), 0);
  const f = doc.figures;
  return {
    title: `業務報告書 ${formatYearMonthJa(doc.month)}`,
    ...(isDraft(status) ? { status: invoiceStatusStamp("draft") } : {}),
    blocks: [
      { type: "title", text: "業務報告書" },
      {
        type: "parties",
        left: [addressed(doc.recipient.name, "company"), `件名 ${doc.contract.title}`],
        right: [
          `報告日 ${formatDateJa(doc.issuedOn)}`,
          `報告者 ${doc.issuer.name}`,
          `請求番号 ${doc.number ?? "（提出時に採番）"}`,
        ],
      },
      {
        type: "fields",
        rows: [
          { label: "対象期間", value: periodText(doc) },
          { label: "合計稼働時間", value: duration(worked), align: right },
        ],
      },
      { type: "heading", text: "業務内容" },
      {
        type: "table",
        columns: [
          { label: "日付", width: 2.2 },
          { label: "費目", width: 1.8 },
          { label: "開始〜終了", width: 2 },
          { label: "休憩", width: 1, align: right },
          { label: "稼働", width: 1, align: right },
          { label: "数量", width: 1, align: right },
          { label: "業務内容", width: 3 },
        ],
        rows: doc.entries.map(entryRow),
      },
      { type: "heading", text: "精算" },
      {
        type: "table",
        columns: [
          { label: "費目", width: 4 },
          { label: "精算時間", width: 2, align: right },
          { label: "数量", width: 1, align: right },
          { label: "金額", width: 2, align: right },
        ],
        rows: [
          ...f.lines.map((l) => [
            l.name,
            formatHours(l.hours),
            String(l.quantity),
            formatYen(l.amount),
          ]),
          ...f.adjustments.map((a) => [
            a.kind === "excess" ? "超過精算" : "控除精算",
            formatHours(a.hours),
            "",
            formatYen(a.amount),
          ]),
          // The subtotal below includes them: without their rows the lines would not add up.
          ...doc.extraItems.map((e) => [e.name, "", "1", formatYen(e.amount)]),
        ],
      },
      {
        type: "fields",
        rows: [{ label: "小計（税抜）", value: formatYen(f.subtotal), align: right }],
      },
    ],
  };
}
