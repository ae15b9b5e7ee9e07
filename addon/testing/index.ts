import { CallCounter } from "./counter";
import {
  type FakeDriveFile,
  FakeHtmlOutput,
  FakeProperties,
  FakeUi,
  type FetchHandler,
  type FetchRequest,
  fakeDrive,
  fakeUrlFetchApp,
  fakeUtilities,
} from "./services";
import { type FakeSheet, FakeSpreadsheet, fakeSpreadsheetApp } from "./spreadsheet";
import { SyncHttp } from "./syncHttp";

// The one module of Apps Script stand-ins: `installGas()` puts SpreadsheetApp, HtmlService,
// PropertiesService, Session, ScriptApp, Utilities, UrlFetchApp and the Drive advanced service on globalThis (or hands
// them to a node:vm context), all in memory, counting calls. UrlFetchApp answers from a
// handler in this process, or over real HTTP to a server in another process.

export { CallCounter } from "./counter";
export type { FetchHandler, FetchReply, FetchRequest, MenuItem } from "./services";
export { FakeBlob, FakeDriveFile } from "./services";
export { FakeSheet, FakeSpreadsheet } from "./spreadsheet";

export interface GasOptions {
  /** Session.getActiveUserLocale(); default "ja". */
  locale?: string;
  /** ScriptApp.getIdentityToken(). */
  identityToken?: string;
  timeZone?: string;
  /** HtmlService files by name (Sidebar: the built Sidebar.html). */
  files?: Record<string, string>;
  /** UrlFetchApp's answers; "http" sends real requests. Default: every fetch fails. */
  fetch?: FetchHandler | "http";
}

const GLOBAL_NAMES = [
  "SpreadsheetApp",
  "HtmlService",
  "PropertiesService",
  "Session",
  "ScriptApp",
  "Utilities",
  "UrlFetchApp",
  "Drive",
] as const;

const noNetwork: FetchHandler = (request) => {
  throw new Error(`no fetch expected: ${request.method} ${request.url}`);
};

export function createGas(options: GasOptions = {}) {
  const counter = new CallCounter();
  // A new spreadsheet's first sheet, named as Sheets names it in the user's language.
  const first = (options.locale ?? "ja").startsWith("ja") ? "シート1" : "Sheet1";
  const spreadsheet = new FakeSpreadsheet(counter, options.timeZone ?? "Asia/Tokyo", first);
  const ui = new FakeUi();
  const properties = {
    document: new FakeProperties(),
    user: new FakeProperties(),
    script: new FakeProperties(),
  };
  const requests: FetchRequest[] = [];
  const driveFiles: FakeDriveFile[] = [];
  let http: SyncHttp | null = null;
  let handler: FetchHandler | "http" = options.fetch ?? noNetwork;
  const state = { locale: options.locale ?? "ja", identityToken: options.identityToken ?? "" };

  const target = () => {
    if (handler !== "http") return handler;
    http ??= new SyncHttp();
    return http;
  };

  const PropertiesService: Partial<GoogleAppsScript.Properties.PropertiesService> = {
    getDocumentProperties: () =>
      properties.document as unknown as GoogleAppsScript.Properties.Properties,
    getUserProperties: () => properties.user as unknown as GoogleAppsScript.Properties.Properties,
    getScriptProperties: () =>
      properties.script as unknown as GoogleAppsScript.Properties.Properties,
  };
  const Session: Partial<GoogleAppsScript.Base.Session> = {
    getActiveUserLocale: () => state.locale,
    getScriptTimeZone: () => options.timeZone ?? "Asia/Tokyo",
  };
  const ScriptApp: Partial<GoogleAppsScript.Script.ScriptApp> = {
    getIdentityToken: () => state.identityToken,
  };
  const HtmlService: Partial<GoogleAppsScript.HTML.HtmlService> = {
    createHtmlOutputFromFile(filename: string) {
      const content = options.files?.[filename];
      if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
      return new FakeHtmlOutput(content) as unknown as GoogleAppsScript.HTML.HtmlOutput;
    },
    createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource) {
      const content = typeof html === "string" ? html : (html?.getBlob().getDataAsString() ?? "");
      return new FakeHtmlOutput(content) as unknown as GoogleAppsScript.HTML.HtmlOutput;
    },
  };

  const globals = {
    SpreadsheetApp: fakeSpreadsheetApp(spreadsheet, ui as unknown as GoogleAppsScript.Base.Ui),
    HtmlService,
    PropertiesService,
    Session,
    ScriptApp,
    Utilities: fakeUtilities(counter),
    UrlFetchApp: fakeUrlFetchApp(counter, requests, target),
    Drive: fakeDrive(counter, driveFiles),
  } satisfies Record<(typeof GLOBAL_NAMES)[number], unknown>;

  return {
    counter,
    spreadsheet,
    ui,
    properties,
    requests,
    /** Files made in the user's Drive, oldest first. */
    driveFiles,
    /** The stand-ins by global name, for a node:vm context. */
    globals,
    setLocale(locale: string) {
      state.locale = locale;
    },
    setIdentityToken(token: string) {
      state.identityToken = token;
    },
    setFetch(next: FetchHandler | "http") {
      handler = next;
    },
    /** The sheet in front, as the stand-in it is. */
    activeSheet() {
      return spreadsheet.getActiveSheet() as unknown as FakeSheet;
    },
    async close() {
      await http?.close();
      http = null;
    },
  };
}

export type Gas = ReturnType<typeof createGas>;

/** createGas() with its stand-ins set as globals; `uninstall()` removes them. */
export function installGas(options: GasOptions = {}): Gas & { uninstall(): Promise<void> } {
  const gas = createGas(options);
  Object.assign(globalThis, gas.globals);
  return {
    ...gas,
    async uninstall() {
      for (const name of GLOBAL_NAMES) delete (globalThis as Record<string, unknown>)[name];
      await gas.close();
    },
  };
}
