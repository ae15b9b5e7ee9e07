import { and, eq, isNull } from "drizzle-orm";
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
import { hashPassword, sha256Hex } from "../platform/crypto";
import { verifyGoogleIdToken } from "../platform/google";
import { invitationStatus } from "./invitations";
import { passwordProblems } from "./passwordPolicy";
import { normaliseEmail, sendVerification } from "./service";
import type { User } from "./sessions";

// Opening an invitation by its link: what the registration form shows, and registering
// (or joining) from it. Creating, listing, resending and revoking are in invitations.ts.

type Invitation = typeof invitations.$inferSelect;

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
      [
        {
          path: "email",
          message: `Register with the invited address ${invitation.email}`,
          messageJa: `招待されたアドレス ${invitation.email} で登録してください`,
        },
      ],
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
        [
          {
            path: "googleIdToken",
            message: `Use the Google account of ${invitation.email}`,
            messageJa: `${invitation.email} の Google アカウントを使ってください`,
          },
        ],
      );
    }
    google = { subject: identity.subject };
  } else if (input.password === undefined) {
    throw new ApiError(422, "invalid_request", "Choose a password or register with Google", [
      {
        path: "password",
        message: "password is required unless you register with Google",
        messageJa: "Google で登録しない場合はパスワードが必要です",
      },
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
    title: {
      ja: `${invitation.email} さんが「${group}」に参加しました`,
      en: `${invitation.email} joined ${group}`,
    },
    body: {
      ja: `${invitation.email} さんが招待を承諾し、${where?.company ?? ""} のグループ「${group}」に参加しました。`,
      en: `${invitation.email} accepted your invitation and joined "${group}" (${where?.company ?? ""}) as ${invitation.role.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}.`,
    },
    link: `/v1/groups/${invitation.groupId}/members`,
  });
}
