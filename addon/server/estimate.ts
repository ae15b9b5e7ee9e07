import { type Issue, type QuoteResult, quote } from "../../shared";
import type { ApiIssue } from "./api";
import { type Lang, userLang } from "./i18n";
import { type EstimateChoices, monthRequest } from "./monthCheck";
import { sheetStatus } from "./sheetStatus";
import type { SyncState } from "./syncState";
import { requireTimesheet } from "./timesheet";

// 概算請求額: the month's estimate from the sheet as it stands, by the bundled engine over the
// request the API answered for the month, with no network; the API's figure from the last
// sync beside it; and whether the sheet and the server agree.

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
  sync: SyncState;
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

export type { EstimateChoices };

/**
 * The active timesheet's estimate and sync state: ONE getValues(), no fetch. With the
 * invoice's choices (withholding, tax, extra items, expenses) it is the invoice's figures.
 */
export function getEstimate(choices?: EstimateChoices): Estimate {
  const timesheet = requireTimesheet();
  const { contractId, month } = timesheet;
  const status = sheetStatus(timesheet);
  const server = serverEstimate(contractId, month);
  const { check } = status;
  const request = status.month ? monthRequest(status.month, check.entries, choices) : null;
  let offline: OfflineEstimate;
  if (check.issues.length > 0 || !request) {
    offline = { ok: false, issues: [...check.loose, ...check.issues] };
  } else {
    const outcome = quote(request);
    offline = outcome.ok
      ? { ok: true, quote: outcome.quote }
      : { ok: false, issues: outcome.issues.map((issue) => issueIn(issue, userLang())) };
  }
  return { contractId, month, offline, server, sync: status.state };
}
