// Japanese first: every user whose locale is Japanese, or unknown, sees Japanese; any other
// locale gets English.

export type Lang = "ja" | "en";

export function userLang(): Lang {
  let locale = "";
  try {
    locale = Session.getActiveUserLocale() ?? "";
  } catch {
    // AuthMode.NONE (an add-on's onOpen before authorization) may refuse the call.
  }
  return locale === "" || locale.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** Two-language text: pick with `t(text, lang)`. */
export type Text = { ja: string; en: string };

export function t(text: Text, lang: Lang): string {
  return text[lang];
}

export const MESSAGES = {
  menuCreateTimesheet: { ja: "勤務表を作成", en: "Create timesheet" },
  menuOpenSidebar: { ja: "サイドバーを開く", en: "Open sidebar" },
  menuSync: { ja: "同期", en: "Sync" },
  menuPullReview: { ja: "会社: レビューを取得", en: "Company: pull review" },
  reviewPulled: { ja: "行を取得しました", en: "rows pulled" },
  sidebarTitle: { ja: "Shimebi", en: "Shimebi" },
  notTimesheet: {
    ja: "勤務表のシートを開いてから実行してください（メニュー「勤務表を作成」で作成できます）",
    en: "Open a timesheet first (the menu's Create timesheet makes one)",
  },
  noApiUrl: {
    ja: "API の URL が設定されていません。サイドバーの設定で入力してください",
    en: "The API URL is not set: enter it in the sidebar's settings",
  },
  badApiUrl: {
    ja: "API の URL は https:// で始まる URL で入力してください",
    en: "The API URL must be an https:// URL",
  },
  apiUrlBuiltIn: {
    ja: "この版のアドオンには API の URL が組み込まれているため、変更できません",
    en: "This build of the add-on has its API URL built in: it cannot be changed",
  },
  driveUnavailable: {
    ja: "Google ドライブに保存できません（Drive API が有効ではありません）",
    en: "Google Drive is not available to the add-on (the Drive API is not enabled)",
  },
  badMonth: {
    ja: "稼働月は 2025-08 のように YYYY-MM で指定してください",
    en: "The working month must be YYYY-MM, such as 2025-08",
  },
  noTerms: {
    ja: "この契約の稼働条件がまだ読み込まれていません。勤務表を作成し直してください",
    en: "This contract's working conditions are not loaded yet: create the timesheet again",
  },
  synced: { ja: "件を同期しました", en: "rows synced" },
  unexpected: {
    ja: "処理できませんでした。時間をおいてもう一度お試しください",
    en: "Something went wrong: try again in a moment",
  },
  fetchFailed: {
    ja: "サーバーに接続できませんでした。API の URL とネットワークを確認してください",
    en: "The server could not be reached: check the API URL and the network",
  },
  unknownDocument: { ja: "その書類はありません", en: "There is no such document" },
  unknownAttachment: {
    ja: "その添付ファイルはありません（削除された可能性があります）",
    en: "There is no such attachment (it may have been removed)",
  },
  attachmentSaved: {
    ja: "この添付ファイルはダイアログで表示できない形式のため、Google ドライブに保存しました。次のリンクから開いてください。",
    en: "This attachment cannot be shown in a dialog, so it was saved to your Google Drive. Open it from this link.",
  },
  sheetDisagrees: {
    ja: "シートとサーバーが一致していないため、請求書を作成・保存・提出できません。次の行を直して同期してください",
    en: "The sheet and the server do not agree, so the invoice cannot be made, saved or submitted: correct these rows and sync",
  },
  rowUnsynced: { ja: "まだ同期されていません", en: "not synced yet" },
  rowsRemoved: {
    ja: "行がシートから削除されましたが、サーバーにはまだあります",
    en: "rows were deleted from the sheet but the server still has them",
  },
  wrongTimesheet: {
    ja: "この請求書の勤務表のシートを開いてから操作してください",
    en: "Open the timesheet of this invoice first",
  },
  syncFailed: { ja: "同期できませんでした", en: "Sync failed" },
} satisfies Record<string, Text>;
