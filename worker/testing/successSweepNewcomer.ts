import { backgroundSettled } from "../http/background";
import type { TestApp, TestResponse } from "./app";

// The successful calls of a newcomer (public routes, a new account, its company, profile,
// bank account and API token, then account recovery), for the success sweep (successSweep.ts).

export type Call = (
  name: string,
  method: string,
  path: string,
  init?: { token?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<TestResponse>;

const PASSWORD = "kawasaki-2026!";

export async function succeedAsNewcomer(t: TestApp, call: Call): Promise<void> {
  // Public routes and a new account's first steps.
  await call("createQuote", "POST", "/v1/quote", {
    body: {
      month: "2025-08",
      costCategories: [{ id: "dev", type: "hourly", unitPrice: 5000 }],
      entries: [{ date: "2025-08-04", costCategoryId: "dev", start: "0900", end: "1000" }],
    },
  });
  const email = "sweep@example.test";
  await call("registerAccount", "POST", "/v1/accounts", {
    body: { email, password: PASSWORD, agreeToTerms: true },
  });
  await call("resendVerificationEmail", "POST", "/v1/auth/resend-verification", {
    body: { email },
  });
  const verifyToken = await t.tokenFromMail(email, "verifyEmail");
  await call("verifyEmail", "POST", "/v1/auth/verify-email", { body: { token: verifyToken } });
  const login = await call("logIn", "POST", "/v1/auth/login", {
    body: { email, password: PASSWORD },
  });
  const token = login.body?.token as string;
  await call("logInWithGoogle", "POST", "/v1/auth/google", {
    body: { idToken: await t.google.idToken(email) },
  });
  const company = await call("createCompany", "POST", "/v1/companies", {
    token,
    body: { name: "掃除株式会社" },
  });
  const group = await call("createGroup", "POST", `/v1/companies/${company.body?.id}/groups`, {
    token,
    body: { name: "第二グループ" },
  });
  const invitee = "invitee-sweep@example.test";
  const invitation = await t.call("POST", `/v1/groups/${group.body?.id}/invitations`, {
    token,
    body: { email: invitee, role: "member" },
  });
  await call(
    "resendInvitation",
    "POST",
    `/v1/groups/${group.body?.id}/invitations/${invitation.body?.id}/resend`,
    { token, body: {} },
  );
  const invitationToken = await t.tokenFromMail(invitee, "invitation");
  await call("getInvitation", "GET", `/v1/invitations/${invitationToken}`);
  await call("acceptInvitation", "POST", `/v1/invitations/${invitationToken}/accept`, {
    body: { email: invitee, password: PASSWORD, agreeToTerms: true },
  });
  const apiToken = await call("createApiToken", "POST", "/v1/me/api-tokens", {
    token,
    body: { name: "掃除" },
  });
  await call("revokeApiToken", "DELETE", `/v1/me/api-tokens/${apiToken.body?.id}`, { token });
  await call("updateMyProfile", "PUT", "/v1/me/profile", {
    token,
    body: { fullName: "掃除 太郎", partnerKind: "individual", nonResident: false },
  });
  await call("updateMyContact", "PUT", "/v1/me/contact", {
    token,
    body: { address: "東京都千代田区丸の内1-1-1", phone: "03-1234-5678" },
  });
  await call("verifyRegistrationNumber", "POST", "/v1/registration-numbers/verify", {
    token,
    body: { registrationNumber: "T7000012050002" },
  });
  const account = await call("addMyBankAccount", "POST", "/v1/me/bank-accounts", {
    token,
    body: {
      kind: "domestic",
      bankCode: "0001",
      branchCode: "001",
      accountType: "ordinary",
      accountNumber: "1234567",
      holderName: "ｿｳｼﾞ ﾀﾛｳ",
    },
  });
  const accountPath = `/v1/me/bank-accounts/${account.body?.id}`;
  await call("setDefaultBankAccount", "POST", `${accountPath}/default`, { token, body: {} });
  await call("deleteMyBankAccount", "DELETE", accountPath, { token });

  // Account recovery: a change of address, signing out everywhere, a password reset.
  const moved = "sweep-moved@example.test";
  await call("requestEmailChange", "POST", "/v1/me/email-change", {
    token,
    body: { newEmail: moved, password: PASSWORD },
  });
  await backgroundSettled();
  const change = await t.linkFromMail(moved, "confirmEmailChange");
  await call("confirmEmailChange", "POST", "/v1/auth/email-change/confirm", {
    body: { token: change.token },
  });
  await call("listMyAccountEvents", "GET", "/v1/me/account-events", { token });
  await call("logOutEverywhere", "POST", "/v1/auth/logout-everywhere", { token, body: {} });
  await call("requestPasswordReset", "POST", "/v1/auth/password-reset", {
    body: { email: moved },
  });
  await backgroundSettled();
  const reset = await t.linkFromMail(moved, "resetPassword");
  await call("resetPassword", "POST", "/v1/auth/password-reset/confirm", {
    body: { token: reset.token, password: "kawasaki-2027!" },
  });
}
