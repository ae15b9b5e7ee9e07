import { formatYearMonthJa } from "../../shared";
// Every word the sidebar shows, Japanese first: the user's locale picks the language once,
// when the sidebar opens (server/i18n.ts decides it). Statuses come from shared/status.

export type Lang = "ja" | "en";
export type Text = { ja: string; en: string };

let current: Lang = "ja";

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export const lang = (): Lang => current;

/** A working month as people read it: 2026年11月 in Japanese, 2026-11 in English. */
export const monthText = (month: string): string =>
  current === "ja" ? formatYearMonthJa(month) : month;

/** Two-language text in the sidebar's language. */
export const pick = (text: Text): string => text[current];

export const WORDS = {
  settings: { ja: "設定", en: "Settings" },
  apiUrl: { ja: "API の URL（https://、あなただけの設定）", en: "API URL (https://, yours only)" },
  apiUrlBuiltIn: { ja: "組み込みの API を使用しています", en: "Using the built-in API" },
  save: { ja: "保存", en: "Save" },
  saved: { ja: "保存しました", en: "Saved" },
  working: { ja: "処理中…", en: "Working…" },
  create: { ja: "勤務表を作成", en: "Create timesheet" },
  contract: { ja: "契約", en: "Contract" },
  month: { ja: "稼働月", en: "Working month" },
  load: { ja: "契約を読み込む", en: "Load contracts" },
  estimate: { ja: "概算請求額", en: "Estimate" },
  offline: { ja: "シートから（オフライン）", en: "From the sheet (offline)" },
  serverSide: { ja: "サーバー（前回の同期）", en: "Server (last sync)" },
  check: { ja: "チェック", en: "Check" },
  sync: { ja: "同期", en: "Sync" },
  refresh: { ja: "再計算", en: "Recalculate" },
  hours: { ja: "精算時間", en: "Settled hours" },
  worked: { ja: "実働", en: "worked" },
  range: { ja: "基準時間", en: "Hour range" },
  subtotal: { ja: "小計", en: "Subtotal" },
  extraItemsTotal: { ja: "追加項目", en: "Extra items" },
  tax: { ja: "消費税（{rate}%）", en: "Consumption tax ({rate}%)" },
  total: { ja: "合計（税込）", en: "Total with tax" },
  withholding: { ja: "源泉徴収税", en: "Withholding tax" },
  expensesTotal: { ja: "立替経費", en: "Expenses" },
  payable: { ja: "お支払い金額", en: "Payable" },
  deduction: { ja: "控除", en: "Deduction" },
  excess: { ja: "超過", en: "Excess" },
  agree: { ja: "シートとサーバーは一致しています", en: "The sheet and the server agree" },
  neverSynced: { ja: "まだ同期していません", en: "Not synced yet" },
  unsyncedRows: { ja: "未同期の行", en: "Rows not synced" },
  refusedRows: { ja: "エラーの行", en: "Rows with errors" },
  removedRows: {
    ja: "行がシートから消えましたが、サーバーにはまだあります",
    en: "rows deleted from the sheet are still on the server",
  },
  rowName: { ja: "{n}行目", en: "row {n}" },
  differ: {
    ja: "シートとサーバーが一致していません。同期してください",
    en: "The sheet and the server differ: sync",
  },
  noEstimate: {
    ja: "エラーの行があるため、概算を計算できません",
    en: "Rows with errors: no estimate until they are put right",
  },
  noTimesheet: { ja: "勤務表のシートを開いてください", en: "Open a timesheet" },
  timesheetMade: { ja: "勤務表を作成しました", en: "Timesheet made" },
  checked: { ja: "{n} 行をチェックしました", en: "{n} rows checked" },
  badRows: { ja: "{n} 行にエラーがあります", en: "{n} rows have errors" },
  synced: { ja: "{n} 行を同期しました", en: "{n} rows synced" },
  invoice: { ja: "請求書", en: "Invoice" },
  status: { ja: "状態", en: "Status" },
  noInvoice: { ja: "未作成", en: "Not made yet" },
  readOnly: {
    ja: "提出済みのため変更できません",
    en: "Submitted: it can no longer be changed",
  },
  returnReason: { ja: "差し戻し理由", en: "Reason returned" },
  applyWithholding: { ja: "源泉徴収する", en: "Withhold income tax" },
  withholdingCorporation: {
    ja: "法人のため源泉徴収はありません",
    en: "A corporation: no withholding",
  },
  baseIncluding: { ja: "税込金額から計算", en: "From the amount with tax" },
  baseExcluding: { ja: "税抜金額から計算", en: "From the amount without tax" },
  excludedTax: { ja: "消費税の扱い", en: "The consumption tax is" },
  advancePayment: { ja: "立替金として記載", en: "Shown as an advance payment" },
  compensationBreakdown: { ja: "報酬の内訳として記載", en: "Shown as part of the fee" },
  applyTax: { ja: "消費税を請求する", en: "Charge consumption tax" },
  extraItems: { ja: "追加項目", en: "Extra items" },
  expenses: { ja: "立替経費", en: "Expenses" },
  itemName: { ja: "名前", en: "Name" },
  itemAmount: { ja: "金額（円）", en: "Amount (yen)" },
  addRow: { ja: "行を追加", en: "Add a row" },
  removeRow: { ja: "削除", en: "Remove" },
  issuer: { ja: "請求元", en: "Issuer" },
  issuerName: { ja: "氏名・名称", en: "Name" },
  address: { ja: "住所", en: "Address" },
  phone: { ja: "電話番号", en: "Phone" },
  registrationNumber: { ja: "登録番号（T＋13桁）", en: "Registration number (T + 13 digits)" },
  useNextTime: { ja: "次回も使う", en: "Use next time" },
  bank: { ja: "振込先", en: "Bank account" },
  noBank: {
    ja: "振込先が登録されていません",
    en: "No bank account registered",
  },
  dueDate: { ja: "支払期日", en: "Due date" },
  remarks: { ja: "備考", en: "Remarks" },
  saveDraft: { ja: "下書きを保存", en: "Save draft" },
  confirmMonth: {
    ja: "確認のため稼働月を入力（例：2025-08）",
    en: "Type the working month to confirm (such as 2025-08)",
  },
  submit: { ja: "請求書を提出", en: "Submit invoice" },
  savePdf: { ja: "PDF をドライブに保存", en: "Save the PDF to Drive" },
  pdfSaved: { ja: "ドライブに保存しました", en: "Saved to Drive" },
  review: { ja: "確認待ちの請求書", en: "Invoices to review" },
  reload: { ja: "再読み込み", en: "Reload" },
  none: { ja: "確認待ちの請求書はありません", en: "Nothing to review" },
  chooseInvoice: { ja: "請求書を選んでください", en: "Choose an invoice" },
  approve: { ja: "承認", en: "Approve" },
  return: { ja: "差し戻し", en: "Return" },
  cancel: { ja: "キャンセル", en: "Cancel" },
  reasonNeeded: { ja: "差し戻し理由を入力してください", en: "Give the reason" },
  confirmApproveInvoice: {
    ja: "この請求書を承認しますか？承認後は変更できません。",
    en: "Approve this invoice? It cannot be changed afterwards.",
  },
  returnInvoiceTitle: {
    ja: "請求書を差し戻す理由を入力してください",
    en: "Why is this invoice returned?",
  },
  lines: { ja: "明細", en: "Lines" },
  partner: { ja: "パートナー", en: "Partner" },
  orders: { ja: "発注書", en: "Purchase orders" },
  noOrders: { ja: "確認待ちの発注書はありません", en: "No purchase orders to review" },
  openOrder: { ja: "発注書を確認", en: "Open the purchase order" },
  orderAmounts: { ja: "金額", en: "Amounts" },
  orderMonths: { ja: "対象月", en: "Months" },
  orderPeriod: { ja: "契約期間", en: "Period" },
  approvalDetails: {
    ja: "承認には住所・電話番号・振込先の登録が必要です",
    en: "Approval needs your address, phone and bank account",
  },
  confirmApproveOrder: {
    ja: "この発注書の内容で承認します。よろしいですか？",
    en: "Approve this purchase order as shown?",
  },
  orderReason: { ja: "差し戻し理由", en: "Reason to return" },
  bulkTitle: { ja: "契約一括作成", en: "Contracts in bulk" },
  bulkHint: {
    ja: "シートの1行に1件の契約を入力します。チェックで各行の問題を「結果/エラー」列に書き、問題がなければ作成できます。作成済みの行は次回飛ばされます。",
    en: "Type one contract a row in the sheet. Check writes each row's problems in its Result / errors column; with none, Create makes them all. Rows already created are skipped next time.",
  },
  bulkMake: { ja: "シートを開く", en: "Open the sheet" },
  bulkCheck: { ja: "チェック", en: "Check" },
  bulkCreate: { ja: "契約を作成", en: "Create contracts" },
  bulkBad: {
    ja: "{rows}に問題があるため、契約は作成していません。「結果/エラー」列を確認してください",
    en: "Problems in {rows}, so nothing was created: see the Result / errors column",
  },
  bulkReady: {
    ja: "{n}件の行に問題はありません。作成できます",
    en: "{n} row(s) have no problems: they can be created",
  },
  bulkConfirm: {
    ja: "{n}件の契約を作成し、それぞれの発注書を下書きにします。よろしいですか？",
    en: "Create {n} contract(s), each with its purchase order as a draft?",
  },
  bulkCreated: {
    ja: "{n}件の契約を作成しました。発注書は「発注書の送付」から送付できます",
    en: "{n} contract(s) created: send their orders from Send purchase orders",
  },
  sendOrders: { ja: "発注書の送付", en: "Send purchase orders" },
  noOrdersToSend: { ja: "送付する発注書はありません", en: "No purchase orders to send" },
  send: { ja: "送付", en: "Send" },
  orderTotal: { ja: "合計（税抜）", en: "Total before tax" },
  perUnit: { ja: "単価 {price}", en: "unit price {price}" },
  monthsCount: { ja: "{n}か月", en: "{n} months" },
  confirmSendOrder: {
    ja: "この発注書をパートナーに送付します。よろしいですか？",
    en: "Send this purchase order to the partner?",
  },
  orderSent: { ja: "{number} を送付しました（{status}）", en: "{number} sent ({status})" },
  orderInApproval: {
    ja: "{number} は承認ルートに回りました。最後の承認で送付されます",
    en: "{number} is in the approval route: its last step sends it",
  },
  returnedBecause: { ja: "差し戻し理由：{reason}", en: "Returned: {reason}" },
  notifications: { ja: "お知らせ", en: "Notifications" },
  unread: { ja: "未読", en: "unread" },
  unreadCount: { ja: "お知らせ（未読 {n}）", en: "Notifications ({n} unread)" },
  markRead: { ja: "既読にする", en: "Mark read" },
  attachments: { ja: "添付ファイル", en: "Attachments" },
  openAttachment: { ja: "開く", en: "Open" },
  noAttachments: { ja: "添付ファイルはありません", en: "No files attached" },
  attachAs: { ja: "種類", en: "Kind" },
  purposeReport: { ja: "業務報告書", en: "Business report" },
  purposeOther: { ja: "その他", en: "Other" },
  attachFile: {
    ja: "ファイルを添付（JPEG・PNG・PDF・Excel）",
    en: "Attach a file (JPEG, PNG, PDF, Excel)",
  },
  chooseFile: { ja: "ファイルを選択", en: "Choose a file" },
  dateHint: { ja: "例：2027-01-31", en: "such as 2027-01-31" },
  attached: { ja: "{name} を添付しました", en: "{name} attached" },
  previewInvoice: { ja: "請求書をプレビュー", en: "Preview invoice" },
  previewReport: { ja: "業務報告書をプレビュー", en: "Preview business report" },
} as const satisfies Record<string, Text>;

export type Word = keyof typeof WORDS;

/** A word in the sidebar's language, `{n}`-style blanks filled. */
export function w(key: Word, fill: Record<string, string | number> = {}): string {
  return WORDS[key][current].replace(/\{(\w+)\}/g, (_, name: string) => String(fill[name] ?? ""));
}
