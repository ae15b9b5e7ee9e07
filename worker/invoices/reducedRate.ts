import { REDUCED_TAX_RATE } from "../../shared";
import type { InvoiceDocument } from "./document";

// The reduced-rate mark of a qualified invoice (軽減税率対象品目である旨): the lines at 8 %
// and their rate's totals carry ※, and the legend says what ※ means. One place for both
// renderers (HTML and PDF) so they print the same words.

export const REDUCED_RATE_MARK = "※";
export const REDUCED_RATE_LEGEND = "※は軽減税率対象";

const isReduced = (rate: number | undefined) => rate === REDUCED_TAX_RATE;

/** A line's name, marked when it is at the reduced rate. */
export function markedName(name: string, rate: number | undefined): string {
  return isReduced(rate) ? `${name}${REDUCED_RATE_MARK}` : name;
}

/** ※ after a reduced rate's totals, nothing after the standard rate's. */
export function rateMark(rate: number): string {
  return isReduced(rate) ? REDUCED_RATE_MARK : "";
}

/** The legend, when anything on the document is at the reduced rate. */
export function reducedRateLegend(doc: InvoiceDocument): string | null {
  const reduced =
    doc.taxByRate.some((row) => isReduced(row.rate)) ||
    doc.extraItems.some((item) => isReduced(item.taxRate)) ||
    doc.expenses.some((item) => isReduced(item.taxRate));
  return reduced ? REDUCED_RATE_LEGEND : null;
}
