// The engine's public API: what worker/ and addon/ import.

export {
  bankHolidayPredicate,
  dayOfWeek,
  type HolidayPredicate,
  isWeekend,
  isYearEndHoliday,
} from "./bankHolidays";
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
export {
  type ContractPeriod,
  closingDayLabel,
  firstWorkingMonth,
  firstWorkingMonthIssue,
  lastWorkingMonth,
  type PeriodCheck,
  partialWorkingMonths,
  validateContractPeriod,
  workingMonthOf,
  workingMonthOfDate,
  workingMonthsOf,
} from "./contractPeriod";
export {
  formatDateJa,
  formatHourRange,
  formatHours,
  formatInstantJa,
  formatThousands,
  formatYearMonthJa,
  formatYen,
  settlementUnitLabelJa,
} from "./formatJa";
export {
  type BillingMode,
  defaultFirstTermsMonth,
  defaultTermsMonths,
  monthTermsContractIssues,
  type TermsContract,
  termsForMonth,
  termsMonthsAllowed,
  validateHourRangeTerms,
} from "./hourRangeTerms";
export { endOfDayJst, jstDateOf, parseInstant } from "./instant";
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
export {
  type EntryLabeler,
  monthDaysInPeriod,
  monthEntryIssues,
  relabelEntries,
} from "./monthEntries";
export { type OrderLine, type OrderTerm, orderFixedTotal, orderLines } from "./orderLines";
export {
  deemedAcceptanceSentence,
  type MonthTermsRow,
  monthTermsTable,
  type OrderRemarks,
  orderRemarks,
  type RemarksInput,
  rangeTermsLines,
} from "./orderRemarks";
export {
  closingDateOf,
  daysAfterClosing,
  dueDateFor,
  FREELANCE_ACT_LIMIT_DAYS,
  freelanceActLimitIssue,
  MAX_PAYMENT_MONTHS_AFTER,
  MONTH_END_PAYMENT_DAY,
  nominalDueDate,
  type PaymentTerms,
  paymentTermsLabel,
  previousBusinessDay,
  validatePaymentTerms,
} from "./paymentTerms";
export { fromHundredths, toHundredths } from "./quantity";
export { quote } from "./quote";
export {
  normaliseRegistrationNumber,
  parseRegistrationNumber,
  type RegistrationNumberResult,
  registrationCheckDigit,
} from "./registrationNumber";
export { type Renewal, renewalOf, renewedConditions, termMonths } from "./renewal";
export {
  type RangeInput,
  type RateConvention,
  type RateNote,
  type RateSuggestion,
  type RateSuggestions,
  suggestRates,
} from "./sesRates";
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
  APPROVAL_OUTCOME_LABELS,
  APPROVAL_OUTCOMES,
  APPROVER_ROLES,
  type ApprovalOutcome,
  type ApprovalRecord,
  type ApprovalStepDefinition,
  type ApproverRole,
  belongsToStep,
  currentStepOf,
  DEFAULT_STEP,
  decideStep,
  type FrozenStep,
  type Person,
  ROLE_LABELS,
  STEP_RULES,
  type StepDecision,
  type StepOutcome,
  type StepRule,
  type StepView,
  stepApprovers,
  stepViews,
} from "./status/approval";
export {
  CONTRACT_STATUS_LABELS,
  CONTRACT_STATUSES,
  type ContractStatus,
  type ContractStatusInput,
  contractStatus,
} from "./status/contract";
export {
  INVOICE_EVENTS,
  INVOICE_STATUS_LABELS,
  INVOICE_STATUSES,
  type InvoiceEvent,
  type InvoiceStatus,
  type InvoiceTransition,
  invoiceEditIssue,
  invoiceEventsFrom,
  invoiceStatusStamp,
  isInvoiceEditable,
  SENT_INVOICE_STATUSES,
  transitionInvoice,
} from "./status/invoice";
export {
  approvalDeadline,
  isPastApprovalDeadline,
  ORDER_EVENTS,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  type OrderContext,
  type OrderEvent,
  type OrderStatus,
  type OrderTransition,
  orderEventsFrom,
  type PartnerDetail,
  transitionOrder,
} from "./status/order";
export {
  type NoticeState,
  type NoticeTransition,
  PAYMENT_NOTICE_EVENTS,
  PAYMENT_NOTICE_STATUS_LABELS,
  PAYMENT_NOTICE_STATUSES,
  type PaymentNoticeEvent,
  type PaymentNoticeStatus,
  transitionPaymentNotice,
} from "./status/paymentNotice";
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
  includedTax,
  isLineTaxRate,
  LINE_TAX_RATES,
  type LineTaxRate,
  type RatedAmount,
  REDUCED_TAX_RATE,
  sumByRate,
  type TaxByRate,
  taxByRate,
} from "./taxByRate";
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
