import { ApiError, callApi } from "./api";
import { COMPANY_TEXTS } from "./companyTexts";
import { type SavedFile, saveToDrive } from "./drive";

export type { SavedFile };

import type { Lang } from "./i18n";

// What the company's menu screens share: the company they act for, errors as sentences,
// a file into the user's Drive, and a small dialog with the outcome and a link.

interface Membership {
  companyId: string;
  companyName: string;
  role: string;
}

/** The company the caller owns (the first, when several): payments are the owner's. */
export function ownedCompany(lang: Lang): { id: string; name: string } {
  const me = callApi<{ memberships: Membership[] }>("get", "/v1/me");
  const owned = me.memberships.find((m) => m.role === "companyOwner");
  if (!owned) {
    const message = COMPANY_TEXTS.notOwner[lang];
    throw new ApiError(403, { code: "forbidden", message, issues: [] });
  }
  return { id: owned.companyId, name: owned.companyName };
}

/** The API's message and each issue's, as sentences a person reads; never JSON. */
export function errorSentences(error: unknown): string[] {
  if (error instanceof ApiError) {
    const lines = [error.error.message, ...error.error.issues.map((i) => i.message)];
    return [...new Set(lines.filter(Boolean))];
  }
  return [error instanceof Error ? error.message : String(error)];
}

/** Yen as a sheet shows it: 1,155,000円, or ¥1,155,000. */
export const YEN_FORMAT: Record<Lang, string> = { ja: '#,##0"円"', en: '"¥"#,##0' };

/** Yen columns (1-based) of a written sheet shown as yen. */
export function showYen(sheetName: string, columns: number[], rows: number, lang: Lang): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet || rows === 0) return;
  const format = YEN_FORMAT[lang];
  for (const column of columns) sheet.getRange(2, column, rows, 1).setNumberFormat(format);
}

/** Bytes as they came from the API into a new file of the user's Drive (drive.file scope). */
export function saveBytes(blob: GoogleAppsScript.Base.Blob, type: string, name: string): SavedFile {
  return saveToDrive(blob, type, name);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type DialogPart = { text: string } | { link: string; url: string } | { list: string[] };

/** A modal dialog of plain sentences, links and lists, each escaped. */
export function showDialog(title: string, parts: DialogPart[], lang: Lang): void {
  const body = parts
    .map((part) => {
      if ("link" in part) {
        return `<p><a href="${escapeHtml(part.url)}" target="_blank" rel="noopener">${escapeHtml(part.link)}</a></p>`;
      }
      if ("list" in part) {
        return part.list.length === 0
          ? ""
          : `<ul>${part.list.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`;
      }
      return `<p>${escapeHtml(part.text)}</p>`;
    })
    .join("");
  const html = HtmlService.createHtmlOutput(
    `<div style="font:13px/1.6 sans-serif">${body}<p><button onclick="google.script.host.close()">${escapeHtml(COMPANY_TEXTS.close[lang])}</button></p></div>`,
  )
    .setWidth(420)
    .setHeight(320);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** Asks for one value; null when the user cancels. */
export function ask(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}
