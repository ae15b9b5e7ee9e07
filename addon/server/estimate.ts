import {
  type Issue,
  type QuoteRequest,
  type QuoteResult,
  quote,
  type WorkEntry,
} from "../../shared";
import type { ApiIssue } from "./api";
import { type ContractTerms, cachedContractTerms } from "./contracts";
import { type Lang, MESSAGES, t, userLang } from "./i18n";
import { sheetEntries } from "./rows";
import { readRows, requireTimesheet } from "./timesheet";

// 概算請求額: the month's estimate from the sheet as it stands, by the bundled engine, with no
// network; and the API's figure from the last sync beside it. Both come from the same quote()
// over the same request, so they agree whenever the sheet has not changed since.

/** The request the API builds for a contract's month (worker/entries/monthQuote.ts). */
export function quoteRequestOf(
  terms: ContractTerms,
  month: string,
  entries: WorkEntry[],
): QuoteRequest {
  return {
    month,
    closingDay: terms.closingDay,
    settlementUnit: terms.settlementUnit,
    costCategories: terms.costCategories,
    entries,
    extraItems: [],
    expenses: [],
    partner: { kind: terms.partner.kind, nonResident: terms.partner.nonResident },
    consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
    withholding: { enabled: false },
  };
}

/** An engine issue in the API's shape, in the user's language. */
export function issueIn(issue: Issue, lang: Lang): ApiIssue {
  return {
    path: issue.path,
    code: issue.code,
    message: lang === "ja" ? issue.messageJa : issue.message,
  };
}

export interface ServerEstimate {
  estimate: QuoteResult | null;
  syncedAt: string;
}

export type OfflineEstimate = { ok: true; quote: QuoteResult } | { ok: false; issues: ApiIssue[] };

export interface Estimate {
  contractId: string;
  month: string;
  offline: OfflineEstimate;
  server: ServerEstimate | null;
}

const estimateKey = (contractId: string, month: string) =>
  `shimebi.estimate.${contractId}.${month}`;

export function saveServerEstimate(
  contractId: string,
  month: string,
  estimate: QuoteResult | null,
) {
  const value: ServerEstimate = { estimate, syncedAt: new Date().toISOString() };
  PropertiesService.getDocumentProperties().setProperty(
    estimateKey(contractId, month),
    JSON.stringify(value),
  );
}

export function serverEstimate(contractId: string, month: string): ServerEstimate | null {
  const text = PropertiesService.getDocumentProperties().getProperty(
    estimateKey(contractId, month),
  );
  return text ? (JSON.parse(text) as ServerEstimate) : null;
}

/** The active timesheet's estimate: ONE getValues(), no fetch. */
export function getEstimate(): Estimate {
  const lang = userLang();
  const timesheet = requireTimesheet();
  const { contractId, month } = timesheet;
  const terms = cachedContractTerms(contractId);
  const server = serverEstimate(contractId, month);
  if (!terms) {
    return {
      contractId,
      month,
      offline: { ok: false, issues: [{ path: "", message: t(MESSAGES.noTerms, lang) }] },
      server,
    };
  }
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const entries = sheetEntries(readRows(timesheet.sheet), terms, timeZone).map((e) => e.entry);
  const outcome = quote(quoteRequestOf(terms, month, entries));
  const offline: OfflineEstimate = outcome.ok
    ? { ok: true, quote: outcome.quote }
    : { ok: false, issues: outcome.issues.map((issue) => issueIn(issue, lang)) };
  return { contractId, month, offline, server };
}
