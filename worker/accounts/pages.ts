import { html, raw } from "hono/html";
import { createRouter } from "../http/router";
import { scriptNonce } from "../http/securityHeaders";

// The pages mail links open: registration from an invitation, and email verification (those of
// account recovery are in recoveryPages.ts).
// Plain HTML calling the public API, so they work from any mail client without the add-on.

const STYLE = raw(
  "body{font-family:system-ui,'Hiragino Sans','Noto Sans JP',sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#222}label{display:block;margin:1rem 0 .25rem}input[type=email],input[type=password]{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}button{margin-top:1.25rem;padding:.6rem 1.2rem;font-size:1rem}.error{color:#b00020;white-space:pre-line}.ok{color:#0a6b2d}",
);

export function page(title: string, body: ReturnType<typeof html>, script: string, nonce = "") {
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Shimebi</title>
        <style>${STYLE}</style>
      </head>
      <body>
        ${body}
        <script nonce="${nonce}">${raw(script)}</script>
      </body>
    </html>`;
}

// Shared by both pages: show the API's error object in words.
export const SHOW_ERROR = `function showError(el, body) {
  const e = body && body.error;
  el.textContent = e ? [e.message].concat((e.issues || []).map(i => '・' + i.message)).join('\\n') : 'Something went wrong';
}`;

const REGISTER_SCRIPT = `${SHOW_ERROR}
const token = new URLSearchParams(location.search).get('invitation') || '';
const form = document.getElementById('form'), msg = document.getElementById('msg');
fetch('/v1/invitations/' + encodeURIComponent(token)).then(r => r.json().then(b => [r.ok, b])).then(([ok, b]) => {
  if (!ok) { showError(msg, b); return; }
  document.getElementById('who').textContent = b.companyName + ' / ' + b.groupName;
  form.email.value = b.email;
  form.hidden = false;
});
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  form.querySelector('button').disabled = true;
  const res = await fetch('/v1/invitations/' + encodeURIComponent(token) + '/accept', {
    method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': navigator.language },
    body: JSON.stringify({ email: form.email.value, password: form.password.value, agreeToTerms: form.agree.checked })
  });
  const body = await res.json();
  if (res.ok) { form.hidden = true; msg.className = 'ok'; msg.textContent = '確認メールを送信しました / A confirmation email has been sent'; }
  else { showError(msg, body); form.querySelector('button').disabled = false; }
});`;

const VERIFY_SCRIPT = `${SHOW_ERROR}
const token = new URLSearchParams(location.search).get('token') || '';
const msg = document.getElementById('msg');
document.getElementById('verify').addEventListener('click', async (ev) => {
  ev.target.disabled = true;
  const res = await fetch('/v1/auth/verify-email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  const body = await res.json();
  if (res.ok) { msg.className = 'ok'; msg.textContent = 'メールアドレスの確認が完了しました / Email address verification successful'; }
  else { showError(msg, body); }
});`;

export function pageRoutes() {
  return createRouter()
    .get("/register", (c) =>
      c.html(
        page(
          "User registration",
          html`<h1>ユーザー登録 / User registration</h1>
            <p id="who"></p>
            <form id="form" hidden>
              <label>メールアドレス / Email <input type="email" name="email" readonly /></label>
              <label>パスワード / Password <input type="password" name="password" autocomplete="new-password" minlength="10" required /></label>
              <label><input type="checkbox" name="agree" /> 利用規約・プライバシーポリシー・下請取引における電磁的記録の提供に同意する / I agree to the Terms of Use, the Privacy Policy and electronic delivery of subcontract records</label>
              <button type="submit">ユーザー登録 / Register</button>
            </form>
            <p id="msg" class="error" role="alert"></p>`,
          REGISTER_SCRIPT,
          scriptNonce(c),
        ),
      ),
    )
    .get("/verify-email", (c) =>
      c.html(
        page(
          "Verify your email address",
          html`<h1>メールアドレスの確認 / Verify your email address</h1>
            <button id="verify" type="button">確認する / Verify</button>
            <p id="msg" class="error" role="alert"></p>`,
          VERIFY_SCRIPT,
          scriptNonce(c),
        ),
      ),
    );
}
