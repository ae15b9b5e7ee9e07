import type { CostCategory, PartnerKind, QuoteRequest, SettlementUnit } from "../../shared";
import { callApi } from "./api";
import type { Contract, ContractDetail, User } from "./apiModels";

// A contract's terms as the timesheet needs them: cost categories for the dropdown and the
// offline estimate, closing day and settlement unit, the partner's tax status. Fetched when a
// timesheet is made and cached in the document's properties, so checking rows and the
// estimate work without the network.

/** A contract as the sidebar lists it: the API's, the parts shown. */
export type ContractSummary = Pick<
  Contract,
  "id" | "title" | "status" | "startDate" | "endDate" | "closingDay"
>;

export interface ContractTerms {
  contractId: string;
  title: string;
  closingDay: number;
  settlementUnit: SettlementUnit;
  /** The working month from which these conditions apply (稼働条件の適用開始月). */
  conditionsFrom: string;
  costCategories: CostCategory[];
  partner: { kind: PartnerKind; nonResident: boolean };
  fetchedAt: string;
}

type ContractResponse = ContractDetail;
type MeResponse = Pick<User, "partnerKind" | "nonResident">;

const termsKey = (contractId: string) => `shimebi.terms.${contractId}`;
const rulesKey = (contractId: string, month: string) => `shimebi.rules.${contractId}.${month}`;

/**
 * What the API checks a month's entries against (GET .../months/{month}/rules): the contract
 * period, the month's days inside it, the quote request with the conditions in force that
 * month, and why entries cannot be written now. The offline check runs the engine's
 * monthEntryIssues over it, as the sync does.
 */
export interface MonthRules {
  contractId: string;
  month: string;
  period: { start: string; end: string };
  days: string[];
  request: QuoteRequest | null;
  refusal: { code: string; message: string } | null;
}

/** GET the month's rules and cache them for the offline check. */
export function loadMonthRules(contractId: string, month: string): MonthRules {
  const enc = encodeURIComponent;
  const rules = callApi<MonthRules>(
    "get",
    `/v1/contracts/${enc(contractId)}/months/${enc(month)}/rules`,
  );
  PropertiesService.getDocumentProperties().setProperty(
    rulesKey(contractId, month),
    JSON.stringify(rules),
  );
  return rules;
}

export function cachedMonthRules(contractId: string, month: string): MonthRules | null {
  const text = PropertiesService.getDocumentProperties().getProperty(rulesKey(contractId, month));
  return text ? (JSON.parse(text) as MonthRules) : null;
}

/** The caller's contracts as a partner (GET /v1/me/contracts). */
export function listContracts(): ContractSummary[] {
  return callApi<ContractSummary[]>("get", "/v1/me/contracts").map((c) => ({
    id: c.id,
    title: c.title,
    status: c.status,
    startDate: c.startDate,
    endDate: c.endDate,
    closingDay: c.closingDay,
  }));
}

/** GET the contract and the partner's profile, and cache the terms for offline use. */
export function loadContractTerms(contractId: string): ContractTerms {
  const contract = callApi<ContractResponse>(
    "get",
    `/v1/contracts/${encodeURIComponent(contractId)}`,
  );
  const me = callApi<MeResponse>("get", "/v1/me");
  const terms: ContractTerms = {
    contractId: contract.id,
    title: contract.title,
    closingDay: contract.closingDay,
    settlementUnit: contract.settlementUnit as SettlementUnit,
    conditionsFrom: contract.conditions.effectiveFrom,
    // The API stores only categories its engine accepted: the engine's own type.
    costCategories: contract.conditions.costCategories as CostCategory[],
    // As the API's month quote reads it: an unset kind counts as an individual.
    partner: { kind: me.partnerKind ?? "individual", nonResident: me.nonResident },
    fetchedAt: new Date().toISOString(),
  };
  PropertiesService.getDocumentProperties().setProperty(
    termsKey(contractId),
    JSON.stringify(terms),
  );
  return terms;
}

export function cachedContractTerms(contractId: string): ContractTerms | null {
  const text = PropertiesService.getDocumentProperties().getProperty(termsKey(contractId));
  return text ? (JSON.parse(text) as ContractTerms) : null;
}

/** The name shown in the dropdown for each category: its name, or its id when it has none. */
export function categoryLabel(category: CostCategory): string {
  return category.name ?? category.id;
}

/** The category id for a dropdown label (or an id typed by hand); unknown text passes through. */
export function categoryIdOf(terms: ContractTerms | null, label: string): string {
  if (!terms) return label;
  const byName = terms.costCategories.find((c) => categoryLabel(c) === label);
  return byName?.id ?? label;
}

/** The contract's terms with the month's conditions in force, both from the cache. */
export interface MonthTerms {
  terms: ContractTerms;
  rules: MonthRules;
}

export function cachedMonthTerms(contractId: string, month: string): MonthTerms | null {
  const terms = cachedContractTerms(contractId);
  const rules = cachedMonthRules(contractId, month);
  if (!terms || !rules) return null;
  const costCategories = rules.request?.costCategories ?? terms.costCategories;
  return { terms: { ...terms, costCategories }, rules };
}

/** Fetch both again: when the sheet is made, and when the server refuses what the cache allowed. */
export function loadMonthTerms(contractId: string, month: string): MonthTerms {
  const terms = loadContractTerms(contractId);
  const rules = loadMonthRules(contractId, month);
  const costCategories = rules.request?.costCategories ?? terms.costCategories;
  return { terms: { ...terms, costCategories }, rules };
}
