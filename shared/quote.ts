// POST /v1/quote: a month of entries -> the invoice's figures. The one function every yen
// in the product comes from (spec/quote-api.md).

import { IssueCode, IssueList } from "./issues";
import { buildLines } from "./lines";
import { add, subtract, sum } from "./money";
import { DEFAULT_CONSUMPTION_TAX_RATE, withholdingTax } from "./tax";
import { sumByRate, taxByRate } from "./taxByRate";
import type { QuoteOutcome, QuoteRequest } from "./types";
import { validateQuoteRequest } from "./validate";

/**
 * The quote for `request`, or every problem with it. Never throws for bad input: the
 * request is checked field by field even when typed, since JSON and spreadsheets are not.
 * Any plain object is accepted (a zod-parsed body, JSON.parse output); QuoteRequest
 * documents the shape that passes.
 */
export function quote(request: QuoteRequest | Readonly<Record<string, unknown>>): QuoteOutcome {
  const validation = validateQuoteRequest(request);
  if (!validation.ok) return validation;
  const { month, period, settings, categories, totals } = validation.request;
  const issues = new IssueList();
  const { lines, adjustments } = buildLines(
    categories,
    totals,
    settings.settlementUnit,
    month,
    issues,
  );
  if (!issues.isEmpty) return { ok: false, issues: issues.items };
  try {
    const extraItemsTotal = sum(settings.extraItems.map((item) => item.amount));
    const workTotal = add(
      sum(lines.map((line) => line.amount)),
      sum(adjustments.map((a) => a.amount)),
    );
    const subtotal = add(workTotal, extraItemsTotal);
    // Work is at the invoice's rate; an extra item without its own rate is too, so an
    // invoice at one rate is taxed exactly as before rates per line existed.
    const bases = sumByRate(
      [
        { rate: settings.taxRate, amount: workTotal },
        ...settings.extraItems.map((item) => ({
          rate: item.taxRate ?? settings.taxRate,
          amount: item.amount,
        })),
      ],
      settings.taxRate,
    );
    const taxed = settings.taxEnabled && !settings.nonResident;
    const byRate = taxByRate(bases, settings.taxRounding, taxed);
    const tax = sum(byRate.map((row) => row.consumptionTax));
    const total = add(subtotal, tax);
    const withheld =
      settings.withholdingEnabled && settings.partnerKind === "individual"
        ? withholdingTax(settings.withholdingBase === "includingTax" ? total : subtotal)
        : 0;
    const expensesTotal = sum(settings.expenses.map((item) => item.amount));
    // Expenses are tax-inclusive actual costs: their rate matters to the company's books only.
    const expensesByRate = sumByRate(
      settings.expenses.map((item) => ({
        rate: item.taxRate ?? DEFAULT_CONSUMPTION_TAX_RATE,
        amount: item.amount,
      })),
    );
    const payable = add(subtract(total, withheld), expensesTotal);
    return {
      ok: true,
      quote: {
        month,
        period,
        lines,
        adjustments,
        extraItemsTotal,
        subtotal,
        consumptionTax: tax,
        taxByRate: byRate,
        total,
        withholdingTax: withheld,
        expensesTotal,
        expensesByRate,
        payable,
      },
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    issues.add(
      "",
      IssueCode.AMOUNT_TOO_LARGE,
      "The invoice's total is too large to compute exactly; check the prices, items and expenses",
      "請求金額の合計が大きすぎて正確に計算できません。単価・追加項目・立替経費を確認してください",
    );
    return { ok: false, issues: issues.items };
  }
}
