import { ROLES, type Role } from "./db/schema";

export { ROLES, type Role };

/**
 * Who may call what: one row per route, the only place access is decided. A route without a
 * row cannot be defined (`http/route.ts` throws), and the tests walk every route with every
 * role to prove each row holds.
 *
 * - public: anyone.
 * - user: any signed-in user, acting on their own data.
 * - company: the `{companyId}` in the path, for the roles listed.
 * - group: the `{groupId}` in the path, for the roles listed; a company owner holds every
 *   group of the company.
 * - contract, order, invoice: the `{contractId}` (or the `{orderId}`'s or `{invoiceId}`'s
 *   contract), for the roles listed in its group; "partner" there means the contract's own
 *   partner only.
 *
 * Approval steps (approvals/): the row admits the staff of the document's group; the step of
 * the approval route frozen on the document then admits only the roles or people it names
 * (403 otherwise), so a member approves only where a route names them.
 */
export type Rule =
  | { access: "public"; documented?: false }
  | { access: "user" }
  | { access: "company"; roles: readonly Role[] }
  | { access: "group"; roles: readonly Role[] }
  | { access: "contract"; roles: readonly Role[] }
  | { access: "order"; roles: readonly Role[] }
  | { access: "invoice"; roles: readonly Role[] };

const OWNERS = ["companyOwner", "groupOwner"] as const;
const STAFF = ["companyOwner", "groupOwner", "member"] as const;
const PARTIES = ["companyOwner", "groupOwner", "member", "partner"] as const;

export const rules = {
  "GET /health": { access: "public" },
  "POST /v1/quote": { access: "public" },
  "GET /openapi.json": { access: "public", documented: false },
  "GET /docs": { access: "public", documented: false },
  "GET /dev/outbox": { access: "public", documented: false },
  "GET /register": { access: "public", documented: false },
  "GET /verify-email": { access: "public", documented: false },
  "GET /forgot-password": { access: "public", documented: false },
  "GET /reset-password": { access: "public", documented: false },
  "GET /confirm-email-change": { access: "public", documented: false },

  "POST /v1/accounts": { access: "public" },
  "POST /v1/auth/verify-email": { access: "public" },
  "POST /v1/auth/login": { access: "public" },
  "POST /v1/auth/google": { access: "public" },
  "POST /v1/auth/logout": { access: "user" },
  "POST /v1/auth/resend-verification": { access: "public" },
  "POST /v1/auth/password-reset": { access: "public" },
  "POST /v1/auth/password-reset/confirm": { access: "public" },
  "POST /v1/auth/email-change/confirm": { access: "public" },
  "POST /v1/auth/logout-everywhere": { access: "user" },
  "POST /v1/me/email-change": { access: "user" },
  "GET /v1/me/account-events": { access: "user" },
  "GET /v1/invitations/{token}": { access: "public" },
  "POST /v1/invitations/{token}/accept": { access: "public" },

  "GET /v1/me": { access: "user" },
  "PUT /v1/me/profile": { access: "user" },
  "PUT /v1/me/contact": { access: "user" },
  "POST /v1/registration-numbers/verify": { access: "user" },
  "GET /v1/banks": { access: "user" },
  "GET /v1/banks/{bankCode}/branches": { access: "user" },
  "GET /v1/me/bank-accounts": { access: "user" },
  "POST /v1/me/bank-accounts": { access: "user" },
  "DELETE /v1/me/bank-accounts/{bankAccountId}": { access: "user" },
  "POST /v1/me/bank-accounts/{bankAccountId}/default": { access: "user" },
  "GET /v1/me/api-tokens": { access: "user" },
  "POST /v1/me/api-tokens": { access: "user" },
  "DELETE /v1/me/api-tokens/{tokenId}": { access: "user" },
  "GET /v1/me/notifications": { access: "user" },
  "POST /v1/me/notifications/{notificationId}/read": { access: "user" },
  "POST /v1/me/notifications/read-all": { access: "user" },

  "POST /v1/companies": { access: "user" },
  "GET /v1/companies": { access: "user" },
  "GET /v1/companies/{companyId}": { access: "company", roles: ROLES },
  "POST /v1/companies/{companyId}/groups": { access: "company", roles: ["companyOwner"] },
  "GET /v1/companies/{companyId}/groups": { access: "company", roles: ROLES },
  "GET /v1/groups/{groupId}/members": { access: "group", roles: STAFF },
  "POST /v1/groups/{groupId}/invitations": { access: "group", roles: OWNERS },
  "GET /v1/groups/{groupId}/invitations": { access: "group", roles: OWNERS },
  "POST /v1/groups/{groupId}/invitations/{invitationId}/revoke": { access: "group", roles: OWNERS },
  "POST /v1/groups/{groupId}/invitations/{invitationId}/resend": { access: "group", roles: OWNERS },

  "POST /v1/groups/{groupId}/approval-routes": { access: "group", roles: ["companyOwner"] },
  "GET /v1/groups/{groupId}/approval-routes": { access: "group", roles: ["companyOwner"] },
  "PUT /v1/groups/{groupId}/approval-routes/{routeId}": {
    access: "group",
    roles: ["companyOwner"],
  },
  "DELETE /v1/groups/{groupId}/approval-routes/{routeId}": {
    access: "group",
    roles: ["companyOwner"],
  },

  "PUT /v1/companies/{companyId}/options": { access: "company", roles: ["companyOwner"] },
  "POST /v1/companies/{companyId}/webhooks": { access: "company", roles: ["companyOwner"] },
  "GET /v1/companies/{companyId}/webhooks": { access: "company", roles: ["companyOwner"] },
  "DELETE /v1/companies/{companyId}/webhooks/{webhookId}": {
    access: "company",
    roles: ["companyOwner"],
  },
  "POST /v1/companies/{companyId}/webhooks/{webhookId}/rotate-secret": {
    access: "company",
    roles: ["companyOwner"],
  },
  "GET /v1/companies/{companyId}/webhooks/{webhookId}/deliveries": {
    access: "company",
    roles: ["companyOwner"],
  },
  "POST /v1/companies/{companyId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
    access: "company",
    roles: ["companyOwner"],
  },
  "GET /v1/companies/{companyId}/history": { access: "company", roles: STAFF },
  "GET /v1/companies/{companyId}/history/verify": { access: "company", roles: STAFF },
  "GET /v1/companies/{companyId}/history/head": { access: "company", roles: STAFF },
  "GET /v1/ses-rates": { access: "user" },
  "POST /v1/groups/{groupId}/contracts": { access: "group", roles: OWNERS },
  "POST /v1/groups/{groupId}/contracts/bulk": { access: "group", roles: OWNERS },
  "GET /v1/groups/{groupId}/contracts": { access: "group", roles: STAFF },
  "GET /v1/me/contracts": { access: "user" },
  "GET /v1/contracts/{contractId}": { access: "contract", roles: PARTIES },
  "POST /v1/contracts/{contractId}/conditions": { access: "contract", roles: OWNERS },
  "POST /v1/contracts/{contractId}/orders": { access: "contract", roles: OWNERS },
  "GET /v1/orders/{orderId}": { access: "order", roles: PARTIES },
  "PATCH /v1/orders/{orderId}": { access: "order", roles: OWNERS },
  "POST /v1/orders/{orderId}/send": { access: "order", roles: OWNERS },
  // Steps of the group's approval route: the step itself then names who decides it.
  "POST /v1/orders/{orderId}/approval/approve": { access: "order", roles: STAFF },
  "POST /v1/orders/{orderId}/approval/return": { access: "order", roles: STAFF },
  "POST /v1/orders/{orderId}/approve": { access: "order", roles: ["partner"] },
  "POST /v1/orders/{orderId}/return": { access: "order", roles: ["partner"] },
  "GET /v1/orders/{orderId}/document": { access: "order", roles: PARTIES },

  "GET /v1/contracts/{contractId}/months/{month}/entries": { access: "contract", roles: PARTIES },
  "PUT /v1/contracts/{contractId}/months/{month}/entries": {
    access: "contract",
    roles: ["partner"],
  },
  "POST /v1/contracts/{contractId}/entries": { access: "contract", roles: ["partner"] },
  "PUT /v1/contracts/{contractId}/entries/{entryId}": { access: "contract", roles: ["partner"] },
  "DELETE /v1/contracts/{contractId}/entries/{entryId}": { access: "contract", roles: ["partner"] },
  "GET /v1/contracts/{contractId}/months/{month}/estimate": { access: "contract", roles: PARTIES },
  "GET /v1/contracts/{contractId}/months/{month}/rules": { access: "contract", roles: PARTIES },
  "GET /v1/contracts/{contractId}/months/{month}/entries.csv": {
    access: "contract",
    roles: PARTIES,
  },
  "GET /v1/contracts/{contractId}/months/{month}/report": { access: "contract", roles: PARTIES },
  "PUT /v1/contracts/{contractId}/months/{month}/invoice": {
    access: "contract",
    roles: ["partner"],
  },
  "POST /v1/contracts/{contractId}/months/{month}/payment-notice": {
    access: "contract",
    roles: OWNERS,
  },
  "GET /v1/invoices/{invoiceId}": { access: "invoice", roles: PARTIES },
  "POST /v1/invoices/{invoiceId}/submit": { access: "invoice", roles: ["partner"] },
  // The current step of the approval route; the step names who decides it (default: owners).
  "POST /v1/invoices/{invoiceId}/approve": { access: "invoice", roles: STAFF },
  "POST /v1/invoices/{invoiceId}/return": { access: "invoice", roles: STAFF },
  "POST /v1/invoices/{invoiceId}/accept": { access: "invoice", roles: ["partner"] },
  "POST /v1/invoices/{invoiceId}/reject": { access: "invoice", roles: ["partner"] },
  "GET /v1/invoices/{invoiceId}/document": { access: "invoice", roles: PARTIES },
  "GET /v1/invoices/{invoiceId}/document.pdf": { access: "invoice", roles: PARTIES },
  "GET /v1/invoices/{invoiceId}/report": { access: "invoice", roles: PARTIES },
  "POST /v1/invoices/{invoiceId}/attachments": { access: "invoice", roles: ["partner"] },
  "GET /v1/invoices/{invoiceId}/attachments": { access: "invoice", roles: PARTIES },
  "GET /v1/invoices/{invoiceId}/attachments/{attachmentId}": { access: "invoice", roles: PARTIES },
  "GET /v1/companies/{companyId}/invoices": { access: "company", roles: STAFF },
  "GET /v1/companies/{companyId}/documents": { access: "company", roles: STAFF },
  "GET /v1/companies/{companyId}/documents.csv": { access: "company", roles: STAFF },
  "GET /v1/orders/{orderId}/document.pdf": { access: "order", roles: PARTIES },
  "GET /v1/invoices/{invoiceId}/report.pdf": { access: "invoice", roles: PARTIES },
  "GET /v1/me/invoices": { access: "user" },

  "GET /v1/companies/{companyId}/settings": { access: "company", roles: ["companyOwner"] },
  "PUT /v1/companies/{companyId}/settings": { access: "company", roles: ["companyOwner"] },
  "GET /v1/companies/{companyId}/payment-runs": { access: "company", roles: ["companyOwner"] },
  "GET /v1/companies/{companyId}/annual-statements/{year}": {
    access: "company",
    roles: ["companyOwner"],
  },
  "GET /v1/companies/{companyId}/annual-statements/{year}/statements.pdf": {
    access: "company",
    roles: ["companyOwner"],
  },
  "GET /v1/companies/{companyId}/annual-statements/{year}/statements.csv": {
    access: "company",
    roles: ["companyOwner"],
  },
  "POST /v1/companies/{companyId}/payment-runs": { access: "company", roles: ["companyOwner"] },
  "GET /v1/companies/{companyId}/payment-runs/{runId}": {
    access: "company",
    roles: ["companyOwner"],
  },
  "GET /v1/companies/{companyId}/payment-runs/{runId}/zengin": {
    access: "company",
    roles: ["companyOwner"],
  },
  "POST /v1/companies/{companyId}/payment-runs/{runId}/paid": {
    access: "company",
    roles: ["companyOwner"],
  },
  "POST /v1/companies/{companyId}/payment-runs/{runId}/items/{itemId}/failed": {
    access: "company",
    roles: ["companyOwner"],
  },
  "GET /v1/companies/{companyId}/exports/journal.csv": {
    access: "company",
    roles: ["companyOwner"],
  },
} as const satisfies Record<string, Rule>;

export type RouteKey = keyof typeof rules;

/**
 * Drafts, the other half of who sees what: a draft invoice is the partner's alone (the company
 * sees it once submitted); a draft order or payment notice is the company's, held in its
 * approval route (the partner sees it once sent). Someone it is hidden from is told it does
 * not exist.
 */
export function seesDocument(
  kind: "order" | "invoice" | "paymentNotice",
  status: string,
  roles: readonly Role[],
): boolean {
  if (status !== "draft") return true;
  return kind === "invoice" ? roles.includes("partner") : roles.some((r) => r !== "partner");
}

export function ruleFor(key: string): Rule | undefined {
  return (rules as Record<string, Rule>)[key];
}

/** OpenAPI `security` for a rule: `[]` for public operations, bearer or cookie otherwise. */
export function securityFor(rule: Rule): Array<Record<string, string[]>> {
  return rule.access === "public" ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }];
}
