import { z } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import { accessOf } from "../companies/routes";
import {
  groupIdParam,
  invitationParams,
  invitationSchema,
  invitationTokenParam,
  newInvitationSchema,
} from "../companies/schemas";
import { currentUser, SESSION_COOKIE } from "../http/auth";
import { denied, json, ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { acceptInvitation, describeInvitation } from "./invitationAcceptance";
import {
  createInvitation,
  listInvitations,
  resendInvitation,
  revokeInvitation,
  serializeInvitation,
} from "./invitations";
import { acceptInvitationSchema, invitationPreviewSchema, userSchema } from "./schemas";
import { userForToken } from "./sessions";
import { serializeUser } from "./users";

const gone = {
  404: errorResponse("Unknown invitation"),
  410: errorResponse("Used, withdrawn or expired"),
};

const invite = defineRoute({
  method: "post",
  path: "/v1/groups/{groupId}/invitations",
  operationId: "createInvitation",
  tags: ["Invitations"],
  summary: "Invite an employee or partner by email to the group (single use, 7 days)",
  request: { params: groupIdParam, body: { required: true, ...json(newInvitationSchema) } },
  responses: {
    201: ok("Invited; the mail is sent", invitationSchema),
    409: errorResponse("Already invited or a member"),
    ...denied,
  },
});

const list = defineRoute({
  method: "get",
  path: "/v1/groups/{groupId}/invitations",
  operationId: "listGroupInvitations",
  tags: ["Invitations"],
  summary: "The group's invitations and their status",
  request: { params: groupIdParam },
  responses: { 200: ok("Invitations", z.array(invitationSchema)), ...denied },
});

const revoke = defineRoute({
  method: "post",
  path: "/v1/groups/{groupId}/invitations/{invitationId}/revoke",
  operationId: "revokeInvitation",
  tags: ["Invitations"],
  summary: "Withdraw an invitation; its link stops working",
  request: { params: invitationParams },
  responses: {
    200: ok("Withdrawn", invitationSchema),
    409: errorResponse("Already used or withdrawn"),
    ...denied,
  },
});

const resend = defineRoute({
  method: "post",
  path: "/v1/groups/{groupId}/invitations/{invitationId}/resend",
  operationId: "resendInvitation",
  tags: ["Invitations"],
  summary: "Send a fresh link valid for 7 more days; the old link stops working",
  request: { params: invitationParams },
  responses: {
    200: ok("Resent", invitationSchema),
    409: errorResponse("Already used or withdrawn"),
    ...denied,
  },
});

const preview = defineRoute({
  method: "get",
  path: "/v1/invitations/{token}",
  operationId: "getInvitation",
  tags: ["Invitations"],
  summary: "What an invitation link is for: the registration form's contents",
  request: { params: invitationTokenParam },
  responses: { 200: ok("The invitation", invitationPreviewSchema), ...gone },
});

const accept = defineRoute({
  method: "post",
  path: "/v1/invitations/{token}/accept",
  operationId: "acceptInvitation",
  tags: ["Invitations"],
  summary:
    "Register from an invitation (password or Google), or join with an existing account while signed in",
  request: {
    params: invitationTokenParam,
    body: { required: true, ...json(acceptInvitationSchema) },
  },
  responses: {
    201: ok("Registered; unverified addresses get a verification mail", userSchema),
    409: errorResponse("The address has an account: sign in first"),
    422: errorResponse("Not the invited address, or a weak password"),
    ...gone,
  },
});

export function invitationRoutes() {
  return createRouter()
    .openapi(invite, async (c) => {
      const invitation = await createInvitation(
        c.var.deps,
        currentUser(c),
        scopeOf(c),
        c.req.valid("json"),
      );
      return c.json(serializeInvitation(invitation, c.var.deps.now()), 201);
    })
    .openapi(list, async (c) => {
      const rows = await listInvitations(c.var.deps, scopeOf(c).groupId);
      return c.json(
        rows.map((i) => serializeInvitation(i, c.var.deps.now())),
        200,
      );
    })
    .openapi(revoke, async (c) => {
      const invitation = await revokeInvitation(
        c.var.deps,
        scopeOf(c).groupId,
        c.req.valid("param").invitationId,
      );
      return c.json(serializeInvitation(invitation, c.var.deps.now()), 200);
    })
    .openapi(resend, async (c) => {
      const invitation = await resendInvitation(
        c.var.deps,
        scopeOf(c).groupId,
        c.req.valid("param").invitationId,
      );
      return c.json(serializeInvitation(invitation, c.var.deps.now()), 200);
    })
    .openapi(preview, async (c) =>
      c.json(await describeInvitation(c.var.deps, c.req.valid("param").token), 200),
    )
    .openapi(accept, async (c) => {
      // Public, but an existing user joining another company accepts while signed in.
      const header = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
      const token = header ?? getCookie(c, SESSION_COOKIE);
      const caller = token ? (await userForToken(c.var.deps, token))?.user : undefined;
      const user = await acceptInvitation(
        c.var.deps,
        c.req.valid("param").token,
        c.req.valid("json"),
        caller,
      );
      return c.json(serializeUser(user), 201);
    });
}

function scopeOf(c: Parameters<typeof accessOf>[0]) {
  const access = accessOf(c);
  return { companyId: access.companyId, groupId: access.groupId ?? "" };
}
