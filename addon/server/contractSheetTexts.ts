import type { Lang, Text } from "./i18n";

// The words of the 契約一括作成 sheet (contracts in bulk), Japanese and English: its columns,
// the choices of its dropdowns and the sentences of its menu items.

export const CONTRACT_SHEET = "契約一括作成";

/** The sheet's columns in order; rows are read by position, so headers may be translated. */
export const CONTRACT_COLUMNS = [
  { key: "title", ja: "契約名", en: "Contract title" },
  { key: "partnerEmail", ja: "パートナーのメール", en: "Partner's email" },
  { key: "contractType", ja: "契約形態", en: "Contract type" },
  { key: "scope", ja: "業務内容", en: "Scope of work" },
  { key: "startDate", ja: "開始日", en: "Start date" },
  { key: "endDate", ja: "終了日", en: "End date" },
  { key: "closingDay", ja: "締め日", en: "Closing day" },
  { key: "payMonth", ja: "支払月", en: "Paid in" },
  { key: "payDay", ja: "支払日", en: "Pay day" },
  { key: "settlementUnit", ja: "精算単位（分）", en: "Settlement unit (min)" },
  { key: "type", ja: "稼働タイプ", en: "Pay type" },
  { key: "categoryName", ja: "費目名", en: "Cost category" },
  { key: "price", ja: "月額/単価（円）", en: "Monthly fee / unit price (yen)" },
  { key: "lowerHours", ja: "精算幅 下限（時間）", en: "Hour range: lower (h)" },
  { key: "upperHours", ja: "精算幅 上限（時間）", en: "Hour range: upper (h)" },
  { key: "excessRate", ja: "超過単価（円/時間）", en: "Excess rate (yen/h)" },
  { key: "deductionRate", ja: "控除単価（円/時間）", en: "Deduction rate (yen/h)" },
  { key: "effectiveFrom", ja: "稼働初月", en: "First working month" },
  { key: "workPlace", ja: "業務場所", en: "Work place" },
  { key: "contractId", ja: "契約ID", en: "Contract ID" },
  { key: "result", ja: "結果/エラー", en: "Result / errors" },
] as const;

export type ColumnKey = (typeof CONTRACT_COLUMNS)[number]["key"];

/** 1-based column of a key, as SpreadsheetApp counts. */
export const columnOf = (key: ColumnKey) => CONTRACT_COLUMNS.findIndex((c) => c.key === key) + 1;

/** Dropdown choices: what is shown (ja, en) and the API's value. */
export const CHOICES = {
  contractType: [
    { ja: "準委任", en: "Quasi-mandate", value: "quasiMandate" },
    { ja: "請負", en: "Work contract", value: "workContract" },
  ],
  type: [
    { ja: "時間単価", en: "Hourly", value: "hourly" },
    { ja: "数量単価", en: "Per unit", value: "quantity" },
    { ja: "月額固定", en: "Monthly fee", value: "monthly" },
    { ja: "月額固定（精算幅あり）", en: "Monthly fee with hour range", value: "monthlyRange" },
  ],
  payMonth: [
    { ja: "当月", en: "Same month", value: 0 },
    { ja: "翌月", en: "Next month", value: 1 },
    { ja: "翌々月", en: "2 months later", value: 2 },
    { ja: "3か月後", en: "3 months later", value: 3 },
  ],
  monthEnd: [{ ja: "末日", en: "Month end", value: 31 }],
  settlementUnit: [
    { ja: "0", en: "0", value: 0 },
    { ja: "15", en: "15", value: 15 },
    { ja: "30", en: "30", value: 30 },
    { ja: "60", en: "60", value: 60 },
  ],
} as const;

export const CONTRACT_TEXTS = {
  menuSheet: { ja: "会社: 契約一括作成シート", en: "Company: bulk contract sheet" },
  menuCreate: { ja: "会社: シートから契約を作成", en: "Company: create contracts from sheet" },
  title: { ja: "契約一括作成", en: "Bulk contracts" },
  exampleTitle: { ja: "（例）システム開発支援", en: "(Example) Web app development" },
  exampleScope: { ja: "Webアプリケーションの開発支援", en: "Web application development" },
  exampleCategory: { ja: "月額固定", en: "Monthly fee" },
  exampleWorkPlace: { ja: "リモート", en: "Remote" },
  noSheet: {
    ja: "先にメニュー「会社: 契約一括作成シート」でシートを作成してください",
    en: "Make the sheet first with the menu's Company: bulk contract sheet",
  },
  notOwner: {
    ja: "契約を作成できるのは会社またはグループの所有者だけです",
    en: "Only a company or group owner can create contracts",
  },
  nothingToCreate: {
    ja: "作成する行がありません（作成済みの行は契約IDが入っています）",
    en: "There is no row to create (rows already created have a contract ID)",
  },
  partnerMissing: {
    ja: "パートナーのメールアドレスを入力してください",
    en: "Enter the partner's email address",
  },
  created: { ja: "作成済み", en: "Created" },
  checkedOk: { ja: "確認済み（未作成）", en: "Checked (not created yet)" },
  cancelled: { ja: "契約は作成していません", en: "No contract was created" },
  whole: { ja: "行全体", en: "Row" },
} satisfies Record<string, Text>;

/** Sentences with figures in them, one function per language. */
export const CONTRACT_SUMMARIES = {
  choose: (lang: Lang, choices: readonly { ja: string; en: string }[]) =>
    lang === "ja"
      ? `${choices.map((c) => c.ja).join("、")} のいずれかを選んでください`
      : `Choose one of: ${choices.map((c) => c.en).join(", ")}`,
  sameAsRow: (lang: Lang, row: number) =>
    lang === "ja"
      ? `${row}行目と同じ内容の契約です。同じ契約を2件作らないよう、どちらかの行を削除してください`
      : `The same contract as row ${row}: delete one of the two rows, so it is not created twice`,
  notPartner: (lang: Lang, email: string) =>
    lang === "ja"
      ? `${email} はこのグループのパートナーではありません。先にパートナーとして招待してください`
      : `${email} is not a partner of this group: invite them as a partner first`,
  badRows: (lang: Lang, rows: number[]) =>
    lang === "ja"
      ? `${rows.map((r) => `${r}行目`).join("、")}に問題があるため、契約は1件も作成していません。「結果/エラー」列を直してから、もう一度実行してください。`
      : `Row(s) ${rows.join(", ")} have problems, so no contract was created: correct them (see the Result / errors column) and run it again.`,
  confirm: (lang: Lang, count: number, group: string) =>
    lang === "ja"
      ? `${count}件の契約を「${group}」に作成し、それぞれの発注書を下書きにします。よろしいですか？`
      : `Create ${count} contract(s) in "${group}", each with its purchase order as a draft?`,
  done: (lang: Lang, count: number) =>
    lang === "ja"
      ? `${count}件の契約を作成しました。発注書はサイドバーの「発注書の送付」から送付できます。`
      : `${count} contract(s) created. Send their purchase orders from the sidebar's Send purchase orders.`,
  createdAs: (lang: Lang, order: string, status: string) =>
    lang === "ja"
      ? `作成済み・発注書 ${order}（${status}）`
      : `Created; order ${order} (${status})`,
};

/** The label of a choice in the user's language. */
export const choiceLabels = (choices: readonly { ja: string; en: string }[], lang: Lang) =>
  choices.map((c) => c[lang]);
