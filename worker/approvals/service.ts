import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import {
  type ApprovalRecord,
  type ApprovalStepDefinition,
  type ApproverRole,
  currentStepOf,
  DEFAULT_STEP,
  type FrozenStep,
  type Person,
  stepViews,
} from "../../shared";
import type { User } from "../accounts/sessions";
import type { Db } from "../db/client";
import { type ApprovalDocumentType, approvalRoutes, memberships, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError, type IssueInput } from "../http/errors";
import type { ApprovalRoutePatch, NewApprovalRoute, StepInput } from "./schemas";

// 承認経路: the routes a company owner defines per group and kind of document, and the
// approval frozen on a document when it enters the route in force.

type Route = typeof approvalRoutes.$inferSelect;
type Reader = Pick<Db, "select">;

const STAFF = ["companyOwner", "groupOwner", "member"] as const;

const noSuchRoute = () =>
  new ApiError(404, "not_found", "No such approval route", [], "承認経路が見つかりません");

export const personName = (user: Pick<User, "fullName" | "email">) => user.fullName ?? user.email;

/** The people of the company who work in the group (partners excluded), by id. */
async function staffOf(db: Reader, companyId: string, groupId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, Person>();
  const rows = await db
    .select({ userId: users.id, fullName: users.fullName, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.companyId, companyId),
        or(eq(memberships.groupId, groupId), isNull(memberships.groupId)),
        inArray(memberships.role, [...STAFF]),
        inArray(memberships.userId, userIds),
      ),
    );
  return new Map(rows.map((r) => [r.userId, { userId: r.userId, name: personName(r) }]));
}

/** Steps as stored: roles or named people of the group, never both, never neither. */
async function checkSteps(
  db: Reader,
  companyId: string,
  groupId: string,
  steps: StepInput[],
): Promise<ApprovalStepDefinition[]> {
  const named = [...new Set(steps.flatMap((s) => s.userIds ?? []))];
  const staff = await staffOf(db, companyId, groupId, named);
  const holders = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.companyId, companyId),
        or(eq(memberships.groupId, groupId), isNull(memberships.groupId)),
      ),
    );
  const issues: IssueInput[] = [];
  const checked = steps.map((step, i) => {
    const roles = [...new Set(step.roles ?? [])];
    const userIds = [...new Set(step.userIds ?? [])];
    if (roles.length > 0 === userIds.length > 0) {
      issues.push({
        path: `steps.${i}`,
        message: "Give the step roles or userIds, one of the two",
        messageJa: "ステップには役割（roles）か承認者（userIds）のどちらか一方を指定してください",
      });
    }
    if (roles.length > 0 && !holders.some((h) => roles.includes(h.role as ApproverRole))) {
      issues.push({
        path: `steps.${i}.roles`,
        message: "No one in the group holds these roles: the step could never be decided",
        messageJa: "このグループにはこの役割の人がいません。このステップは誰も判断できません",
      });
    }
    userIds.forEach((userId, j) => {
      if (!staff.has(userId)) {
        issues.push({
          path: `steps.${i}.userIds.${j}`,
          message: "Not a company owner, group owner or member of this group",
          messageJa: "このグループの企業オーナー・グループオーナー・メンバーではありません",
        });
      }
    });
    return { name: step.name, rule: step.rule, roles, userIds };
  });
  if (issues.length > 0) {
    throw new ApiError(
      422,
      "invalid_approval_route",
      "The approval route has problems to correct",
      issues,
      "承認経路に修正が必要な項目があります",
    );
  }
  return checked;
}

export function serializeRoute(route: Route) {
  return {
    id: route.id,
    groupId: route.groupId,
    documentType: route.documentType,
    name: route.name,
    steps: route.steps,
    createdAt: route.createdAt.toISOString(),
    updatedAt: route.updatedAt?.toISOString() ?? null,
  };
}

export async function createRoute(
  deps: Pick<Deps, "db" | "now">,
  actor: User,
  scope: { companyId: string; groupId: string },
  input: NewApprovalRoute,
) {
  const steps = await checkSteps(deps.db, scope.companyId, scope.groupId, input.steps);
  const [existing] = await deps.db
    .select({ id: approvalRoutes.id })
    .from(approvalRoutes)
    .where(
      and(
        eq(approvalRoutes.groupId, scope.groupId),
        eq(approvalRoutes.documentType, input.documentType),
      ),
    );
  if (existing) {
    throw new ApiError(
      409,
      "approval_route_exists",
      "The group already has an approval route for this kind of document: update it instead",
      [],
      "このグループにはこの書類の承認経路がすでにあります。既存の経路を変更してください",
    );
  }
  const [route] = await deps.db
    .insert(approvalRoutes)
    .values({
      ...scope,
      documentType: input.documentType,
      name: input.name,
      steps,
      createdBy: actor.id,
      createdAt: deps.now(),
    })
    .returning();
  if (!route) throw new Error("approval route not stored");
  return route;
}

export async function listRoutes(db: Reader, groupId: string) {
  return db
    .select()
    .from(approvalRoutes)
    .where(eq(approvalRoutes.groupId, groupId))
    .orderBy(asc(approvalRoutes.documentType));
}

async function routeOf(db: Reader, groupId: string, routeId: string) {
  const [route] = await db
    .select()
    .from(approvalRoutes)
    .where(and(eq(approvalRoutes.id, routeId), eq(approvalRoutes.groupId, groupId)));
  if (!route) throw noSuchRoute();
  return route;
}

/** A new name or new steps; documents already in the route keep what they froze. */
export async function updateRoute(
  deps: Pick<Deps, "db" | "now">,
  scope: { companyId: string; groupId: string },
  routeId: string,
  patch: ApprovalRoutePatch,
) {
  const route = await routeOf(deps.db, scope.groupId, routeId);
  const steps = patch.steps
    ? await checkSteps(deps.db, scope.companyId, scope.groupId, patch.steps)
    : route.steps;
  const [updated] = await deps.db
    .update(approvalRoutes)
    .set({ name: patch.name ?? route.name, steps, updatedAt: deps.now() })
    .where(eq(approvalRoutes.id, route.id))
    .returning();
  return updated ?? route;
}

/** Removed: the group's documents of that kind go back to the default single step. */
export async function deleteRoute(db: Db, groupId: string, routeId: string) {
  const route = await routeOf(db, groupId, routeId);
  await db.delete(approvalRoutes).where(eq(approvalRoutes.id, route.id));
  return route;
}

/** The route in force for the group's documents of this kind, if the company defined one. */
export async function routeInForce(db: Reader, groupId: string, type: ApprovalDocumentType) {
  const [route] = await db
    .select()
    .from(approvalRoutes)
    .where(and(eq(approvalRoutes.groupId, groupId), eq(approvalRoutes.documentType, type)));
  return route;
}

/** Role holders of the group, for an "all" step of a role: frozen as the people it waits for. */
async function holdersOf(
  db: Reader,
  companyId: string,
  groupId: string,
  step: ApprovalStepDefinition,
) {
  const rows = await db
    .select({ userId: users.id, fullName: users.fullName, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.companyId, companyId),
        or(eq(memberships.groupId, groupId), isNull(memberships.groupId)),
        inArray(memberships.role, step.roles),
      ),
    )
    .orderBy(asc(users.email));
  return rows.map((r) => ({ userId: r.userId, name: personName(r) }));
}

/**
 * The approval a document carries from now on: the route in force (or the default single
 * step) with its people resolved, frozen so that later edits of the route change nothing here.
 */
export async function freezeApproval(
  db: Reader,
  input: {
    companyId: string;
    groupId: string;
    route: Route | undefined;
    requestedBy: User;
    now: Date;
  },
): Promise<ApprovalRecord> {
  const definitions = input.route?.steps ?? [DEFAULT_STEP];
  const steps: FrozenStep[] = [];
  for (const step of definitions) {
    let people: Person[] = [];
    if (step.userIds.length > 0) {
      const staff = await staffOf(db, input.companyId, input.groupId, step.userIds);
      people = step.userIds.map((id) => staff.get(id) ?? { userId: id, name: id });
    } else if (step.rule === "all") {
      people = await holdersOf(db, input.companyId, input.groupId, step);
    }
    steps.push({ ...step, people });
  }
  return {
    routeId: input.route?.id ?? null,
    routeName: input.route?.name ?? DEFAULT_STEP.name,
    requestedBy: { userId: input.requestedBy.id, name: personName(input.requestedBy) },
    requestedAt: input.now.toISOString(),
    steps,
    decisions: [],
    outcome: "pending",
  };
}

/** The `approval` of a document's JSON: route, current step, each step's decision. */
export function approvalView(record: ApprovalRecord | null | undefined) {
  if (!record) return null;
  return {
    route: { id: record.routeId, name: record.routeName },
    status: record.outcome,
    currentStep: currentStepOf(record),
    requestedBy: record.requestedBy,
    requestedAt: record.requestedAt,
    steps: stepViews(record),
  };
}
