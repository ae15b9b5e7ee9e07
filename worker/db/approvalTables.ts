import { sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ApprovalStepDefinition } from "../../shared";
import { companies, groups, users } from "./accountTables";
import { createdAt, id, time } from "./columns";

// ── Approval routes (issue 15) ───────────────────────────────────────────────────────────

export const APPROVAL_DOCUMENT_TYPES = ["purchaseOrder", "invoice", "paymentNotice"] as const;
export type ApprovalDocumentType = (typeof APPROVAL_DOCUMENT_TYPES)[number];

/**
 * A group's approval route (承認経路) for one kind of document: ordered steps, each a role or
 * named people, any one or all of them. At most one per group and kind: the route in force.
 */
export const approvalRoutes = sqliteTable(
  "approval_routes",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id),
    documentType: text("document_type", { enum: APPROVAL_DOCUMENT_TYPES }).notNull(),
    name: text("name").notNull(),
    steps: text("steps", { mode: "json" }).$type<ApprovalStepDefinition[]>().notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: time("updated_at"),
  },
  (t) => [uniqueIndex("approval_routes_group_type").on(t.groupId, t.documentType)],
);
