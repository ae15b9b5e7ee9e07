import { z } from "@hono/zod-openapi";

// 基本情報 (basic information) and contact settings a partner fills in once and reuses.

const registrationNumber = z.string().max(40).openapi({
  description:
    "Qualified invoice issuer registration number (適格請求書発行事業者登録番号): T and 13 digits; full-width digits and a lower-case t are accepted",
  example: "T7000012050002",
});

export const profileSchema = z
  .strictObject({
    fullName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "Shown on purchase orders and invoices", example: "山田 花子" }),
    partnerKind: z.enum(["individual", "corporation"]),
    registrationNumber: registrationNumber.nullable().optional().openapi({
      description:
        "Optional: omit it, send null or an empty string when there is none. A valid number is looked up in the National Tax Agency's register and the answer stored as registrationLookup",
    }),
    nonResident: z.boolean().openapi({
      description: "Non-resident providing services from abroad (非居住者・国外での役務提供)",
    }),
  })
  .openapi("BasicInformation");

export const contactSchema = z
  .strictObject({
    address: z.string().trim().min(1).max(200).openapi({ example: "東京都千代田区丸の内1-1-1" }),
    phone: z.string().max(60).openapi({
      description:
        "10 to 15 digits with hyphens, spaces, parentheses or a leading +; full-width digits are accepted",
      example: "03-1234-5678",
    }),
  })
  .openapi("Contact");

export const verifyRegistrationNumberSchema = z
  .strictObject({ registrationNumber })
  .openapi("VerifyRegistrationNumber");

export const registrationLookupSchema = z
  .object({
    status: z.enum(["current", "expired", "revoked", "notFound", "unverified"]),
    name: z.string().optional().openapi({ description: "The registered name (氏名又は名称)" }),
    message: z.string(),
    messageJa: z.string().optional(),
    checkedAt: z.string(),
  })
  .openapi("RegistrationLookup");

export const registrationNumberCheckSchema = z
  .object({
    registrationNumber: z.string().openapi({ example: "T7000012050002" }),
    valid: z.literal(true),
    lookup: registrationLookupSchema,
  })
  .openapi("RegistrationNumberCheck");
