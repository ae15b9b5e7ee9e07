import { and, desc, eq } from "drizzle-orm";
import { companies, groups, invitations, memberships, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { randomToken, sha256Hex } from "../platform/crypto";
import { sendMail } from "../platform/mail";
import { normaliseEmail } from "./service";
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
      {
        path: "email",
        message: `${email} is already in this group`,
        messageJa: `${email} はすでにこのグループのメンバーです`,
      },
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
