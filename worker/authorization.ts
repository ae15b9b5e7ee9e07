/**
 * Who may call what: one row per route, the only place access is decided. A route without a
 * row cannot be defined (`lib/route.ts` throws), and `authorization.test.ts` walks the app to
 * prove every mounted route has one.
 */
export type Role = "companyOwner" | "groupOwner" | "member" | "partner";

export type Rule =
  | { access: "public"; documented?: boolean }
  | { access: "signedIn"; roles: readonly Role[] | "any" };

export const rules = {
  "GET /health": { access: "public" },
  "POST /v1/quote": { access: "public" },
  "GET /openapi.json": { access: "public", documented: false },
  "GET /docs": { access: "public", documented: false },
} as const satisfies Record<string, Rule>;

export type RouteKey = keyof typeof rules;

export function ruleFor(key: string): Rule | undefined {
  return (rules as Record<string, Rule>)[key];
}

/** OpenAPI `security` for a rule: `[]` for public operations, bearer or cookie otherwise. */
export function securityFor(rule: Rule): Array<Record<string, string[]>> {
  return rule.access === "public" ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }];
}
