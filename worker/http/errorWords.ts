// Words of the error codes (see errorCodes.ts): Japanese for `Accept-Language: ja`, English
// otherwise.

export type Words = { ja: string; en: string };

/** The request, who is asking, accounts and invitations. */
export const ACCESS_ERRORS = {
  // The request itself
  invalid_request: { ja: "入力内容に問題があります", en: "The request has problems" },
  malformed_json: {
    ja: "リクエスト本文が正しい JSON ではありません",
    en: "The request body is not valid JSON",
  },
  unsupported_media_type: {
    ja: "この形式のリクエスト本文は受け付けていません",
    en: "This body type is not accepted",
  },
  body_too_large: { ja: "リクエスト本文が大きすぎます", en: "The request body is too large" },
  file_too_large: { ja: "ファイルが大きすぎます", en: "The file is too large" },
  invalid_cursor: {
    ja: "ページ指定（cursor）が正しくありません",
    en: "The cursor is not one this list gave",
  },
  invalid_search: { ja: "検索条件に問題があります", en: "The search has problems" },
  invalid_month: { ja: "月の指定が正しくありません", en: "The month is not valid" },
  http_error: { ja: "リクエストを処理できませんでした", en: "The request was refused" },

  // Who is asking
  unauthenticated: { ja: "ログインしてください", en: "Sign in first" },
  invalid_token: {
    ja: "ログイン情報が無効か期限切れです。もう一度ログインしてください",
    en: "The token is not valid, expired or signed out",
  },
  token_expired: {
    ja: "ログインの有効期限が切れました。もう一度ログインしてください",
    en: "The sign-in has expired; sign in again",
  },
  unknown_user: {
    ja: "このアカウントは登録されていません",
    en: "No Shimebi account is registered for this address",
  },
  invalid_credentials: {
    ja: "メールアドレスまたはパスワードが正しくありません",
    en: "The email address or password is not correct",
  },
  too_many_attempts: {
    ja: "ログインの試行が多すぎます。しばらくしてからお試しください",
    en: "Too many sign-in attempts; try again later",
  },
  email_unverified: {
    ja: "メールアドレスの確認を完了してください",
    en: "Verify your email address first",
  },
  google_email_unverified: {
    ja: "Google アカウントのメールアドレスが確認されていません",
    en: "The Google account's email address is not verified",
  },
  google_not_configured: {
    ja: "このサーバーでは Google ログインを利用できません",
    en: "Sign-in with Google is not configured on this server",
  },
  google_unreachable: {
    ja: "Google に接続できませんでした。しばらくしてからお試しください",
    en: "Google could not be reached; try again",
  },
  api_token_cannot_create: {
    ja: "API トークンはログイン中の画面から作成してください",
    en: "Create API tokens while signed in, not with an API token",
  },
  forbidden: { ja: "この操作を行う権限がありません", en: "Your role does not allow this" },
  cross_site_request: {
    ja: "セッション Cookie による変更は、このサイトのページからのみ受け付けます",
    en: "A change sent with the session cookie must come from this site's own pages",
  },
  not_found: { ja: "見つかりません", en: "Not found" },

  // Accounts and invitations
  account_exists: {
    ja: "このメールアドレスのアカウントはすでにあります",
    en: "An account already exists for this address",
  },
  email_taken: {
    ja: "このメールアドレスはすでに使われています。ログインしてください",
    en: "An account already exists for this address: sign in instead",
  },
  same_email: { ja: "現在と同じメールアドレスです", en: "This is already your email address" },
  wrong_password: {
    ja: "現在のパスワードが正しくありません",
    en: "The current password is not correct",
  },
  weak_password: { ja: "より強いパスワードを設定してください", en: "Choose a stronger password" },
  invalid_phone: { ja: "電話番号が正しくありません", en: "The phone number is not valid" },
  invalid_link: { ja: "この確認リンクは無効です", en: "This verification link is not valid" },
  link_used: {
    ja: "この確認リンクはすでに使われています",
    en: "This verification link has already been used",
  },
  link_expired: {
    ja: "この確認リンクの有効期限が切れています。再送してください",
    en: "This verification link has expired: ask for a new one",
  },
  invalid_invitation: { ja: "この招待リンクは無効です", en: "This invitation link is not valid" },
  invitation_accepted: {
    ja: "この招待はすでに承諾されています",
    en: "This invitation has already been accepted",
  },
  invitation_used: { ja: "この招待はすでに使われています", en: "This invitation has been used" },
  invitation_revoked: { ja: "この招待は取り消されました", en: "This invitation was withdrawn" },
  invitation_expired: {
    ja: "この招待の有効期限が切れています。再送を依頼してください",
    en: "This invitation has expired: ask the company to resend it",
  },
  email_not_invited: {
    ja: "招待されたメールアドレスでログインしてください",
    en: "Sign in with the invited address",
  },
  already_invited: {
    ja: "このメールアドレスはすでに招待されています",
    en: "This address is already invited",
  },
  already_member: {
    ja: "このメールアドレスの方はすでにグループのメンバーです",
    en: "This person is already in the group",
  },
  group_exists: { ja: "同じ名前のグループがすでにあります", en: "A group of that name exists" },
} as const satisfies Record<string, Words>;
