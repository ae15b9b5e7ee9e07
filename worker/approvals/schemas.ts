import { z } from "@hono/zod-openapi";
import { APPROVAL_OUTCOMES, APPROVER_ROLES, STEP_RULES } from "../../shared";
import { groupIdParam } from "../companies/schemas";
import { APPROVAL_DOCUMENT_TYPES } from "../db/schema";

// 承認経路: a group's approval route per kind of document, and the approval frozen on a
// document (`approval` of an order or invoice).

export const approvalRouteParams = groupIdParam.extend({
  routeId: z.string().openapi({ param: { name: "routeId", in: "path" } }),
});

export const documentTypeSchema = z.enum(APPROVAL_DOCUMENT_TYPES).openapi({
  description:
    "purchaseOrder: before the order is sent to the partner; invoice: before the company approves the invoice; paymentNotice: before the notice is sent to the partner for acceptance",
});

const stepInput = z
  .strictObject({
    name: z.string().trim().min(1).max(50).openapi({ example: "経理確認" }),
    rule: z.enum(STEP_RULES).default("any").openapi({
      description: "any: one approval completes the step; all: every approver must approve",
    }),
    roles: z.array(z.enum(APPROVER_ROLES)).max(APPROVER_ROLES.length).optional().openapi({
      description: "The step is decided by holders of these roles in the group",
    }),
    userIds: z.array(z.string().min(1).max(100)).max(20).optional().openapi({
      description: "Or by these people (company owners, group owners or members of the group)",
    }),
  })
  .openapi("ApprovalStepInput", { description: "Give roles or userIds, not both" });

export const newApprovalRouteSchema = z
  .strictObject({
    documentType: documentTypeSchema,
    name: z.string().trim().min(1).max(100).openapi({ example: "請求書の3段階承認" }),
    steps: z.array(stepInput).min(1).max(10),
  })
  .openapi("NewApprovalRoute");

export const approvalRoutePatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    steps: z.array(stepInput).min(1).max(10).optional(),
  })
  .openapi("ApprovalRoutePatch", {
    description: "Documents already in the route keep the steps they entered with",
  });

const personSchema = z.object({ userId: z.string(), name: z.string() }).openapi("Person");

export const approvalRouteSchema = z
  .object({
    id: z.string(),
    groupId: z.string(),
    documentType: documentTypeSchema,
    name: z.string(),
    steps: z.array(
      z.object({
        name: z.string(),
        rule: z.enum(STEP_RULES),
        roles: z.array(z.enum(APPROVER_ROLES)),
        userIds: z.array(z.string()),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi("ApprovalRoute");

export const approvalSchema = z
  .object({
    route: z.object({
      id: z.string().nullable().openapi({ description: "null: the default single step" }),
      name: z.string(),
    }),
    status: z.enum(APPROVAL_OUTCOMES),
    currentStep: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "1-based; null once approved or returned" }),
    requestedBy: personSchema,
    requestedAt: z.string(),
    steps: z.array(
      z.object({
        number: z.number().int(),
        name: z.string(),
        rule: z.enum(STEP_RULES),
        roles: z.array(z.enum(APPROVER_ROLES)),
        people: z.array(personSchema),
        decision: z.enum(["approved", "returned"]).nullable(),
        decidedBy: z.string().nullable(),
        decidedAt: z.string().nullable(),
        reason: z.string().nullable(),
        approvals: z.array(
          z.object({ userId: z.string(), name: z.string(), decidedAt: z.string() }),
        ),
      }),
    ),
  })
  .nullable()
  .openapi("Approval", {
    description:
      "The approval route frozen on the document when it entered it, and each step's decision",
  });

export const stepReturnSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(2000) })
  .openapi("ApprovalStepReturn");

export type NewApprovalRoute = z.infer<typeof newApprovalRouteSchema>;
export type ApprovalRoutePatch = z.infer<typeof approvalRoutePatchSchema>;
export type StepInput = z.infer<typeof stepInput>;
