import { and, desc, eq, isNull } from "drizzle-orm";
import {
  authTokens,
  companies,
  emailTokens,
  groups,
  invitations,
  memberships,
  users,
} from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { notify } from "../notifications/service";
import { hashPassword, randomToken, sha256Hex } from "../platform/crypto";
import { verifyGoogleIdToken } from "../platform/google";
import { sendMail } from "../platform/mail";
import { passwordProblems } from "./passwordPolicy";
import { normaliseEmail, sendVerification } from "./service";
import type { User } from "./sessions";

export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

export type InvitationRole = "groupOwner" | "member" | "partner";
type Invitation = typeof invitations.$inferSelect;

export function invitationStatus(invitation: Invitation, now: Date) {
  if (invitation.acceptedAt) return "accepted" as const;
  if (invitation.revokedAt) return "revoked" as const;
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired" as const;
  return "pending" as const;
}

export function serializeInvitation(invitation: Invitation, now: Date) {
  return {
    id: invitation.id,
    groupId: invitation.groupId,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    expiresAt: invitation.expiresAt.toISOString(),
    sentAt: invitation.sentAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
  };
}

async function mailInvitation(deps: Deps, invitation: Invitation, token: string) {
  const [where] = await deps.db
    .select({ company: companies.name, group: groups.name })
    .from(groups)
    .innerJoin(companies, eq(companies.id, groups.companyId))
    .where(eq(groups.id, invitation.groupId));
  const link = `${deps.config.appUrl}/register?invitation=${token}`;
  await sendMail(deps, {
    to: invitation.email,
    template: "invitation",
    subject: "[Shimebi] You have been invited / 招待が届いています",
    text: [
      `${where?.company ?? ""} invited ${invitation.email} to the group "${where?.group ?? ""}" on Shimebi.`,
      `${where?.company ?? ""} から Shimebi のグループ「${where?.group ?? ""}」に招待されました（${invitation.email}）。`,
      "",
      "Register with this address only / 招待されたメールアドレスでのみ登録できます:",
      link,
      "",
      `The invitation expires on ${invitation.expiresAt.toISOString().slice(0, 10)}. / 有効期限: ${invitation.expiresAt.toISOString().slice(0, 10)}`,
      `Invitation token: ${token}`,
    ].join("\n"),
  });
}

export async function createInvitation(
  deps: Deps,
  inviter: User,
  scope: { companyId: string; groupId: string },
  input: { email: string; role: InvitationRole },
) {
  const email = normaliseEmail(input.email);
  const [member] = await deps.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email), eq(memberships.groupId, scope.groupId)));
  if (member) {
    throw new ApiError(409, "already_member", `${email} is already in this group`, [
      { path: "email", message: `${email} is already in this group` },
    ]);
  }
  const now = deps.now();
  const pending = await deps.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.groupId, scope.groupId), eq(invitations.email, email)));
  if (pending.some((i) => invitationStatus(i, now) === "pending")) {
    throw new ApiError(
      409,
      "already_invited",
      `${email} has a pending invitation: resend it instead`,
      [{ path: "email", message: `${email} has already been invited to this group` }],
    );
  }
  const token = randomToken();
  const [invitation] = await deps.db
    .insert(invitations)
    .values({
      companyId: scope.companyId,
      groupId: scope.groupId,
      email,
      role: input.role,
      tokenHash: await sha256Hex(token),
      invitedBy: inviter.id,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
      sentAt: now,
      createdAt: now,
    })
    .returning();
  if (!invitation) throw new Error("invitation not stored");
  await mailInvitation(deps, invitation, token);
  return invitation;
}

export async function listInvitations(deps: Deps, groupId: string) {
  return deps.db
    .select()
    .from(invitations)
    .where(eq(invitations.groupId, groupId))
    .orderBy(desc(invitations.createdAt));
}

async function pendingInvitation(deps: Deps, groupId: string, invitationId: string) {
  const [invitation] = await deps.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.groupId, groupId)));
  if (!invitation) throw new ApiError(404, "not_found", "No such invitation in this group");
  const status = invitationStatus(invitation, deps.now());
  if (status === "accepted" || status === "revoked") {
    throw new ApiError(409, `invitation_${status}`, `This invitation has already been ${status}`);
  }
  return invitation;
}

export async function revokeInvitation(deps: Deps, groupId: string, invitationId: string) {
  const invitation = await pendingInvitation(deps, groupId, invitationId);
  const [revoked] = await deps.db
    .update(invitations)
    .set({ revokedAt: deps.now() })
    .where(eq(invitations.id, invitation.id))
    .returning();
  return revoked ?? invitation;
}

/** A fresh link and a fresh 7 days; the old link stops working. Expired ones may be resent. */
export async function resendInvitation(deps: Deps, groupId: string, invitationId: string) {
  const invitation = await pendingInvitation(deps, groupId, invitationId);
  const token = randomToken();
  const now = deps.now();
  const [resent] = await deps.db
    .update(invitations)
    .set({
      tokenHash: await sha256Hex(token),
      sentAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
    })
    .where(eq(invitations.id, invitation.id))
    .returning();
  if (!resent) throw new Error("invitation vanished");
  await mailInvitation(deps, resent, token);
  return resent;
}

async function openInvitation(deps: Deps, token: string): Promise<Invitation> {
  const [invitation] = await deps.db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, await sha256Hex(token)));
  if (!invitation)
    throw new ApiError(404, "invalid_invitation", "This invitation link is not valid");
  const status = invitationStatus(invitation, deps.now());
  if (status === "accepted")
    throw new ApiError(410, "invitation_used", "This invitation has already been used");
  if (status === "revoked")
    throw new ApiError(410, "invitation_revoked", "This invitation has been withdrawn");
  if (status === "expired") {
    throw new ApiError(
      410,
      "invitation_expired",
      "This invitation has expired: ask the company to resend it",
    );
  }
  return invitation;
}

/** What the registration form shows: who invites whom, where. */
export async function describeInvitation(deps: Deps, token: string) {
  const invitation = await openInvitation(deps, token);
  const [where] = await deps.db
    .select({ company: companies.name, group: groups.name })
    .from(groups)
    .innerJoin(companies, eq(companies.id, groups.companyId))
    .where(eq(groups.id, invitation.groupId));
  const [existing] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, invitation.email));
  return {
    email: invitation.email,
    role: invitation.role,
    companyName: where?.company ?? "",
    groupName: where?.group ?? "",
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists: Boolean(existing),
  };
}

export type AcceptInput = {
  email: string;
  password?: string;
  googleIdToken?: string;
};

/**
 * Registration from an invitation: a new account (password or Google) for the invited address
 * only, or, for someone who already has an account, joining while signed in as that address.
 * Everything is checked before anything is written; the claim on the invitation, the user and
 * the membership are written together, so a double submit registers once.
 */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  input: AcceptInput,
  caller?: User,
) {
  const invitation = await openInvitation(deps, token);
  const email = normaliseEmail(input.email);
  if (email !== invitation.email) {
    throw new ApiError(
      422,
      "email_not_invited",
      `This invitation is for ${invitation.email}, not ${email}`,
      [{ path: "email", message: `Register with the invited address ${invitation.email}` }],
    );
  }
  const [found] = await deps.db.select().from(users).where(eq(users.email, email));
  // An account nobody proved the address of is not anyone's yet: whoever holds the invitation
  // mailed to the address registers over it, and the first registrant's password is gone.
  const squatted = found && !found.emailVerifiedAt && caller?.id !== found.id ? found : undefined;
  const existing = squatted ? undefined : found;
  let google: { subject: string } | undefined;
  if (existing) {
    if (caller?.id !== existing.id) {
      throw new ApiError(
        409,
        "account_exists",
        `${email} already has an account: sign in, then accept`,
      );
    }
  } else if (input.googleIdToken) {
    const identity = await verifyGoogleIdToken(deps, input.googleIdToken);
    if (identity.email !== email) {
      throw new ApiError(
        422,
        "email_not_invited",
        `The Google account ${identity.email} was not invited`,
        [{ path: "googleIdToken", message: `Use the Google account of ${invitation.email}` }],
      );
    }
    google = { subject: identity.subject };
  } else if (input.password === undefined) {
    throw new ApiError(422, "invalid_request", "Choose a password or register with Google", [
      { path: "password", message: "password is required unless you register with Google" },
    ]);
  } else {
    const problems = passwordProblems(input.password, email);
    if (problems.length > 0)
      throw new ApiError(422, "weak_password", "Choose a stronger password", problems);
  }

  const now = deps.now();
  const userId = found?.id ?? crypto.randomUUID();
  const passwordHash =
    !existing && input.password !== undefined ? await hashPassword(input.password) : null;
  await deps.db.transaction(async (tx) => {
    if (squatted) {
      await tx
        .update(users)
        .set({
          passwordHash,
          googleSubject: google?.subject ?? null,
          emailVerifiedAt: google ? now : null,
        })
        .where(eq(users.id, userId));
      await tx
        .update(authTokens)
        .set({ revokedAt: now })
        .where(and(eq(authTokens.userId, userId), isNull(authTokens.revokedAt)));
      await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
    } else if (!existing) {
      await tx.insert(users).values({
        id: userId,
        email,
        passwordHash,
        googleSubject: google?.subject ?? null,
        emailVerifiedAt: google ? now : null,
        termsVersion: deps.config.termsVersion,
        consentedAt: now,
        createdAt: now,
      });
    }
    await tx
      .insert(memberships)
      .values({
        userId,
        companyId: invitation.companyId,
        groupId: invitation.groupId,
        role: invitation.role,
        createdAt: now,
      })
      .onConflictDoNothing();
    // Last, so a second submit that lost the race rolls back the user it just wrote.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(
        and(
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (claimed.length === 0)
      throw new ApiError(410, "invitation_used", "This invitation has already been used");
  });
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error("user not stored");
  if (!user.emailVerifiedAt) await sendVerification(deps, user);
  await tellInviter(deps, invitation);
  return user;
}

/** The bell of whoever sent the invitation: the invitee is in. */
async function tellInviter(deps: Deps, invitation: Invitation) {
  const [where] = await deps.db
    .select({ company: companies.name, group: groups.name })
    .from(groups)
    .innerJoin(companies, eq(companies.id, groups.companyId))
    .where(eq(groups.id, invitation.groupId));
  const group = where?.group ?? "";
  await notify(deps, invitation.invitedBy, {
    kind: "invitation.accepted",
    title: `${invitation.email} joined ${group}`,
    body: [
      `${invitation.email} accepted your invitation and joined "${group}" (${where?.company ?? ""}) as ${invitation.role.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}.`,
      `${invitation.email} さんが招待を承諾し、グループ「${group}」に参加しました。`,
    ].join("\n"),
    link: `/v1/groups/${invitation.groupId}/members`,
  });
}
