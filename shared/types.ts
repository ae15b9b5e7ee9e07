// The JSON contract of POST /v1/quote (spec/quote-api.md). Field names are the contract.

import type { Issue } from "./issues";
import type { RoundingMode } from "./money";
import type { SettlementUnit } from "./settlement";
import type { WithholdingBase } from "./tax";
import type { LineTaxRate, RatedAmount, TaxByRate } from "./taxByRate";

export type CostCategoryType = "hourly" | "quantity" | "monthly" | "monthlyRange";
export type PartnerKind = "individual" | "corporation";

interface CostCategoryBase {
  /** Unique within the request; entries refer to it. */
  id: string;
  /** 費目 as printed on the invoice; the id stands in when left out. */
  name?: string;
}

export interface HourlyCostCategory extends CostCategoryBase {
  type: "hourly";
  unitPrice: number;
}

export interface QuantityCostCategory extends CostCategoryBase {
  type: "quantity";
  unitPrice: number;
}

export interface MonthlyCostCategory extends CostCategoryBase {
  type: "monthly";
  monthlyFee: number;
}

/** Per-month terms of a monthlyRange category (月毎の単価), at most 6. */
export interface MonthTerms {
  month: string;
  monthlyFee: number;
  lowerHours: number;
  upperHours: number;
}

/** 月額固定 with 時間幅・超過/控除: the only cost category of its contract. */
export interface MonthlyRangeCostCategory extends CostCategoryBase {
  type: "monthlyRange";
  monthlyFee: number;
  lowerHours: number;
  upperHours: number;
  excessRate: number;
  deductionRate: number;
  months?: MonthTerms[];
}

export type CostCategory =
  | HourlyCostCategory
  | QuantityCostCategory
  | MonthlyCostCategory
  | MonthlyRangeCostCategory;

/** 業務登録: one row of the timesheet. */
export interface WorkEntry {
  date: string;
  costCategoryId: string;
  /** "0900", "900", "09:00" or the number 900; hours up to 47. */
  start?: string | number;
  end?: string | number;
  /** The same times as minutes after midnight (0-2879), as stored; instead of start/end. */
  startMinutes?: number;
  endMinutes?: number;
  breakMinutes?: number;
  /** Quantity categories only: more than 0, at most two decimals. */
  quantity?: number;
  /** Monthly and monthlyRange categories only: work recorded without hours. */
  skipHours?: boolean;
  /** Up to 1,000 characters. */
  details?: string;
}

export interface NamedAmount {
  name: string;
  amount: number;
  /**
   * 10, or 8 for the reduced rate (軽減税率). Left out: an extra item is at the invoice's
   * consumptionTax.rate, an expense at 10.
   */
  taxRate?: LineTaxRate;
}

/** Optional fields may also be null, read as left out. */
export interface QuoteRequest {
  month: string;
  closingDay?: number;
  settlementUnit?: SettlementUnit;
  costCategories: CostCategory[];
  entries?: WorkEntry[];
  /** 追加項目: taxable, subject to withholding. */
  extraItems?: NamedAmount[];
  /** 立替経費: outside subtotal, tax and withholding. */
  expenses?: NamedAmount[];
  partner?: { kind?: PartnerKind; nonResident?: boolean };
  consumptionTax?: { enabled?: boolean; rate?: number; rounding?: RoundingMode };
  withholding?: { enabled?: boolean; base?: WithholdingBase };
}

/** The terms a monthlyRange line was computed with (the month's override, or the base). */
export interface AppliedTerms {
  source: "base" | "month";
  month: string | null;
  monthlyFee: number;
  lowerHours: number;
  upperHours: number;
  excessRate: number;
  deductionRate: number;
}

export interface QuoteLine {
  costCategoryId: string;
  /** Extra: the category's name, or its id. */
  name: string;
  type: CostCategoryType;
  /** Settled minutes (timed categories), 0 for quantity lines. */
  minutes: number;
  /** Extra: worked minutes before the settlement unit. */
  rawMinutes: number;
  hours: number;
  quantity: number;
  unitPrice: number;
  amount: number;
  /** Extra, monthlyRange lines only. */
  appliedTerms?: AppliedTerms;
}

export interface QuoteAdjustment {
  costCategoryId: string;
  kind: "excess" | "deduction";
  hours: number;
  /** Extra: the same as minutes, always positive. */
  minutes: number;
  rate: number;
  amount: number;
}

export interface QuoteResult {
  month: string;
  period: { from: string; to: string };
  lines: QuoteLine[];
  adjustments: QuoteAdjustment[];
  /** Extra: the sum of extraItems, part of subtotal. */
  extraItemsTotal: number;
  subtotal: number;
  consumptionTax: number;
  /** Extra: subtotal and tax per rate, highest first; consumptionTax is their tax summed. */
  taxByRate: TaxByRate[];
  total: number;
  withholdingTax: number;
  expensesTotal: number;
  /** Extra: expenses (tax-inclusive) summed per rate, highest first. */
  expensesByRate: RatedAmount[];
  payable: number;
}

export type QuoteOutcome = { ok: true; quote: QuoteResult } | { ok: false; issues: Issue[] };
