import { eq } from "drizzle-orm";
import { issueToken } from "../accounts/sessions";
import { memberships, type Role, users } from "../db/schema";
import type { TestApp } from "./app";

/** A person of the demo company: their id and a session token, for approval routes. */
export async function staff(t: TestApp, email: string) {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  const { token } = await issueToken({ db: t.db, now: () => t.clock.now }, user.id, "session");
  return { userId: user.id, token };
}

/** Another person in the group with this role, signed in (the seed has one of each). */
export async function addStaff(
  t: TestApp,
  person: { email: string; fullName: string; role: Role; companyId: string; groupId: string },
) {
  const [user] = await t.db
    .insert(users)
    .values({
      email: person.email,
      fullName: person.fullName,
      emailVerifiedAt: t.clock.now,
      termsVersion: "2025-07-01",
      consentedAt: t.clock.now,
    })
    .returning();
  if (!user) throw new Error("user not stored");
  await t.db.insert(memberships).values({
    userId: user.id,
    companyId: person.companyId,
    groupId: person.role === "companyOwner" ? null : person.groupId,
    role: person.role,
  });
  return staff(t, person.email);
}
