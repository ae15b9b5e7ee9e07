import { z } from "@hono/zod-openapi";
import { email } from "../accounts/schemas";

export const companyIdParam = z.object({
  companyId: z.string().openapi({ param: { name: "companyId", in: "path" } }),
});
export const groupIdParam = z.object({
  groupId: z.string().openapi({ param: { name: "groupId", in: "path" } }),
});
export const invitationParams = groupIdParam.extend({
  invitationId: z.string().openapi({ param: { name: "invitationId", in: "path" } }),
});
export const invitationTokenParam = z.object({
  token: z.string().openapi({ param: { name: "token", in: "path" } }),
});

const name = z.string().trim().min(1).max(100);

export const newCompanySchema = z.strictObject({ name }).openapi("NewCompany");
export const newGroupSchema = z.strictObject({ name }).openapi("NewGroup");

export const companySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    hourRangeEnabled: z.boolean(),
    createdAt: z.string(),
    roles: z.array(z.string()).optional(),
  })
  .openapi("Company");

export const groupSchema = z
  .object({ id: z.string(), companyId: z.string(), name: z.string(), createdAt: z.string() })
  .openapi("Group");

export const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    fullName: z.string().nullable(),
    role: z.string(),
  })
  .openapi("Member");

export const newInvitationSchema = z
  .strictObject({ email, role: z.enum(["groupOwner", "member", "partner"]) })
  .openapi("NewInvitation");

export const invitationSchema = z
  .object({
    id: z.string(),
    groupId: z.string(),
    email: z.string(),
    role: z.string(),
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    expiresAt: z.string(),
    sentAt: z.string(),
    acceptedAt: z.string().nullable(),
  })
  .openapi("Invitation");
