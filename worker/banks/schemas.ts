import { z } from "@hono/zod-openapi";
import { words } from "../http/zodWords";

export const bankCodeParam = z.object({
  bankCode: z.string().openapi({ param: { name: "bankCode", in: "path" }, example: "0001" }),
});
export const bankAccountIdParam = z.object({
  bankAccountId: z.string().openapi({ param: { name: "bankAccountId", in: "path" } }),
});

export const zenginSearchQuery = z.object({
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({
      param: { name: "q", in: "query" },
      description:
        "Code prefix (0001), or name or kana in any width, hiragana, katakana or romaji (みずほ, ﾐｽﾞﾎ, mizuho). Empty: the first 50 in code order.",
      example: "みずほ",
    }),
});

export const zenginEntrySchema = z
  .object({
    code: z.string().openapi({ example: "0001" }),
    name: z.string().openapi({ example: "みずほ" }),
    kana: z.string().openapi({ example: "ミズホ" }),
  })
  .openapi("ZenginEntry");

const isDefault = z.boolean().optional().openapi({
  description: "Make it the default account. A user's first account is always the default.",
});

const domestic = z
  .strictObject({
    kind: z.literal("domestic"),
    bankCode: z.string().max(10).openapi({
      description: "金融機関コード: 4 digits from the Zengin list (full-width digits accepted)",
      example: "0001",
    }),
    branchCode: z.string().max(10).openapi({
      description: "支店コード: 3 digits from the Zengin list",
      example: "001",
    }),
    accountType: z.enum(["ordinary", "checking", "savings"]).openapi({
      description: "普通 (ordinary), 当座 (checking) or 貯蓄 (savings)",
    }),
    accountNumber: z.string().max(20).openapi({
      description: "口座番号: exactly 7 digits, with the leading zeros the passbook shows",
      example: "1234567",
    }),
    holderName: z.string().max(100).openapi({
      description:
        "口座名義 in kana; stored as half-width katakana as banks print it (タナカ ミサキ -> ﾀﾅｶ ﾐｻｷ). Allowed: kana, A-Z (lower case is upper-cased), 0-9, space and ( ) . - /",
      example: "タナカ ミサキ",
    }),
    isDefault,
  })
  .openapi("NewDomesticBankAccount");

const overseas = z
  .strictObject({
    kind: z.literal("overseas"),
    bankName: z.string().trim().min(1).max(100).openapi({ example: "HSBC UK Bank" }),
    branchName: z.string().trim().min(1).max(100).openapi({ example: "London" }),
    swiftCode: z.string().max(20).nullable().optional().openapi({
      description: "SWIFT/BIC: 8 or 11 letters and digits",
      example: "MIDLGB22",
    }),
    accountNumber: z.string().trim().min(1).max(50).openapi({
      description: "Account number or IBAN: up to 34 characters, spaces not counted",
      example: "GB29 NWBK 6016 1331 9268 19",
    }),
    holderName: z.string().trim().min(1).max(100).openapi({ example: "Misaki Tanaka" }),
    isDefault,
  })
  .openapi("NewOverseasBankAccount");

export const newBankAccountSchema = z
  .discriminatedUnion("kind", [domestic, overseas], {
    error: words(
      'must be "domestic" (a bank in Japan) or "overseas"',
      '"domestic"（国内の銀行）か "overseas"（海外の銀行）を指定してください',
    ),
  })
  .openapi("NewBankAccount");

export type NewBankAccount = z.infer<typeof newBankAccountSchema>;
export type NewDomesticBankAccount = z.infer<typeof domestic>;
export type NewOverseasBankAccount = z.infer<typeof overseas>;

export const bankAccountSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["domestic", "overseas"]),
    bankCode: z.string().nullable(),
    bankName: z.string(),
    branchCode: z.string().nullable(),
    branchName: z.string(),
    accountType: z.enum(["ordinary", "checking", "savings"]).nullable(),
    accountNumber: z.string(),
    holderName: z.string(),
    swiftCode: z.string().nullable(),
    isDefault: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("BankAccount");
