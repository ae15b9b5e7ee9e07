import { DEFAULT_CONSUMPTION_TAX_RATE, formatYen, type QuoteResult } from "../../shared";
import { el } from "./dom";
import { lang, w } from "./words";

// A month's figures as the invoice shows them: each line with its settled hours (and the hour
// range of a 精算幅 line), excess or deduction, subtotal, consumption tax, total, withholding,
// expenses and the payable. The same table for the sheet's estimate, the server's, the
// partner's invoice and the company's review, so they can be compared line by line.

/** 9,630 minutes -> "160時間30分" / "160 h 30 min". */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang() === "ja") return m ? `${h}時間${m}分` : `${h}時間`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** The figures as a table; `id` names the table and its payable cell (`{id}-payable`). */
export function figures(result: QuoteResult, id: string): HTMLTableElement {
  const row = (label: string, yen: number, className = "", cellId = "") =>
    el(
      "tr",
      { className },
      el("td", {}, label),
      el("td", { className: "yen", ...(cellId ? { id: cellId } : {}) }, formatYen(yen)),
    );
  const detail = (text: string) =>
    el("tr", { className: "detail" }, el("td", { colSpan: 2 }, text));
  const lines = result.lines.flatMap((line) => {
    const out = [row(line.name, line.amount)];
    if (line.type !== "quantity" && line.minutes > 0) {
      const terms = line.appliedTerms;
      const unit = lang() === "ja" ? "時間" : " h";
      const range = terms
        ? `（${w("range")} ${terms.lowerHours}〜${terms.upperHours}${unit}）`
        : "";
      out.push(detail(`${w("hours")} ${hoursText(line.minutes)}${range}`));
    }
    return out;
  });
  return el(
    "table",
    { id, className: "figures" },
    ...lines,
    ...result.adjustments.map((a) => row(`${w(a.kind)} ${hoursText(a.minutes)}`, a.amount)),
    ...(result.extraItemsTotal ? [row(w("extraItemsTotal"), result.extraItemsTotal)] : []),
    row(w("subtotal"), result.subtotal, "sum", `${id}-subtotal`),
    // One row a rate, as the invoice prints it: a reduced-rate line has its own 8 % tax.
    ...(result.taxByRate.length > 0
      ? result.taxByRate.map((r) => row(w("tax", { rate: r.rate }), r.consumptionTax))
      : [row(w("tax", { rate: DEFAULT_CONSUMPTION_TAX_RATE }), result.consumptionTax)]),
    row(w("total"), result.total, "sum", `${id}-total`),
    ...(result.withholdingTax ? [row(w("withholding"), -result.withholdingTax)] : []),
    ...(result.expensesTotal ? [row(w("expensesTotal"), result.expensesTotal)] : []),
    row(w("payable"), result.payable, "total", `${id}-payable`),
  );
}
