import type { IssueCode } from "../../shared";

// Every error code the API sends, with the words a person reads when the thrower has nothing
// more specific to say: Japanese for `Accept-Language: ja` and for a missing header, English
// otherwise. `ApiError` accepts only these codes and the engine's issue codes (which carry
// their own words in both languages), so a new code cannot ship without its Japanese.

type Words = { ja: string; en: string };

export const ERROR_MESSAGES = {
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

  // Contracts and purchase orders
  invalid_contract: { ja: "契約の内容に問題があります", en: "The contract has problems" },
  invalid_conditions: {
    ja: "稼働条件に問題があります",
    en: "The working conditions have problems",
  },
  invalid_range: {
    ja: "月額と時間幅から単価を計算できません",
    en: "The fee and hour range cannot give rates",
  },
  wrong_working_months: {
    ja: "月ごとの条件が契約の稼働月と一致していません",
    en: "The per-month terms do not match the contract's working months",
  },
  order_exists: { ja: "未承認の発注書がすでにあります", en: "An order is already open" },
  order_locked: {
    ja: "送付済みの発注書は変更できません",
    en: "The order cannot change in its status",
  },
  order_changed: {
    ja: "発注書が別の操作で更新されました。画面を更新してください",
    en: "The purchase order changed meanwhile: reload it",
  },
  approval_incomplete: {
    ja: "発注請書に必要な情報が足りません",
    en: "The order confirmation is incomplete",
  },
  month_outside_contract: {
    ja: "契約期間外の月です",
    en: "The month is outside the contract",
  },

  // Work entries, invoices and payment notices
  no_approved_order: {
    ja: "この月を含む承認済みの発注書がありません",
    en: "No approved purchase order covers the month",
  },
  month_locked: {
    ja: "この月の請求書は提出済みのため、稼働は変更できません",
    en: "The month's invoice is submitted: its work can no longer change",
  },
  csv_not_available: {
    ja: "CSV 出力は準委任契約のみ利用できます",
    en: "CSV export is available for quasi-mandate contracts only",
  },
  estimate_unavailable: {
    ja: "この月の概算を計算できません",
    en: "The month's estimate cannot be computed",
  },
  invalid_quote: {
    ja: "この月の金額を計算できません",
    en: "The month's figures cannot be computed",
  },
  invalid_invoice: { ja: "請求書に修正が必要な点があります", en: "The invoice has problems" },
  invoice_incomplete: {
    ja: "請求書を提出する準備ができていません",
    en: "The invoice is not ready to submit",
  },
  month_not_confirmed: {
    ja: "請求する稼働月を入力して確認してください",
    en: "Confirm the month you are invoicing",
  },
  negative_total: {
    ja: "請求金額がマイナスになるため提出できません",
    en: "The total is negative: it cannot be submitted",
  },
  invoice_changed: {
    ja: "請求書が別の操作で更新されました。画面を更新してください",
    en: "The invoice changed meanwhile: reload it",
  },
  invoice_mode: {
    ja: "この契約は請求書で精算します",
    en: "This contract is billed by the partner's invoices",
  },
  payment_notice_mode: {
    ja: "この契約は支払通知書で精算します",
    en: "This contract is settled by payment notices",
  },
  not_a_payment_notice: {
    ja: "これは請求書です。承認または差し戻しは会社が行います",
    en: "This is an invoice: the company approves or returns it",
  },
  payment_notice_changed: {
    ja: "支払通知書が別の操作で更新されました。画面を更新してください",
    en: "The payment notice changed meanwhile: reload it",
  },
  payment_notice_auto_accepted: {
    ja: "確認期限を過ぎたため、支払通知書は承認済みとみなされました",
    en: "The confirmation deadline passed: the notice counts as accepted",
  },
  invalid_entries: { ja: "稼働の登録内容に問題があります", en: "The entries have problems" },
  empty_file: { ja: "ファイルが空です", en: "The file is empty" },
  too_many_attachments: {
    ja: "請求書に添付できるファイル数の上限に達しています",
    en: "The invoice has as many attachments as it may",
  },
  unsupported_file_type: {
    ja: "添付できるのは JPEG、PNG、PDF、Excel のファイルです",
    en: "Only JPEG, PNG, PDF and Excel files can be attached",
  },
  document_too_large: {
    ja: "書類が大きすぎるため作成できません",
    en: "The document is too large to render",
  },
  figures_missing: { ja: "金額が計算されていません", en: "The figures are missing" },
  file_missing: {
    ja: "添付ファイルが保存先に見つかりません",
    en: "The attachment's file is missing from storage",
  },

  // Payments, banks, webhooks
  invalid_payment_date: { ja: "支払日が正しくありません", en: "The payment date is not valid" },
  nothing_due: { ja: "支払対象がありません", en: "Nothing is due" },
  nothing_to_transfer: { ja: "振込対象がありません", en: "Nothing is left to transfer" },
  transfer_settings_missing: {
    ja: "振込元口座の設定を登録してください",
    en: "Save the transfer settings first",
  },
  invalid_settings: { ja: "設定内容に問題があります", en: "The settings have problems" },
  invalid_payees: {
    ja: "振込先の口座情報に問題があります",
    en: "Some payees' accounts cannot be transferred to",
  },
  payment_item_changed: {
    ja: "支払が別の操作で更新されました。画面を更新してください",
    en: "The payment changed meanwhile: reload it",
  },
  invalid_bank_account: { ja: "口座情報に問題があります", en: "The bank account has problems" },
  unknown_bank: { ja: "この金融機関コードは見つかりません", en: "No such bank" },
  invalid_webhook_url: {
    ja: "Webhook の URL が正しくありません",
    en: "The webhook URL is not valid",
  },
  webhook_disabled: { ja: "この Webhook は無効になっています", en: "The endpoint is disabled" },

  // Approval routes, statements and the keyed history
  invalid_approval_route: {
    ja: "承認経路の内容に問題があります",
    en: "The approval route has problems",
  },
  approval_route_exists: {
    ja: "この書類の承認経路はすでにあります",
    en: "The group already has an approval route for this kind of document",
  },
  not_an_approver: {
    ja: "現在のステップの承認者ではありません",
    en: "You are not an approver of the current step",
  },
  order_in_approval: {
    ja: "発注書は承認経路で確認中です",
    en: "The order is in its approval route",
  },
  payment_notice_in_approval: {
    ja: "支払通知書は承認経路で確認中です",
    en: "The payment notice is in its approval route",
  },
  payment_notice_figures_changed: {
    ja: "承認中に支払通知書の金額が変わりました。もう一度承認経路に回してください",
    en: "The notice's figures changed during its approval",
  },
  month_not_closed: {
    ja: "稼働月が締まる前の請求書は提出できません",
    en: "The working month has not closed yet",
  },
  invalid_year: { ja: "年の指定が正しくありません", en: "The year is not valid" },
  payer_settings_missing: {
    ja: "支払者の情報を設定してください",
    en: "Save the payer settings first",
  },
  no_statements: { ja: "この年の支払調書はありません", en: "No statements for this year" },
  no_history_key: {
    ja: "履歴の署名鍵（HISTORY_KEY）が設定されていません",
    en: "No HISTORY_KEY is configured",
  },
  history_broken: {
    ja: "履歴のハッシュチェーンが途切れています",
    en: "The history's hash chain does not hold",
  },
  invalid_receipt: {
    ja: "控え（レシート）の署名が正しくありません",
    en: "The receipt's signature does not hold",
  },

  // The server
  conflict: {
    ja: "同じ内容が別のリクエストで先に保存されました。画面を更新して確認してください",
    en: "Another request saved the same thing first: reload to see it",
  },
  internal_error: { ja: "サーバーで問題が発生しました", en: "Something went wrong on our side" },
  response_schema_mismatch: {
    ja: "サーバーの応答が仕様と一致しません",
    en: "The answer does not match its declared schema",
  },
  no_database: { ja: "データベースが設定されていません", en: "No database is configured" },
  no_storage: { ja: "ファイルの保存先が設定されていません", en: "No file storage is configured" },
  no_font: { ja: "PDF 用のフォントがありません", en: "No font is available for PDFs" },
} as const satisfies Record<string, Words>;

export type ApiErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * What `ApiError` may carry: one of the API's codes, an engine issue's (with its words), or
 * `http_<status>` for a refusal of the HTTP layer itself.
 */
export type ErrorCode = ApiErrorCode | IssueCode | `http_${number}`;

/** The words of a code, when the API has its own for it (engine issues bring theirs). */
export function wordsFor(code: string): Words | undefined {
  if (Object.hasOwn(ERROR_MESSAGES, code)) return ERROR_MESSAGES[code as ApiErrorCode];
  return code.startsWith("http_") ? ERROR_MESSAGES.http_error : undefined;
}
