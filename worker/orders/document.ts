import { html, raw } from "hono/html";
import { formatDateJa, formatInstantJa } from "../../shared";
import { approvalSection } from "../approvals/html";
import { type OrderDocument, statusJa } from "./pdf";
import type { PurchaseOrder } from "./service";

// The purchase order (発注書) as a printable page: A4, Japanese, what the partner reviews.

const yen = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : `${n.toLocaleString("ja-JP")}円`;

const STYLE = raw(`
@page { size: A4; margin: 16mm }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; color: #111; font-size: 10.5pt; }
h1 { text-align: center; letter-spacing: .5em; font-size: 18pt; margin: 0 0 1rem }
.meta { display: flex; justify-content: space-between; gap: 2rem }
table { border-collapse: collapse; width: 100% } th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top }
th { background: #f2f2f2; text-align: left; width: 9rem; font-weight: normal }
.lines th { width: auto; text-align: center } .num { text-align: right; white-space: nowrap }
.remarks { white-space: pre-wrap; border: 1px solid #999; padding: 6px; min-height: 3rem }
.status { float: right; border: 1px solid #111; padding: 2px 8px }
`);

export function renderOrderHtml(document: Record<string, unknown>, order: PurchaseOrder) {
  const doc = document as OrderDocument;
  const lines = doc.lines ?? [];
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>発注書 ${doc.number ?? order.number}</title>
        <style>${STYLE}</style>
      </head>
      <body>
        <span class="status">${statusJa(order.status)}</span>
        <h1>発注書</h1>
        <div class="meta">
          <div><strong>${doc.partner?.name ?? ""} 御中</strong></div>
          <div>発注番号 ${doc.number ?? order.number}<br />発注日 ${doc.issuedOn ? formatDateJa(doc.issuedOn) : "（未送付）"}<br />${doc.company?.name ?? ""}</div>
        </div>
        <p>下記のとおり発注いたします。</p>
        <table>
          <tr><th>件名</th><td>${doc.subject ?? order.subject}</td></tr>
          <tr><th>契約形態</th><td>${doc.contractTypeLabel ?? ""}</td></tr>
          <tr><th>業務内容</th><td>${doc.scope ?? ""}</td></tr>
          <tr><th>契約期間</th><td>${formatDateJa(doc.period?.start ?? "")} 〜 ${formatDateJa(doc.period?.end ?? "")}</td></tr>
          <tr><th>成果物</th><td>${doc.deliverables || "ー"}</td></tr>
          <tr><th>業務・納品場所</th><td>${doc.workPlace || "ー"}</td></tr>
          <tr><th>支払期日</th><td>${doc.paymentDeadline ?? ""}</td></tr>
        </table>
        <h2>発注内容</h2>
        <table class="lines">
          <tr><th>費目</th><th>単価</th><th>数量</th><th>発注月数</th><th>金額</th></tr>
          ${lines.map(
            (l) => html`<tr>
              <td>${l.name}</td>
              <td class="num">${yen(l.unitPrice)}${l.type === "hourly" ? "/時間" : ""}</td>
              <td class="num">${l.quantity ?? "実績による"}</td>
              <td class="num">${l.months}</td>
              <td class="num">${yen(l.amount)}</td>
            </tr>`,
          )}
          <tr><th colspan="4">合計（税抜）</th><td class="num">${yen(doc.totalAmount ?? 0)}</td></tr>
        </table>
        <h2>備考</h2>
        <div class="remarks">${(doc.remarks ?? []).join("\n")}</div>
        ${
          doc.confirmation
            ? html`<h2>発注請書</h2>
                <table>
                  <tr><th>氏名</th><td>${String(doc.confirmation.fullName ?? "")}</td></tr>
                  <tr><th>住所</th><td>${String(doc.confirmation.address ?? "")}</td></tr>
                  <tr><th>電話番号</th><td>${String(doc.confirmation.phone ?? "")}</td></tr>
                  <tr><th>承認日時</th><td>${formatInstantJa(String(doc.confirmation.approvedAt ?? ""))}</td></tr>
                </table>`
            : ""
        }
        ${approvalSection(order.approval)}
      </body>
    </html>`;
}
