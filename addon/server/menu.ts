import { failureOf, sentencesOf } from "./answer";
import { COMPANY_TEXTS } from "./companyTexts";
import { CONTRACT_TEXTS } from "./contractSheetTexts";
import { MESSAGES, t, userLang } from "./i18n";
import { type SyncResult, syncTimesheet } from "./sync";

// The Shimebi menu (拡張機能 > Shimebi) and the sidebar. Menu items name global functions,
// so every handler here is exported from index.ts.

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = userLang();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(MESSAGES.menuCreateTimesheet, lang), "menuCreateTimesheet")
    .addItem(t(MESSAGES.menuOpenSidebar, lang), "showSidebar")
    .addSeparator()
    .addItem(t(MESSAGES.menuSync, lang), "menuSync")
    .addSeparator()
    .addItem(t(MESSAGES.menuPullReview, lang), "menuPullReview")
    .addItem(t(COMPANY_TEXTS.menuPaymentRun, lang), "menuPaymentRun")
    .addItem(t(COMPANY_TEXTS.menuMarkPaid, lang), "menuMarkPaymentRunPaid")
    .addItem(t(COMPANY_TEXTS.menuAnnualStatements, lang), "menuAnnualStatements")
    .addItem(t(COMPANY_TEXTS.menuJournal, lang), "menuJournalExport")
    .addSeparator()
    .addItem(t(CONTRACT_TEXTS.menuSheet, lang), "menuContractSheet")
    .addItem(t(CONTRACT_TEXTS.menuCreate, lang), "menuCreateContracts")
    .addToUi();
}

/** Installed from the Marketplace into an open sheet: onOpen has not run there yet. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** The sidebar; `view` chooses its first screen ("create" from the menu's Create timesheet). */
export function showSidebar(view: "estimate" | "create" = "estimate"): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile("Sidebar")
    .setTitle(t(MESSAGES.sidebarTitle, lang))
    .append(`<script>window.__SHIMEBI_VIEW__=${JSON.stringify(view)}</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuCreateTimesheet(): void {
  showSidebar("create");
}

/** 同期 from the menu: the result as a toast, a refusal as an alert in sentences. */
export function menuSync(): SyncResult | null {
  const lang = userLang();
  try {
    const result = syncTimesheet();
    SpreadsheetApp.getActiveSpreadsheet().toast(
      `${result.rows} ${t(MESSAGES.synced, lang)}`,
      "Shimebi",
    );
    return result;
  } catch (thrown) {
    const error = failureOf(thrown);
    SpreadsheetApp.getUi().alert(`${t(MESSAGES.syncFailed, lang)}\n\n${sentencesOf(error)}`);
    return null;
  }
}
