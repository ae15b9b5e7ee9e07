import { refuse } from "./answer";
import { MESSAGES } from "./i18n";

// The API base URL. A production build has it built in (SHIMEBI_API_URL at `npm run build`,
// with UrlFetchApp limited to that host by the manifest's urlFetchWhitelist), and then nothing
// else is used. Without one, each user types their own, kept in their UserProperties: never a
// document property, which any editor of the sheet could point at their own host to collect
// the other users' Google identity tokens.

const KEY = "shimebi.apiBaseUrl";

/** Replaced by esbuild's `define` at build time; absent when tests run the sources. */
declare const SHIMEBI_API_URL: string | undefined;

export interface Settings {
  apiBaseUrl: string;
  source: "default" | "user" | "none";
}

function builtInUrl(): string {
  return typeof SHIMEBI_API_URL === "string" ? SHIMEBI_API_URL : "";
}

const userStore = () => PropertiesService.getUserProperties();

export function getSettings(): Settings {
  const builtIn = builtInUrl();
  if (builtIn) return { apiBaseUrl: builtIn, source: "default" };
  const mine = userStore().getProperty(KEY);
  return mine ? { apiBaseUrl: mine, source: "user" } : { apiBaseUrl: "", source: "none" };
}

/**
 * https, since Apps Script reaches the API over the internet; plain http only for a loopback
 * address, which Apps Script cannot reach but the dev page's stand-in for it can.
 */
export function normaliseApiUrl(input: string): string | null {
  const url = input.trim().replace(/\/+$/, "");
  if (/^https:\/\/[^\s/]+(\/\S*)?$/.test(url)) return url;
  return /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/\S*)?$/.test(url) ? url : null;
}

/** The user's own API URL; refused when the build has one, or when it is not https. */
export function saveSettings(input: { apiBaseUrl: string }): Settings {
  if (builtInUrl()) refuse("api_url_built_in", MESSAGES.apiUrlBuiltIn, "apiBaseUrl");
  if (input.apiBaseUrl.trim() === "") {
    userStore().deleteProperty(KEY);
    return getSettings();
  }
  const url = normaliseApiUrl(input.apiBaseUrl);
  if (url === null) refuse("bad_api_url", MESSAGES.badApiUrl, "apiBaseUrl");
  userStore().setProperty(KEY, url);
  return getSettings();
}
