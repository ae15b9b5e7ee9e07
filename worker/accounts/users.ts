import { eq } from "drizzle-orm";
import { companies, groups, memberships } from "../db/schema";
import type { Deps } from "../deps";
import type { User } from "./sessions";

/** A user as the API shows them: never the password hash. */
export function serializeUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    emailVerified: Boolean(user.emailVerifiedAt),
    fullName: user.fullName,
    partnerKind: user.partnerKind,
    registrationNumber: user.registrationNumber,
    registrationLookup: user.registrationLookup ?? null,
    nonResident: user.nonResident,
    address: user.address,
    phone: user.phone,
    basicInfoComplete: Boolean(user.fullName && user.partnerKind),
    consent: { termsVersion: user.termsVersion, consentedAt: user.consentedAt.toISOString() },
    signInMethods: [
      ...(user.passwordHash ? ["password"] : []),
      ...(user.googleSubject ? ["google"] : []),
    ],
    createdAt: user.createdAt.toISOString(),
  };
}

/** The user and where they belong. */
export async function describeMe(deps: Deps, user: User) {
  const rows = await deps.db
    .select({
      companyId: memberships.companyId,
      companyName: companies.name,
      groupId: memberships.groupId,
      groupName: groups.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(companies, eq(companies.id, memberships.companyId))
    .leftJoin(groups, eq(groups.id, memberships.groupId))
    .where(eq(memberships.userId, user.id));
  return { ...serializeUser(user), memberships: rows };
}
