import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { companies, groups, memberships, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";

export type Company = typeof companies.$inferSelect;
export type Group = typeof groups.$inferSelect;

/** The founder becomes the company owner. Only verified addresses can found a company. */
export async function createCompany(deps: Deps, user: User, name: string): Promise<Company> {
  if (!user.emailVerifiedAt) {
    throw new ApiError(
      403,
      "email_unverified",
      "Verify your email address before creating a company",
    );
  }
  const now = deps.now();
  const companyId = crypto.randomUUID();
  await deps.db.batch([
    deps.db.insert(companies).values({ id: companyId, name, createdAt: now }),
    deps.db
      .insert(memberships)
      .values({ userId: user.id, companyId, groupId: null, role: "companyOwner", createdAt: now }),
  ]);
  const [company] = await deps.db.select().from(companies).where(eq(companies.id, companyId));
  if (!company) throw new Error("company not stored");
  return company;
}

/** Companies the user belongs to, with the user's roles in each. */
export async function listCompanies(deps: Deps, userId: string) {
  const rows = await deps.db
    .select({ company: companies, role: memberships.role })
    .from(memberships)
    .innerJoin(companies, eq(companies.id, memberships.companyId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(companies.name));
  const byId = new Map<string, { company: Company; roles: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.company.id) ?? { company: row.company, roles: [] };
    if (!entry.roles.includes(row.role)) entry.roles.push(row.role);
    byId.set(row.company.id, entry);
  }
  return [...byId.values()].map(({ company, roles }) => ({ ...serializeCompany(company), roles }));
}

export async function getCompany(deps: Deps, companyId: string): Promise<Company> {
  const [company] = await deps.db.select().from(companies).where(eq(companies.id, companyId));
  if (!company) throw new ApiError(404, "not_found", "No such company");
  return company;
}

export async function createGroup(deps: Deps, companyId: string, name: string): Promise<Group> {
  const [clash] = await deps.db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.companyId, companyId), eq(groups.name, name)));
  if (clash) {
    throw new ApiError(409, "group_exists", `The company already has a group named "${name}"`, [
      {
        path: "name",
        message: `A group named "${name}" already exists`,
        messageJa: `「${name}」という名前のグループはすでにあります`,
      },
    ]);
  }
  const [group] = await deps.db
    .insert(groups)
    .values({ companyId, name, createdAt: deps.now() })
    .returning();
  if (!group) throw new Error("group not stored");
  return group;
}

/** All groups for the company owner; the groups one belongs to for everyone else. */
export async function listGroups(deps: Deps, companyId: string, userId: string, roles: string[]) {
  if (roles.includes("companyOwner")) {
    return deps.db
      .select()
      .from(groups)
      .where(eq(groups.companyId, companyId))
      .orderBy(asc(groups.name));
  }
  const mine = deps.db
    .select({ groupId: memberships.groupId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.companyId, companyId)));
  return deps.db
    .select()
    .from(groups)
    .where(and(eq(groups.companyId, companyId), inArray(groups.id, mine)))
    .orderBy(asc(groups.name));
}

/** The group's people: its own members and the company owners above it. */
export async function listMembers(deps: Deps, companyId: string, groupId: string) {
  return deps.db
    .select({
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.companyId, companyId),
        or(eq(memberships.groupId, groupId), isNull(memberships.groupId)),
      ),
    )
    .orderBy(asc(users.email));
}

export function serializeCompany(company: Company) {
  return {
    id: company.id,
    name: company.name,
    hourRangeEnabled: company.hourRangeEnabled,
    createdAt: company.createdAt.toISOString(),
  };
}

export function serializeGroup(group: Group) {
  return {
    id: group.id,
    companyId: group.companyId,
    name: group.name,
    createdAt: group.createdAt.toISOString(),
  };
}
