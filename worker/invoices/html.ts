import { html, raw } from "hono/html";
import {
  type ApprovalRecord,
  formatDateJa,
  formatHours,
  formatYearMonthJa,
  formatYen,
  invoiceStatusStamp,
} from "../../shared";
import { approvalSection } from "../approvals/html";
import type { InvoiceDocument } from "./document";
import { markedName, rateMark, reducedRateLegend } from "./reducedRate";

// The qualified invoice (適格請求書) as a printable A4 page, from the document JSON alone, so
// the PDF renderer prints the very same page. The items インボイス制度 requires: issuer and
// registration number, transaction dates, contents, amounts and tax per rate, recipient.

export const DOCUMENT_STYLE = `
@page { size: A4; margin: 16mm }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; color: #111; font-size: 10.5pt; }
h1 { text-align: center; letter-spacing: .5em; font-size: 18pt; margin: 0 0 1rem }
h2 { font-size: 11pt; margin: 1.2rem 0 .4rem }
.meta { display: flex; justify-content: space-between; gap: 2rem }
table { border-collapse: collapse; width: 100% } th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top }
th { background: #f2f2f2; text-align: left; font-weight: normal }
.num { text-align: right; white-space: nowrap }
.total { font-size: 14pt; font-weight: bold }
.remarks { white-space: pre-wrap; border: 1px solid #999; padding: 6px; min-height: 3rem }
.status { float: right; border: 1px solid #111; padding: 2px 8px }
`;

const ACCOUNT_TYPE_JA: Record<string, string> = {
  ordinary: "普通",
  checking: "当座",
  savings: "貯蓄",
};

/** hono/html answers a promise only for async children; ours are all synchronous. */
export function htmlText(value: ReturnType<typeof html>): string {
  if (value instanceof Promise) throw new Error("document templates must be synchronous");
  return value.toString();
}

function withholdingRows(doc: InvoiceDocument) {
  const w = doc.withholding;
  if (!w.enabled || doc.issuer.kind !== "individual") return "";
  const base = w.base === "includingTax" ? "税込金額" : "税抜金額";
  return html`<tr><th>源泉徴収税額（${base}に対して）</th><td class="num">-${formatYen(w.amount)}</td></tr>`;
}

/** With withholding on the amount before tax, the tax may be shown as an advance (立替金). */
function taxLabel(doc: InvoiceDocument, rate: number) {
  const w = doc.withholding;
  const advance =
    w.enabled && w.base === "excludingTax" && w.excludedTaxTreatment === "advancePayment";
  return `消費税 ${rate}%${rateMark(rate)}${advance ? "（立替金）" : ""}${doc.consumptionTaxEnabled ? "" : "（対象外）"}`;
}

export function renderInvoiceHtml(
  doc: InvoiceDocument,
  status?: string,
  approval?: ApprovalRecord | null,
): string {
  const f = doc.figures;
  // Payment notices (支払通知書) share the document; the company pays rather than is billed.
  const notice = (doc.kind as string) === "paymentNotice";
  const title = notice ? "支払通知書" : "請求書";
  const account = doc.bankAccount;
  return htmlText(html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>${title} ${doc.number ?? ""}</title>
        <style>${raw(DOCUMENT_STYLE)}</style>
      </head>
      <body>
        ${status === "draft" ? html`<span class="status">${invoiceStatusStamp("draft")}</span>` : ""}
        <h1>${title}</h1>
        ${notice ? "" : html`<p style="text-align:center">適格請求書</p>`}
        <div class="meta">
          <div>
            <strong>${doc.recipient.name} 御中</strong>
            <p>件名 ${doc.contract.title}（${formatYearMonthJa(doc.month)}分）</p>
          </div>
          <div>
            請求番号 ${doc.number ?? "（提出時に採番）"}<br />
            請求日 ${formatDateJa(doc.issuedOn)}<br />
            ${doc.issuer.name}<br />
            登録番号 ${doc.issuer.registrationNumber || "（未登録）"}<br />
            ${doc.issuer.address}<br />
            ${doc.issuer.phone ? `TEL ${doc.issuer.phone}` : ""}
          </div>
        </div>
        <p>${notice ? "下記のとおりお支払いいたします。" : "下記のとおりご請求申し上げます。"}</p>
        <table>
          <tr><th>ご請求金額（税込）</th><td class="num total">${formatYen(f.total)}</td></tr>
          <tr><th>お支払金額</th><td class="num total">${formatYen(f.payable)}</td></tr>
          <tr><th>取引年月日</th><td>${formatDateJa(doc.period.from)} 〜 ${formatDateJa(doc.period.to)}（${formatYearMonthJa(doc.month)}稼働分）</td></tr>
          <tr><th>お支払期日</th><td>${doc.dueDate ? formatDateJa(doc.dueDate) : "（未設定）"}</td></tr>
        </table>
        <h2>明細</h2>
        <table>
          <tr><th>内容</th><th>数量</th><th>単価</th><th>金額</th></tr>
          ${f.lines.map(
            (l) => html`<tr>
              <td>${l.name}</td>
              <td class="num">${l.type === "hourly" ? formatHours(l.hours) : l.type === "monthlyRange" || l.type === "monthly" ? `${formatHours(l.hours)}（1式）` : l.quantity}</td>
              <td class="num">${formatYen(l.unitPrice)}</td>
              <td class="num">${formatYen(l.amount)}</td>
            </tr>`,
          )}
          ${f.adjustments.map(
            (a) => html`<tr>
              <td>${a.kind === "excess" ? "超過" : "控除"}（${formatHours(a.hours)}）</td>
              <td class="num">${formatHours(a.hours)}</td>
              <td class="num">${formatYen(a.rate)}</td>
              <td class="num">${formatYen(a.amount)}</td>
            </tr>`,
          )}
          ${doc.extraItems.map(
            (e) =>
              html`<tr><td>${markedName(`${e.name}（追加項目）`, e.taxRate)}</td><td></td><td></td><td class="num">${formatYen(e.amount)}</td></tr>`,
          )}
        </table>
        <h2>合計</h2>
        <table>
          ${doc.taxByRate.map(
            (
              t,
            ) => html`<tr><th>${t.rate}%対象（税抜）${rateMark(t.rate)}</th><td class="num">${formatYen(t.taxableAmount)}</td></tr>
              <tr><th>${taxLabel(doc, t.rate)}</th><td class="num">${formatYen(t.consumptionTax)}</td></tr>`,
          )}
          <tr><th>小計（税抜）</th><td class="num">${formatYen(f.subtotal)}</td></tr>
          <tr><th>合計（税込）</th><td class="num">${formatYen(f.total)}</td></tr>
          ${withholdingRows(doc)}
          ${doc.expenses.map(
            (e) =>
              html`<tr><th>立替経費: ${markedName(e.name, e.taxRate)}</th><td class="num">${formatYen(e.amount)}</td></tr>`,
          )}
          <tr><th>立替経費 計</th><td class="num">${formatYen(f.expensesTotal)}</td></tr>
          <tr><th>お支払金額</th><td class="num total">${formatYen(f.payable)}</td></tr>
        </table>
        ${reducedRateLegend(doc) ? html`<p>${reducedRateLegend(doc)}</p>` : ""}
        <h2>お振込先</h2>
        <table>
          ${
            account
              ? html`<tr><td>${account.bankName} ${account.branchName} ${account.accountType ? (ACCOUNT_TYPE_JA[account.accountType] ?? "") : ""} ${account.accountNumber} ${account.holderName}${account.swiftCode ? ` SWIFT ${account.swiftCode}` : ""}</td></tr>`
              : html`<tr><td>（未設定）</td></tr>`
          }
        </table>
        <h2>備考</h2>
        <div class="remarks">${doc.remarks}</div>
        ${approvalSection(approval)}
      </body>
    </html>`);
}
