import { html } from "hono/html";
import {
  type ApprovalRecord,
  currentStepOf,
  formatInstantJa,
  stepApprovers,
  stepViews,
} from "../../shared";

// The approval route on a document's HTML view (承認経路): each step, who decides it, and its
// decision. It is the company's record beside the document, not part of the issued document,
// so the PDF does not print it.

const RULE_JA = { any: "いずれか1名", all: "全員" } as const;

/** The steps as a table under the document, or nothing for a document without a route. */
export function approvalSection(record: ApprovalRecord | null | undefined) {
  if (!record) return "";
  const current = currentStepOf(record);
  const rows = stepViews(record).map((step) => {
    const frozen = record.steps[step.number - 1];
    const who = frozen ? stepApprovers(frozen).ja : "";
    const decision =
      step.decision === "approved"
        ? "承認"
        : step.decision === "returned"
          ? "差し戻し"
          : step.number === current
            ? "承認待ち"
            : "—";
    const approvals =
      step.rule === "all" && step.decision === null && step.approvals.length > 0
        ? `（承認済み: ${step.approvals.map((a) => a.name).join("・")}）`
        : "";
    return html`<tr>
      <td>${step.number}. ${step.name}</td>
      <td>${who}（${RULE_JA[step.rule]}）</td>
      <td>${decision}${approvals}</td>
      <td>${step.decidedBy ?? ""}</td>
      <td>${step.decidedAt ? formatInstantJa(step.decidedAt) : ""}</td>
      <td>${step.reason ?? ""}</td>
    </tr>`;
  });
  return html`<style>.approval td:nth-child(1), .approval td:nth-child(3), .approval td:nth-child(5) { white-space: nowrap }</style>
    <h2>承認経路（${record.routeName}）</h2>
    <table class="approval">
      <tr><th>ステップ</th><th>承認者</th><th>判断</th><th>判断者</th><th>日時</th><th>理由</th></tr>
      ${rows}
    </table>`;
}
