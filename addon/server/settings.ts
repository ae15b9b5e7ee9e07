import { refuse } from "./answer";
import { MESSAGES } from "./i18n";

// The API base URL: the spreadsheet's own setting (shared by its editors) first, then the
// user's, then the one built in (SHIMEBI_API_URL at `npm run build`).

const KEY = "shimebi.apiBaseUrl";

/** Replaced by esbuild's `define` at build time; absent when tests run the sources. */
declare const SHIMEBI_API_URL: string | undefined;

export type SettingsScope = "document" | "user";

export interface Settings {
  apiBaseUrl: string;
  source: SettingsScope | "default" | "none";
}

function builtInUrl(): string {
  return typeof SHIMEBI_API_URL === "string" ? SHIMEBI_API_URL : "";
}

function storeOf(scope: SettingsScope): GoogleAppsScript.Properties.Properties {
  return scope === "document"
    ? PropertiesService.getDocumentProperties()
    : PropertiesService.getUserProperties();
}

export function getSettings(): Settings {
  for (const scope of ["document", "user"] as const) {
    const value = storeOf(scope).getProperty(KEY);
    if (value) return { apiBaseUrl: value, source: scope };
  }
  const fallback = builtInUrl();
  return { apiBaseUrl: fallback, source: fallback ? "default" : "none" };
}

/**
 * https, since Apps Script reaches the API over the internet; plain http only for a loopback
 * address, which the dev page's stand-in for Apps Script can reach.
 */
export function normaliseApiUrl(input: string): string | null {
  const url = input.trim().replace(/\/+$/, "");
  if (/^https:\/\/[^\s/]+(\/\S*)?$/.test(url)) return url;
  return /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/\S*)?$/.test(url) ? url : null;
}

export function saveSettings(input: { apiBaseUrl: string; scope?: SettingsScope }): Settings {
  const store = storeOf(input.scope ?? "document");
  if (input.apiBaseUrl.trim() === "") {
    store.deleteProperty(KEY);
    return getSettings();
  }
  const url = normaliseApiUrl(input.apiBaseUrl);
  if (url === null) refuse("bad_api_url", MESSAGES.badApiUrl, "apiBaseUrl");
  store.setProperty(KEY, url);
  return getSettings();
}
