// Problems with a request, every one at once, each with the path of the field at fault and
// words a partner can act on in English and Japanese.

export const IssueCode = {
  INVALID_REQUEST: "invalid_request",
  REQUIRED: "required",
  INVALID_TYPE: "invalid_type",
  INVALID_VALUE: "invalid_value",
  INVALID_MONTH: "invalid_month",
  INVALID_CLOSING_DAY: "invalid_closing_day",
  INVALID_SETTLEMENT_UNIT: "invalid_settlement_unit",
  INVALID_AMOUNT: "invalid_amount",
  INVALID_NAME: "invalid_name",
  INVALID_TAX_RATE: "invalid_tax_rate",
  AMOUNT_TOO_LARGE: "amount_too_large",
  NO_COST_CATEGORIES: "no_cost_categories",
  INVALID_COST_CATEGORY_ID: "invalid_cost_category_id",
  DUPLICATE_COST_CATEGORY_ID: "duplicate_cost_category_id",
  INVALID_COST_CATEGORY_TYPE: "invalid_cost_category_type",
  MONTHLY_RANGE_NOT_ALONE: "monthly_range_not_alone",
  INVALID_RANGE_HOURS: "invalid_range_hours",
  RANGE_LOWER_ABOVE_UPPER: "range_lower_above_upper",
  TOO_MANY_MONTH_TERMS: "too_many_month_terms",
  DUPLICATE_TERMS_MONTH: "duplicate_terms_month",
  UNKNOWN_COST_CATEGORY: "unknown_cost_category",
  INVALID_DATE: "invalid_date",
  DATE_OUTSIDE_PERIOD: "date_outside_period",
  TIME_REQUIRED: "time_required",
  INVALID_TIME: "invalid_time",
  END_NOT_AFTER_START: "end_not_after_start",
  INVALID_BREAK: "invalid_break",
  BREAK_NOT_SHORTER_THAN_SPAN: "break_not_shorter_than_span",
  TIMES_NOT_ALLOWED: "times_not_allowed",
  SKIP_HOURS_NOT_ALLOWED: "skip_hours_not_allowed",
  QUANTITY_REQUIRED: "quantity_required",
  INVALID_QUANTITY: "invalid_quantity",
  QUANTITY_NOT_ALLOWED: "quantity_not_allowed",
  DETAILS_TOO_LONG: "details_too_long",
  OVERLAPPING_ENTRIES: "overlapping_entries",
  INVALID_REGISTRATION_NUMBER_FORMAT: "invalid_registration_number_format",
  REGISTRATION_NUMBER_CHECK_DIGIT: "registration_number_check_digit",
  END_BEFORE_START: "end_before_start",
  MONTH_NOT_WORKING_MONTH: "month_not_working_month",
  NOT_FIRST_WORKING_MONTH: "not_first_working_month",
  RANGE_REQUIRES_INVOICE_BILLING: "range_requires_invoice_billing",
  INVALID_PAYMENT_TERMS: "invalid_payment_terms",
  PAYMENT_DUE_BEFORE_CLOSING: "payment_due_before_closing",
  FREELANCE_ACT_PAYMENT_LIMIT: "freelance_act_payment_limit",
  ORDER_TRANSITION_NOT_ALLOWED: "order_transition_not_allowed",
  ORDER_EXPIRED: "order_expired",
  ORDER_NOT_YET_EXPIRED: "order_not_yet_expired",
  CONTRACT_ENDED: "contract_ended",
  RETURN_REASON_REQUIRED: "return_reason_required",
  PARTNER_DETAILS_MISSING: "partner_details_missing",
  INVOICE_TRANSITION_NOT_ALLOWED: "invoice_transition_not_allowed",
  INVOICE_LOCKED: "invoice_locked",
  PAYMENT_NOTICE_EXISTS: "payment_notice_exists",
  PAYMENT_NOTICE_DECIDED: "payment_notice_decided",
  MONTH_OUTSIDE_CONTRACT: "month_outside_contract",
  APPROVAL_NOT_PENDING: "approval_not_pending",
  NOT_AN_APPROVER: "not_an_approver",
  ALREADY_APPROVED_STEP: "already_approved_step",
} as const;

export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode];

export interface Issue {
  /** Dotted path of the field at fault: "entries.3.end"; "" for the request as a whole. */
  path: string;
  code: IssueCode;
  message: string;
  messageJa: string;
}

export function makeIssue(path: string, code: IssueCode, message: string, messageJa: string) {
  return { path, code, message, messageJa } satisfies Issue;
}

/** Collects issues for one request; validators add and carry on rather than stop. */
export class IssueList {
  readonly items: Issue[] = [];

  add(path: string, code: IssueCode, message: string, messageJa: string): void {
    this.items.push(makeIssue(path, code, message, messageJa));
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }
}

/** A value quoted for a message, cut short so one bad field cannot flood the answer. */
export function quoteValue(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value);
  else if (value === undefined) text = "nothing";
  else if (typeof value === "number" || typeof value === "boolean" || value === null) {
    text = String(value);
  } else text = Array.isArray(value) ? "a list" : "an object";
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** "Entry 4 (2025-08-03)" / "4件目 (2025-08-03)" for entries[3]: people count from 1. */
export function entryLabel(index: number, date: unknown): { en: string; ja: string } {
  const shown = typeof date === "string" && date.length <= 20 ? ` (${date})` : "";
  return { en: `Entry ${index + 1}${shown}`, ja: `${index + 1}件目${shown}` };
}
