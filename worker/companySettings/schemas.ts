import { z } from "@hono/zod-openapi";

const line = (max: number) => z.string().trim().max(max);

export const transferSettingsSchema = z
  .strictObject({
    consignorCode: line(20).openapi({ example: "1234567890", description: "委託者コード" }),
    consignorName: line(60).openapi({ example: "ｶ)ﾃﾞﾓ", description: "委託者名 (kana)" }),
    bankCode: line(8).openapi({ example: "0001" }),
    branchCode: line(6).openapi({ example: "001" }),
    accountType: z.enum(["ordinary", "checking", "other"]),
    accountNumber: line(10).openapi({ example: "7654321" }),
    lineEnding: z.enum(["crlf", "none"]).default("crlf"),
  })
  .openapi("TransferSettings");

export const payerSettingsSchema = z
  .strictObject({
    name: line(100).min(1),
    address: line(200),
    phone: line(30).default(""),
    corporateNumber: line(20)
      .default("")
      .openapi({ description: "法人番号 (13 digits); no マイナンバー is stored" }),
    category: line(30).default("報酬").openapi({
      description:
        "区分 on 支払調書, as the NTA names the fee: デザイン料, 原稿料, 翻訳料, 通訳料, 講演料, 教授料 (技芸・知識等の教授・指導料), 税理士報酬…",
    }),
    detail: line(30)
      .default("")
      .openapi({ description: "細目: what the fee was for, such as ウェブデザイン" }),
    contracts: z
      .array(
        z.strictObject({
          contractId: z.string().min(1),
          category: line(30).min(1),
          detail: line(30).default(""),
        }),
      )
      .max(1000)
      .optional()
      .openapi({ description: "区分 and 細目 per contract, where they differ from the above" }),
  })
  .openapi("PayerSettings");

const taxCategoryNamesSchema = z
  .strictObject({
    standard: line(30).min(1).openapi({ description: "10 %", example: "課対仕入10%" }),
    reduced: line(30)
      .min(1)
      .openapi({ description: "8 % (軽減税率)", example: "課対仕入8%（軽）" }),
    outOfScope: line(30)
      .min(1)
      .openapi({ description: "withholding, payables, untaxed invoices", example: "対象外" }),
  })
  .openapi("TaxCategoryNames", { description: "税区分 as the vendor names them" });

export const accountingSettingsSchema = z
  .strictObject({
    feeAccount: line(30).min(1).openapi({
      description: "the fee's debit account: 外注費, or 支払手数料",
      example: "外注費",
    }),
    expenseAccount: line(30)
      .min(1)
      .openapi({ description: "立替経費 reimbursed", example: "旅費交通費" }),
    payableAccount: line(30).min(1).openapi({ description: "the credit", example: "未払金" }),
    withholdingAccount: line(30)
      .min(1)
      .openapi({ description: "源泉徴収 withheld", example: "預り金" }),
    department: line(30).default("").openapi({ description: "部門, optional", example: "" }),
    taxCategories: z.strictObject({
      freee: taxCategoryNamesSchema,
      moneyforward: taxCategoryNamesSchema,
      yayoi: taxCategoryNamesSchema.openapi({
        description:
          "弥生: 適格 (registered issuer) or 区分80% / 区分70% (the transitional deduction) is appended, as 弥生's 税区分 combines the 請求書区分",
      }),
    }),
  })
  .openapi("AccountingSettings", {
    description:
      "Accounts and tax categories of 仕訳 exports; every name is the company's to choose",
  });

export const settingsUpdateSchema = z
  .strictObject({
    transfer: transferSettingsSchema.optional(),
    payer: payerSettingsSchema.optional(),
    accounting: accountingSettingsSchema.optional(),
  })
  .openapi("CompanySettingsUpdate");

export const settingsSchema = z
  .object({
    transfer: transferSettingsSchema.nullable(),
    payer: payerSettingsSchema.nullable(),
    accounting: accountingSettingsSchema,
    accountingIsDefault: z.boolean(),
    defaults: z.object({ accounting: accountingSettingsSchema }),
  })
  .openapi("CompanySettings");

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
