import {
  monthEntryIssues,
  type NamedAmount,
  type QuoteRequest,
  relabelEntries,
} from "../../shared";
import type { ApiIssue } from "./api";
import type { MonthTerms } from "./contracts";
import { type Lang, MESSAGES, t } from "./i18n";
import { FIRST_DATA_ROW } from "./layout";
import { type SheetEntry, sheetEntries } from "./rows";

// The offline check of a month: the engine's monthEntryIssues over the request the API
// itself answered for the month (GET .../rules), so the sheet refuses what the sync refuses.
// Messages name sheet rows (「6行目」), as the API does for the rows the add-on sends.

export interface MonthCheck {
  entries: SheetEntry[];
  /** Issues of the entries, paths `entries.N.field`. */
  issues: ApiIssue[];
  /** Issues of the month as a whole: no approved order, invoice submitted, nothing cached. */
  loose: ApiIssue[];
}

/** The sheet row of entry `index` of `entries`. */
export const sheetRowOf = (entries: readonly SheetEntry[], index: number) =>
  FIRST_DATA_ROW + (entries[index]?.index ?? index);

export function rowLabel(entries: readonly SheetEntry[]) {
  return (index: number, capital: boolean) => {
    const row = sheetRowOf(entries, index);
    return { en: `${capital ? "Row" : "row"} ${row}`, ja: `${row}行目` };
  };
}

/** The invoice's choices that change the figures (the API's InvoiceChoices, as it stores them). */
export interface EstimateChoices {
  extraItems?: NamedAmount[];
  expenses?: NamedAmount[];
  consumptionTax?: { enabled: boolean };
  withholding?: { enabled: boolean; base?: "includingTax" | "excludingTax" };
}

/**
 * The quote request of the month with the sheet's entries and, when given, the invoice's
 * choices: the request the API computes the invoice from once the sheet is synced.
 */
export function monthRequest(
  month: MonthTerms,
  entries: readonly SheetEntry[],
  choices?: EstimateChoices,
): QuoteRequest | null {
  const request = month.rules.request;
  if (!request) return null;
  const withEntries = { ...request, entries: entries.map((e) => e.entry) };
  if (!choices) return withEntries;
  return {
    ...withEntries,
    extraItems: choices.extraItems ?? [],
    expenses: choices.expenses ?? [],
    consumptionTax: {
      ...request.consumptionTax,
      enabled: choices.consumptionTax?.enabled ?? request.consumptionTax?.enabled ?? true,
    },
    withholding: {
      enabled: choices.withholding?.enabled ?? false,
      base: choices.withholding?.base ?? "includingTax",
    },
  };
}

export function checkMonth(
  values: readonly (readonly unknown[])[],
  month: MonthTerms | null,
  timeZone: string,
  lang: Lang,
): MonthCheck {
  const entries = sheetEntries(values, month?.terms ?? null, timeZone);
  if (!month)
    return { entries, issues: [], loose: [{ path: "", message: t(MESSAGES.noTerms, lang) }] };
  const loose: ApiIssue[] = [];
  const refusal = month.rules.refusal;
  if (refusal) loose.push({ path: "", code: refusal.code, message: refusal.message });
  const request = monthRequest(month, entries);
  const label = rowLabel(entries);
  const issues = request
    ? monthEntryIssues(request, month.rules.period).map((issue) => ({
        path: issue.path,
        code: issue.code,
        message: relabelEntries(issue, label, lang),
      }))
    : [];
  return { entries, issues, loose };
}
