import { html, raw } from "hono/html";
import {
  formatDateJa,
  formatHours,
  formatYearMonthJa,
  formatYen,
  invoiceStatusStamp,
} from "../../shared";
import type { InvoiceDocument, ReportEntry } from "./document";
import { DOCUMENT_STYLE, htmlText } from "./html";

// The business report (業務報告書): the month's entries as submitted with the invoice, and
// the settled hours per cost category, from the document JSON alone (the PDF reuses it).

const duration = (minutes: number) =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;

function row(e: ReportEntry) {
  return html`<tr>
    <td>${formatDateJa(e.date)}</td>
    <td>${e.category}</td>
    <td>${e.start && e.end ? `${e.start}〜${e.end}` : e.skipHours ? "時間登録なし" : ""}</td>
    <td class="num">${e.start ? duration(e.breakMinutes) : ""}</td>
    <td class="num">${e.workedMinutes === null ? "" : duration(e.workedMinutes)}</td>
    <td class="num">${e.quantity ?? ""}</td>
    <td style="white-space:pre-wrap">${e.details}</td>
  </tr>`;
}

export function renderBusinessReportHtml(doc: InvoiceDocument, status?: string): string {
  const worked = doc.entries.reduce((sum, e) => sum + (e.workedMinutes ?? 0), 0);
  return htmlText(html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>業務報告書 ${formatYearMonthJa(doc.month)}</title>
        <style>${raw(DOCUMENT_STYLE)}</style>
      </head>
      <body>
        ${status === "draft" ? html`<span class="status">${invoiceStatusStamp("draft")}</span>` : ""}
        <h1>業務報告書</h1>
        <div class="meta">
          <div><strong>${doc.recipient.name} 御中</strong><p>件名 ${doc.contract.title}</p></div>
          <div>対象期間 ${formatDateJa(doc.period.from)} 〜 ${formatDateJa(doc.period.to)}<br />報告者 ${doc.issuer.name}<br />請求番号 ${doc.number ?? "（提出時に採番）"}</div>
        </div>
        <h2>業務内容</h2>
        <table>
          <tr><th>日付</th><th>費目</th><th>開始〜終了</th><th>休憩</th><th>稼働時間</th><th>数量</th><th>業務内容</th></tr>
          ${doc.entries.map(row)}
          <tr><th colspan="4">合計稼働時間</th><td class="num">${duration(worked)}</td><td colspan="2"></td></tr>
        </table>
        <h2>精算</h2>
        <table>
          <tr><th>費目</th><th>精算時間</th><th>数量</th><th>金額</th></tr>
          ${doc.figures.lines.map(
            (l) =>
              html`<tr><td>${l.name}</td><td class="num">${formatHours(l.hours)}</td><td class="num">${l.quantity}</td><td class="num">${formatYen(l.amount)}</td></tr>`,
          )}
          ${doc.figures.adjustments.map(
            (a) =>
              html`<tr><td>${a.kind === "excess" ? "超過" : "控除"}</td><td class="num">${formatHours(a.hours)}</td><td></td><td class="num">${formatYen(a.amount)}</td></tr>`,
          )}
          <tr><th colspan="3">小計（税抜）</th><td class="num">${formatYen(doc.figures.subtotal)}</td></tr>
        </table>
      </body>
    </html>`);
}
