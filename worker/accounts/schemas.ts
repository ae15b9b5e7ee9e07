import { z } from "@hono/zod-openapi";
import { ACCOUNT_EVENTS } from "../db/schema";
import { registrationLookupSchema } from "../profile/schemas";

export const email = z.email().max(254).openapi({ example: "partner@demo.shimebi.test" });

export const consent = z.literal(true, {
  error:
    "You must agree to the Terms of Use, the Privacy Policy and electronic delivery of subcontract records",
});

export const signupSchema = z
  .strictObject({
    email,
    password: z.string().max(200),
    agreeToTerms: consent.openapi({
      description:
        "Agreement to the Terms of Use, Privacy Policy and electronic delivery of subcontract records (電磁的方法による提供)",
    }),
  })
  .openapi("Signup");

export const acceptInvitationSchema = z
  .strictObject({
    email,
    password: z.string().max(200).optional(),
    googleIdToken: z.string().optional(),
    agreeToTerms: consent,
  })
  .openapi("AcceptInvitation");

export const loginSchema = z
  .strictObject({ email, password: z.string().min(1).max(200) })
  .openapi("Login");

export const googleLoginSchema = z
  .strictObject({ idToken: z.string().min(1) })
  .openapi("GoogleLogin");

export const tokenSchema = z.strictObject({ token: z.string().min(1) });
export const emailOnlySchema = z.strictObject({ email });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    fullName: z.string().nullable(),
    partnerKind: z.enum(["individual", "corporation"]).nullable(),
    registrationNumber: z.string().nullable(),
    registrationLookup: registrationLookupSchema.nullable(),
    nonResident: z.boolean(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    basicInfoComplete: z.boolean(),
    consent: z.object({ termsVersion: z.string(), consentedAt: z.string() }),
    signInMethods: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi("User");

export const meSchema = userSchema
  .extend({
    memberships: z.array(
      z.object({
        companyId: z.string(),
        companyName: z.string(),
        groupId: z.string().nullable(),
        groupName: z.string().nullable(),
        role: z.string(),
      }),
    ),
  })
  .openapi("Me");

export const sessionSchema = z
  .object({ token: z.string(), expiresAt: z.string().nullable(), user: userSchema })
  .openapi("Session");

export const invitationPreviewSchema = z
  .object({
    email: z.string(),
    role: z.string(),
    companyName: z.string(),
    groupName: z.string(),
    expiresAt: z.string(),
    accountExists: z.boolean(),
  })
  .openapi("InvitationPreview");

export const passwordResetSchema = z
  .strictObject({ token: z.string().min(1), password: z.string().max(200) })
  .openapi("PasswordReset");

export const passwordResetDoneSchema = z
  .object({ status: z.literal("reset"), revokedSessions: z.int().nonnegative() })
  .openapi("PasswordResetDone");

export const emailChangeSchema = z
  .strictObject({
    newEmail: email,
    password: z.string().max(200).optional().openapi({
      description: "The current password; required when the account has one",
    }),
  })
  .openapi("EmailChange");

export const emailChangePendingSchema = z
  .object({ status: z.literal("pending"), newEmail: z.string(), expiresAt: z.string() })
  .openapi("EmailChangePending");

export const signedOutSchema = z
  .object({ revokedSessions: z.int().nonnegative() })
  .openapi("SignedOutEverywhere");

export const accountEventSchema = z
  .object({
    id: z.string(),
    event: z.enum(ACCOUNT_EVENTS),
    email: z.string().openapi({ description: "The address concerned (the new one for a change)" }),
    details: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
    createdAt: z.string(),
  })
  .openapi("AccountEvent");
