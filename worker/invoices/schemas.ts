import { z } from "@hono/zod-openapi";
import { INVOICE_STATUSES } from "../../shared";
import { yen } from "../http/schemas";
import { words } from "../http/zodWords";
import { lineTaxRate } from "../quote/schemas";

// The invoice (請求書) the partner builds for a contract's working month. Every field of the
// draft is optional: what is left out keeps its stored value or a default from settings.

export const invoiceIdParam = z.object({
  invoiceId: z.string().openapi({ param: { name: "invoiceId", in: "path" } }),
});

export const contractMonthParams = z.object({
  contractId: z.string().openapi({ param: { name: "contractId", in: "path" } }),
  month: z
    .string()
    .regex(
      /^\d{4}-(0[1-9]|1[0-2])$/,
      words(
        "Give the working month as YYYY-MM, such as 2025-08",
        "稼働月は YYYY-MM の形で入力してください（例: 2025-08）",
      ),
    )
    .openapi({ param: { name: "month", in: "path" }, example: "2025-08" }),
});

const yearMonth = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])$/,
    words(
      "Give the month as YYYY-MM, such as 2025-08",
      "月は YYYY-MM の形で入力してください（例: 2025-08）",
    ),
  )
  .openapi({ example: "2025-08" });

const namedAmount = z.strictObject({
  name: z.string().trim().min(1).max(100),
  amount: yen,
  taxRate: lineTaxRate.optional(),
});

export const invoiceInputSchema = z
  .strictObject({
    extraItems: z.array(namedAmount).max(50).optional().openapi({ description: "追加項目" }),
    expenses: z.array(namedAmount).max(50).optional().openapi({ description: "立替経費" }),
    consumptionTax: z
      .strictObject({ enabled: z.boolean() })
      .optional()
      .openapi({ description: "消費税; always off (0) for non-residents" }),
    withholding: z
      .strictObject({
        enabled: z.boolean(),
        base: z.enum(["includingTax", "excludingTax"]).default("includingTax"),
        excludedTaxTreatment: z
          .enum(["advancePayment", "compensationBreakdown"])
          .optional()
          .openapi({
            description:
              "with base excludingTax: the excluded tax shown as 立替金 or in the compensation breakdown",
          }),
      })
      .optional()
      .openapi({ description: "源泉徴収, individuals only; carried over from the last invoice" }),
    issuer: z
      .strictObject({
        name: z.string().trim().min(1).max(200).optional(),
        address: z.string().trim().max(200).optional(),
        phone: z.string().trim().max(60).optional(),
        registrationNumber: z.string().trim().max(20).optional(),
        useNextTime: z
          .boolean()
          .default(false)
          .openapi({ description: "save address and phone to settings" }),
      })
      .optional(),
    bankAccountId: z.string().min(1).optional(),
    dueDate: z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}$/,
        words(
          "Give the due date as YYYY-MM-DD, such as 2025-09-30",
          "支払期日は YYYY-MM-DD の形で入力してください（例: 2025-09-30）",
        ),
      )
      .optional(),
    remarks: z
      .string()
      .max(2000)
      .optional()
      .openapi({ description: "備考, up to 2,000 characters" }),
  })
  .openapi("InvoiceInput", { description: "請求書: what the partner chooses beside the work" });

export const submitInvoiceSchema = z
  .strictObject({
    confirmMonth: yearMonth.openapi({ description: "the working month, typed to confirm" }),
  })
  .openapi("InvoiceSubmission");

export const returnInvoiceSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(2000) })
  .openapi("InvoiceReturn");

export const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      description: "Idempotency-Key: a retry with the same key answers the first response",
    }),
});

export const invoiceListQuery = z.object({
  kind: z.enum(["invoice", "paymentNotice"]).optional().openapi({
    description:
      "invoice (請求書) or paymentNotice (支払通知書); the partner's list has both by default, the company's list its partners' invoices",
  }),
  status: z.enum(INVOICE_STATUSES).optional(),
  month: yearMonth.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export type { InvoiceBody } from "./responseSchemas";
export { invoiceListItemSchema, invoiceListSchema, invoiceSchema } from "./responseSchemas";

export type InvoiceInput = z.infer<typeof invoiceInputSchema>;
