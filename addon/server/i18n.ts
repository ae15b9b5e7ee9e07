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
  badMonth: {
    ja: "稼働月は 2025-08 のように YYYY-MM で指定してください",
    en: "The working month must be YYYY-MM, such as 2025-08",
  },
  noTerms: {
    ja: "この契約の稼働条件がまだ読み込まれていません。勤務表を作成し直してください",
    en: "This contract's working conditions are not loaded yet: create the timesheet again",
  },
  synced: { ja: "件を同期しました", en: "rows synced" },
  syncFailed: { ja: "同期できませんでした", en: "Sync failed" },
} satisfies Record<string, Text>;
