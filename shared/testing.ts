// Helpers for the engine's tests: a valid request to vary, and unwrapping outcomes.

import type { Issue } from "./issues";
import { quote } from "./quote";
import type { QuoteRequest, QuoteResult } from "./types";

/** A plain hourly month: 2025-08, calendar month, no settlement unit, defaults elsewhere. */
export function hourlyRequest(overrides: Partial<QuoteRequest> = {}): QuoteRequest {
  return {
    month: "2025-08",
    costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }],
    entries: [
      { date: "2025-08-01", costCategoryId: "dev", start: "0900", end: "1800", breakMinutes: 60 },
    ],
    ...overrides,
  };
}

/** The quote of a request that must be valid; fails the test with its issues otherwise. */
export function quoteOf(request: QuoteRequest | Record<string, unknown>): QuoteResult {
  const outcome = quote(request);
  if (!outcome.ok)
    throw new Error(`expected a quote, got ${JSON.stringify(outcome.issues, null, 2)}`);
  return outcome.quote;
}

/** The issues of a request that must be invalid. */
export function issuesOf(request: unknown): Issue[] {
  const outcome = quote(request as Record<string, unknown>);
  if (outcome.ok) throw new Error(`expected issues, got ${JSON.stringify(outcome.quote)}`);
  return outcome.issues;
}

/** path -> code, the compact form most assertions need. */
export function issueCodes(request: unknown): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const issue of issuesOf(request)) codes[issue.path] = issue.code;
  return codes;
}

/** The result reduced to the fields spec/quote-api.md names, to compare with its JSON. */
export function specFields(result: QuoteResult) {
  return {
    month: result.month,
    period: result.period,
    lines: result.lines.map((line) => ({
      costCategoryId: line.costCategoryId,
      type: line.type,
      minutes: line.minutes,
      hours: line.hours,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
    })),
    adjustments: result.adjustments.map((adjustment) => ({
      costCategoryId: adjustment.costCategoryId,
      kind: adjustment.kind,
      hours: adjustment.hours,
      rate: adjustment.rate,
      amount: adjustment.amount,
    })),
    subtotal: result.subtotal,
    consumptionTax: result.consumptionTax,
    total: result.total,
    withholdingTax: result.withholdingTax,
    expensesTotal: result.expensesTotal,
    payable: result.payable,
  };
}
