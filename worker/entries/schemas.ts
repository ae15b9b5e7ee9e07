import { z } from "@hono/zod-openapi";
import { isoDate } from "../http/schemas";
import { syncParse } from "../http/syncParse";
import { CHOICE_SOURCES } from "../invoices/estimateChoices";
import { quoteRequestSchema, quoteResponseSchema } from "../quote/schemas";

// 業務登録 (work entries). zod checks structure and types only: dates, times, periods,
// overlaps and the 1,000-character details are the engine's rules, so one request reports
// every bad row at once instead of stopping at the first type error zod could have caught.

const contractId = z.string().openapi({ param: { name: "contractId", in: "path" } });
const month = z.string().openapi({
  param: { name: "month", in: "path" },
  pattern: "^\\d{4}-\\d{2}$",
  example: "2025-08",
});

export const contractMonthParams = z.object({ contractId, month });
export const entryParams = z.object({
  contractId,
  entryId: z.string().openapi({ param: { name: "entryId", in: "path" } }),
});

const clock = z.union([z.string(), z.number()]).nullable().optional().openapi({
  description: '"820", "0820", "8:20" or "08:20"; hours up to 47 for work past midnight',
  example: "0900",
});

const entryFields = {
  date: z.string().openapi({ format: "date", example: "2025-08-01" }),
  costCategoryId: z.string().openapi({ example: "ses" }),
  start: clock,
  end: clock,
  breakMinutes: z.number().nullable().optional().openapi({ example: 60 }),
  quantity: z.number().nullable().optional(),
  skipHours: z.boolean().nullable().optional(),
  details: z.string().nullable().optional().openapi({ description: "Up to 1,000 characters" }),
};

const clientRowId = z.string().min(1).max(64).openapi({
  description: "The timesheet's own row id: a re-sent row updates its entry instead of adding one",
  example: "sheet1-row12",
});

const sheetRow = z.number().int().min(1).max(1_000_000).optional().openapi({
  description:
    "The row's number on the timesheet: messages name it (「6行目」) instead of its index",
  example: 6,
});

export const entryInputSchema = syncParse(
  z
    .strictObject({
      clientRowId: clientRowId.nullable().optional(),
      workingMonth: z.string().nullable().optional().openapi({
        description:
          "稼働月 the entry is filed under (YYYY-MM): a date outside its period is refused (422 at date). Left out, the month holding the date is used and answered as workingMonth",
        example: "2025-08",
      }),
      ...entryFields,
    })
    .openapi("WorkEntryInput"),
);

export const monthSyncSchema = syncParse(
  z
    .strictObject({
      rows: z.array(z.strictObject({ clientRowId, sheetRow, ...entryFields })).max(2000),
    })
    .openapi("MonthSync", {
      description: "Every entry of the working month; rows left out are deleted",
    }),
);

export const entrySchema = z
  .object({
    id: z.string(),
    clientRowId: z.string().nullable(),
    workingMonth: z.string().openapi({
      description:
        "稼働月 the entry was filed under: with closing day 25, 2025-07-26 is in 2025-08",
      example: "2025-08",
    }),
    date: z.string(),
    costCategoryId: z.string(),
    start: z.string().nullable().openapi({ example: "09:00" }),
    end: z.string().nullable().openapi({ example: "18:00" }),
    breakMinutes: z.number().int(),
    quantity: z.number().nullable(),
    skipHours: z.boolean(),
    details: z.string(),
    workedMinutes: z.number().int().nullable(),
  })
  .openapi("Entry", { description: "業務登録: a stored entry, with its id" });

export const estimateSchema = quoteResponseSchema
  .extend({
    choicesFrom: z.enum(CHOICE_SOURCES).openapi({
      description:
        "Where the withholding (源泉徴収) and tax choices came from: monthDocument, the month's invoice or payment notice; lastInvoice, the partner's latest approved invoice (what a new draft starts with); defaults, tax on and withholding off (on, for an individual, on a payment notice)",
    }),
    withholdingChoice: z
      .object({
        enabled: z.boolean(),
        base: z.enum(["includingTax", "excludingTax"]),
      })
      .openapi({
        description:
          "The withholding (源泉徴収) the estimate was computed with: a form for a new draft starts from it, as the draft itself would",
      }),
  })
  .openapi("Estimate", { description: "概算請求額: the month's invoice as it stands" });

export const syncResultSchema = z
  .object({
    rows: z.array(z.object({ clientRowId: z.string(), id: z.string() })),
    estimate: estimateSchema.nullable(),
  })
  .openapi("MonthSyncResult");

export const REPORT_STATUSES = [
  "noWorkRecorded",
  "inProgress",
  "underReview",
  "approved",
  "returned",
] as const;

export const reportSchema = z
  .object({
    month: z.string(),
    status: z.enum(REPORT_STATUSES),
    label: z.object({ en: z.string(), ja: z.string() }),
    invoiceId: z.string().nullable(),
    entries: z.array(entrySchema),
    estimate: estimateSchema.nullable(),
  })
  .openapi("BusinessReport");

/** What a month's entries are checked against (the add-on's offline check). */
export const monthRulesSchema = z
  .object({
    contractId: z.string(),
    month: z.string().openapi({ example: "2025-08" }),
    period: z.object({ start: isoDate, end: isoDate }),
    days: z.array(isoDate).openapi({ description: "the month's days inside the contract period" }),
    request: quoteRequestSchema
      .omit({ entries: true })
      .openapi("MonthQuoteRequest", { description: "the month's quote request without entries" })
      .nullable(),
    refusal: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .openapi({ description: "why entries cannot be written now, or null" }),
  })
  .openapi("MonthRules");
