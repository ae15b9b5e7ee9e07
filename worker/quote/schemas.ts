import { z } from "@hono/zod-openapi";
import { isoDate, yearMonth, yen } from "../http/schemas";
import { syncParse } from "../http/syncParse";

// Structure and types only: formats and the calculation rules (times, periods, ranges,
// overlaps) are the engine's, so the add-on's offline preview refuses exactly what this does.

/** The most entries one quote takes: a month of 2,000 rows ten times over. */
const MAX_ENTRIES = 20_000;

const clock = z.union([z.string(), z.number().int()]).openapi({
  description: '"900", "0900", "09:00"; hours up to 47 for work past midnight',
  example: "0900",
});

const monthTerms = z.strictObject({
  month: yearMonth,
  monthlyFee: yen,
  lowerHours: z.number().min(0),
  upperHours: z.number().min(0),
});

export const costCategorySchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    name: z.string().max(100).optional(),
    type: z.enum(["hourly", "quantity", "monthly", "monthlyRange"]),
    unitPrice: yen.optional(),
    monthlyFee: yen.optional(),
    lowerHours: z.number().min(0).optional(),
    upperHours: z.number().min(0).optional(),
    excessRate: yen.optional(),
    deductionRate: yen.optional(),
    months: z.array(monthTerms).optional(),
  })
  .openapi("CostCategory", {
    description:
      "費目. hourly and quantity take unitPrice; monthly takes monthlyFee; monthlyRange takes monthlyFee, lowerHours, upperHours, excessRate, deductionRate and up to 6 months overrides.",
  });

export const workEntrySchema = z
  .strictObject({
    date: isoDate,
    costCategoryId: z.string().min(1),
    start: clock.optional(),
    end: clock.optional(),
    breakMinutes: z.number().int().min(0).optional(),
    quantity: z.number().min(0).optional(),
    skipHours: z.boolean().optional(),
    details: z.string().optional(),
  })
  .openapi("WorkEntry", { description: "業務登録: one day's work on one cost category" });

/** 10, or 8 for the reduced rate (軽減税率); an addition to spec/quote-api.md. */
export const lineTaxRate = z.union([z.literal(10), z.literal(8)]).openapi({
  description:
    "10, or 8 for the reduced rate (軽減税率). Left out: an extra item is at consumptionTax.rate, an expense at 10",
  example: 8,
});

const namedAmount = z.strictObject({
  name: z.string().min(1).max(200),
  amount: yen,
  taxRate: lineTaxRate.optional(),
});

export const quoteRequestSchema = syncParse(
  z
    .strictObject({
      month: yearMonth,
      closingDay: z
        .number()
        .int()
        .optional()
        .openapi({ description: "1..28, or 31 for month end", example: 25 }),
      settlementUnit: z
        .number()
        .int()
        .optional()
        .openapi({ description: "0, 15, 30 or 60 minutes", example: 30 }),
      costCategories: z.array(costCategorySchema).min(1),
      entries: z.array(workEntrySchema).max(MAX_ENTRIES).default([]),
      extraItems: z.array(namedAmount).optional(),
      expenses: z.array(namedAmount).optional(),
      partner: z
        .strictObject({
          kind: z.enum(["individual", "corporation"]).optional(),
          nonResident: z.boolean().optional(),
        })
        .optional(),
      consumptionTax: z
        .strictObject({
          enabled: z.boolean().optional(),
          rate: z.number().int().min(0).max(100).optional(),
          rounding: z.enum(["floor", "round", "ceil"]).optional(),
        })
        .optional(),
      withholding: z
        .strictObject({
          enabled: z.boolean().optional(),
          base: z.enum(["includingTax", "excludingTax"]).optional(),
        })
        .optional(),
    })
    .openapi("QuoteRequest"),
);

const appliedTerms = z
  .object({
    source: z.enum(["base", "month"]),
    month: z.string().nullable(),
    monthlyFee: z.number().int(),
    lowerHours: z.number(),
    upperHours: z.number(),
    excessRate: z.number().int(),
    deductionRate: z.number().int(),
  })
  .openapi("AppliedTerms", { description: "The hour range a monthlyRange line was settled with" });

const line = z.object({
  costCategoryId: z.string(),
  name: z.string().openapi({ description: "the category's name, or its id" }),
  type: z.enum(["hourly", "quantity", "monthly", "monthlyRange"]),
  minutes: z.number().int().openapi({ description: "settled minutes; 0 for quantity lines" }),
  rawMinutes: z.number().int().openapi({ description: "worked minutes before settlement" }),
  hours: z.number(),
  quantity: z.number(),
  unitPrice: z.number().int(),
  amount: z.number().int(),
  appliedTerms: appliedTerms.optional(),
});

const adjustment = z.object({
  costCategoryId: z.string(),
  kind: z.enum(["excess", "deduction"]),
  hours: z.number(),
  minutes: z.number().int().openapi({ description: "the same as hours, always positive" }),
  rate: z.number().int(),
  amount: z.number().int().openapi({ description: "negative for a deduction" }),
});

export const taxByRateSchema = z
  .object({
    rate: z.number().int(),
    taxableAmount: z
      .number()
      .int()
      .openapi({ description: "the amounts at this rate, before tax" }),
    consumptionTax: z
      .number()
      .int()
      .openapi({ description: "taxableAmount x rate / 100, rounded once for the invoice" }),
  })
  .openapi("TaxByRate", { description: "税率ごとに区分した対価の額と消費税額" });

export const ratedAmountSchema = z
  .object({ rate: z.number().int(), amount: z.number().int() })
  .openapi("RatedAmount");

export const quoteResponseSchema = z
  .object({
    month: z.string(),
    period: z.object({ from: isoDate, to: isoDate }),
    lines: z.array(line),
    adjustments: z.array(adjustment),
    extraItemsTotal: z.number().int().openapi({ description: "追加項目, part of subtotal" }),
    subtotal: z.number().int(),
    consumptionTax: z
      .number()
      .int()
      .openapi({ description: "the sum of taxByRate's consumptionTax" }),
    taxByRate: z.array(taxByRateSchema).openapi({
      description: "per rate, highest first; one row (the invoice's rate) unless a line is at 8 %",
    }),
    total: z.number().int(),
    withholdingTax: z.number().int(),
    expensesTotal: z.number().int(),
    expensesByRate: z
      .array(ratedAmountSchema)
      .openapi({ description: "expenses (tax-inclusive) per rate, for the books" }),
    payable: z.number().int(),
  })
  .openapi("Quote");

const ENTRY_KEYS = new Set(Object.keys(workEntrySchema.shape));

/**
 * What POST /v1/quote checks before the engine: `quoteRequestSchema` with the entries held only
 * to their keys. The engine checks every field of every entry itself (the add-on calls it with
 * no zod), so checking them twice cost a 300-entry month 40 µs of the request's ~200; unknown
 * keys are still refused here, as the strict schema refuses them.
 */
export const quoteRequestBody = quoteRequestSchema.extend({
  entries: z
    .array(z.unknown())
    .max(MAX_ENTRIES)
    .superRefine((entries, ctx) => {
      entries.forEach((value, i) => {
        if (!value || typeof value !== "object" || Array.isArray(value)) return;
        const unknown = Object.keys(value).filter((key) => !ENTRY_KEYS.has(key));
        if (unknown.length > 0) {
          ctx.addIssue({
            code: "unrecognized_keys",
            keys: unknown,
            path: [i],
            input: value as Record<string, unknown>,
          });
        }
      });
    })
    .default([]),
});

/** The body is a JSON object (JSON.parse output: no keys but its own). */
const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A key of WorkEntry (`workEntrySchema.shape`, which schemas.test.ts holds this to): a switch over the
 * keys JSON.parse interned is a fourth of the cost of a Set lookup per key.
 */
function isEntryKey(key: string): boolean {
  switch (key) {
    case "date":
    case "costCategoryId":
    case "start":
    case "end":
    case "breakMinutes":
    case "quantity":
    case "skipHours":
    case "details":
      return true;
    default:
      return false;
  }
}

/** Whether `quoteRequestBody` would find nothing to say about these entries. */
function entriesPass(entries: unknown): entries is unknown[] {
  if (!Array.isArray(entries) || entries.length > MAX_ENTRIES) return false;
  for (const value of entries) {
    if (!isJsonObject(value)) continue;
    for (const key in value) if (!isEntryKey(key)) return false;
  }
  return true;
}

/**
 * `quoteRequestBody.safeParse`, with the same answer. zod walking the entries array (a payload
 * per item, the list copied) cost more than all the rest of the request's checks, and kept the
 * heap's young space busy: a 300-entry month spent more CPU in garbage collection than in the
 * engine. Entries that pass (a list of objects with only WorkEntry's keys, the engine checks
 * their values) are checked here in one loop and zod parses the rest; anything else, and any
 * request zod refuses, goes through the whole schema, so the issues are zod's own.
 */
export function parseQuoteRequest(body: unknown): ReturnType<typeof quoteRequestBody.safeParse> {
  if (isJsonObject(body) && entriesPass(body.entries)) {
    const rest = quoteRequestBody.safeParse({ ...body, entries: [] });
    if (rest.success) return { success: true, data: { ...rest.data, entries: body.entries } };
  }
  return quoteRequestBody.safeParse(body);
}
