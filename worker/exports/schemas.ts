import { z } from "@hono/zod-openapi";
import { ACCOUNTING_VENDORS } from "../db/schema";

export const journalQuerySchema = z.object({
  vendor: z.enum(ACCOUNTING_VENDORS).openapi({
    description:
      "freee (会計freee 取引インポート), moneyforward (マネーフォワード クラウド会計 仕訳帳インポート) or yayoi (弥生インポート形式)",
    example: "freee",
  }),
  from: z.string().openapi({
    description: "first transaction date (取引年月日), YYYY-MM-DD",
    example: "2026-01-01",
  }),
  to: z
    .string()
    .openapi({ description: "last transaction date, YYYY-MM-DD", example: "2026-01-31" }),
});
