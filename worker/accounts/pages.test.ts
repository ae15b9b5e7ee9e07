import { describe, expect, it } from "vitest";
import { createApp } from "../app";

describe("pages that mail links open", () => {
  it("serves the registration form, which reads the invitation and posts the acceptance", async () => {
    const res = await createApp().request("/register?invitation=abc");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("ユーザー登録 / User registration");
    expect(page).toContain("/v1/invitations/");
    expect(page).toContain("agreeToTerms: form.agree.checked");
  });

  it("serves the verification page, which posts the token only when the button is pressed", async () => {
    const res = await createApp().request("/verify-email?token=abc");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("メールアドレスの確認 / Verify your email address");
    expect(page).toMatch(/addEventListener\('click'[\s\S]*\/v1\/auth\/verify-email/);
  });
});

describe("account recovery pages", () => {
  it("serves the reset request form, which posts the address to the reset route", async () => {
    const res = await createApp().request("/forgot-password");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("パスワードの再設定 / Reset your password");
    expect(page).toMatch(/addEventListener\('submit'[\s\S]*\/v1\/auth\/password-reset'/);
  });
});
