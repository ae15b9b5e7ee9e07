// The engine's public API: what worker/ and addon/ import.

export {
  addDays,
  type CalendarDate,
  daysInMonth,
  formatIsoDate,
  formatYearMonth,
  fromDayNumber,
  isLeapYear,
  parseIsoDate,
  parseYearMonth,
  toDayNumber,
  type YearMonth,
} from "./calendar";
export { type Issue, IssueCode, IssueList, makeIssue } from "./issues";
export {
  add,
  divide,
  isRoundingMode,
  isYen,
  mulDiv,
  ROUNDING_MODES,
  type RoundingMode,
  subtract,
  sum,
} from "./money";
export { fromHundredths, toHundredths } from "./quantity";
export { quote } from "./quote";
export {
  normaliseRegistrationNumber,
  parseRegistrationNumber,
  type RegistrationNumberResult,
  registrationCheckDigit,
} from "./registrationNumber";
export {
  DEFAULT_SETTLEMENT_UNIT,
  isHalfHourMultiple,
  type RangeAdjustment,
  type RangeTerms,
  rangeAdjustment,
  SETTLEMENT_UNITS,
  type SettlementUnit,
  settleMinutes,
} from "./settlement";
export {
  consumptionTax,
  DEFAULT_CONSUMPTION_TAX_RATE,
  DEFAULT_CONSUMPTION_TAX_ROUNDING,
  DEFAULT_WITHHOLDING_BASE,
  WITHHOLDING_BASES,
  type WithholdingBase,
  withholdingTax,
} from "./tax";
export {
  type DayInterval,
  findOverlaps,
  formatTime,
  LATEST_TIME_MINUTES,
  type Overlap,
  parseTime,
  workedMinutes,
} from "./time";
export type {
  AppliedTerms,
  CostCategory,
  CostCategoryType,
  HourlyCostCategory,
  MonthlyCostCategory,
  MonthlyRangeCostCategory,
  MonthTerms,
  NamedAmount,
  PartnerKind,
  QuantityCostCategory,
  QuoteAdjustment,
  QuoteLine,
  QuoteOutcome,
  QuoteRequest,
  QuoteResult,
  WorkEntry,
} from "./types";
export { type Validation, type ValidRequest, validateQuoteRequest } from "./validate";
export { COST_CATEGORY_TYPES, MAX_MONTH_TERMS } from "./validateCategories";
export { MAX_DETAILS_LENGTH } from "./validateEntries";
export { PARTNER_KINDS } from "./validateSettings";
export {
  DEFAULT_CLOSING_DAY,
  formatPeriod,
  isClosingDay,
  MONTH_END_CLOSING_DAY,
  type Period,
  workingMonthPeriod,
} from "./workingMonth";
