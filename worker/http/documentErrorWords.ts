import type { Words } from "./errorWords";

// Words of the error codes of the documents, payments and the server (see errorCodes.ts).

export const DOCUMENT_ERRORS = {
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
