import { html } from "hono/html";
import { createRouter } from "../http/router";
import { scriptNonce } from "../http/securityHeaders";
import { page, SHOW_ERROR } from "./pages";
import { MIN_PASSWORD_LENGTH } from "./passwordPolicy";

// Account recovery's pages: asking for a reset link, choosing the new password from it, and
// confirming a new address. Plain HTML calling the public API, as the other mail-link pages.

const POST = `async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': navigator.language }, body: JSON.stringify(body) });
  return [res.ok, await res.json()];
}
const token = new URLSearchParams(location.search).get('token') || '';
const msg = document.getElementById('msg');
function done(text) { msg.className = 'ok'; msg.textContent = text; }`;

const FORGOT_SCRIPT = `${SHOW_ERROR}
${POST}
const form = document.getElementById('form');
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  form.querySelector('button').disabled = true;
  const [ok, body] = await post('/v1/auth/password-reset', { email: form.email.value });
  if (ok) { form.hidden = true; done('ご登録のアドレスであれば、再設定のリンクをお送りしました / If the address has an account, a reset link is on its way'); }
  else { showError(msg, body); form.querySelector('button').disabled = false; }
});`;

const RESET_SCRIPT = `${SHOW_ERROR}
${POST}
const form = document.getElementById('form');
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  form.querySelector('button').disabled = true;
  const [ok, body] = await post('/v1/auth/password-reset/confirm', { token, password: form.password.value });
  if (ok) { form.hidden = true; done('パスワードを再設定しました。新しいパスワードでサインインしてください / Your password is reset: sign in with the new one'); }
  else { showError(msg, body); form.querySelector('button').disabled = false; }
});`;

const CONFIRM_SCRIPT = `${SHOW_ERROR}
${POST}
document.getElementById('confirm').addEventListener('click', async (ev) => {
  ev.target.disabled = true;
  const [ok, body] = await post('/v1/auth/email-change/confirm', { token });
  if (ok) done('メールアドレスを ' + body.email + ' に変更しました / Your email address is now ' + body.email);
  else showError(msg, body);
});`;

export function recoveryPageRoutes() {
  return createRouter()
    .get("/forgot-password", (c) =>
      c.html(
        page(
          "Reset your password",
          html`<h1>パスワードの再設定 / Reset your password</h1>
            <form id="form">
              <label>メールアドレス / Email <input type="email" name="email" autocomplete="email" required /></label>
              <button type="submit">再設定のリンクを送る / Send the link</button>
            </form>
            <p id="msg" class="error" role="alert"></p>`,
          FORGOT_SCRIPT,
          scriptNonce(c),
        ),
      ),
    )
    .get("/reset-password", (c) =>
      c.html(
        page(
          "Choose a new password",
          html`<h1>新しいパスワードの設定 / Choose a new password</h1>
            <form id="form">
              <label>新しいパスワード / New password <input type="password" name="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required /></label>
              <button type="submit">設定する / Set the password</button>
            </form>
            <p id="msg" class="error" role="alert"></p>`,
          RESET_SCRIPT,
          scriptNonce(c),
        ),
      ),
    )
    .get("/confirm-email-change", (c) =>
      c.html(
        page(
          "Confirm your new email address",
          html`<h1>新しいメールアドレスの確認 / Confirm your new email address</h1>
            <button id="confirm" type="button">確認する / Confirm</button>
            <p id="msg" class="error" role="alert"></p>`,
          CONFIRM_SCRIPT,
          scriptNonce(c),
        ),
      ),
    );
}
