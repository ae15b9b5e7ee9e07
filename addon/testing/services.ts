import { createHash, randomUUID } from "node:crypto";
import type { CallCounter } from "./counter";
import type { FormField, HttpReply, SyncHttp } from "./syncHttp";

// The other Apps Script services the add-on calls, each a Partial of its real interface.

type Menu = GoogleAppsScript.Base.Menu;
type Ui = GoogleAppsScript.Base.Ui;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type Properties = GoogleAppsScript.Properties.Properties;
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;
type FetchOptions = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

export type MenuItem = { caption: string; functionName: string } | { separator: true };

export class FakeMenu implements Partial<Menu> {
  readonly items: MenuItem[] = [];

  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}

  private self(): Menu {
    return this as unknown as Menu;
  }

  addItem(caption: string, functionName: string): Menu {
    this.items.push({ caption, functionName });
    return this.self();
  }

  addSeparator(): Menu {
    this.items.push({ separator: true });
    return this.self();
  }

  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput implements Partial<HtmlOutput> {
  private title = "";
  private width = 0;
  private height = 0;

  constructor(private content: string) {}

  setTitle(title: string): HtmlOutput {
    this.title = title;
    return this as unknown as HtmlOutput;
  }

  getTitle = () => this.title;
  getContent = () => this.content;
  getWidth = () => this.width;
  getHeight = () => this.height;

  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this as unknown as HtmlOutput;
  }

  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this as unknown as HtmlOutput;
  }

  append(addedContent: string): HtmlOutput {
    this.content += addedContent;
    return this as unknown as HtmlOutput;
  }
}

export class FakeUi implements Partial<Ui> {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly alerts: string[] = [];
  /** Modal dialogs opened, oldest first, with their titles. */
  readonly dialogs: { output: FakeHtmlOutput; title: string }[] = [];

  createAddonMenu(): Menu {
    return new FakeMenu(this, "Shimebi") as unknown as Menu;
  }

  createMenu(caption: string): Menu {
    return new FakeMenu(this, caption) as unknown as Menu;
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.sidebars.push(userInterface as unknown as FakeHtmlOutput);
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.dialogs.push({ output: userInterface as unknown as FakeHtmlOutput, title });
  }

  /** What the user types into the next prompts, oldest first; null (or none left) cancels. */
  readonly answers: (string | null)[] = [];
  /** The prompts shown, title and message joined by a line break. */
  readonly prompts: string[] = [];
  /** How the user answers the next Yes/No alerts, oldest first; none left answers No. */
  readonly confirms: boolean[] = [];
  readonly Button = {
    OK: "OK",
    CANCEL: "CANCEL",
    CLOSE: "CLOSE",
    YES: "YES",
    NO: "NO",
  } as unknown as Ui["Button"];
  // Objects, as the real enum's members are: never part of a dialog's text.
  readonly ButtonSet = {
    OK: { buttons: "OK" },
    OK_CANCEL: { buttons: "OK_CANCEL" },
    YES_NO: { buttons: "YES_NO" },
  } as unknown as Ui["ButtonSet"];

  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    this.prompts.push(args.filter((a) => typeof a === "string").join("\n"));
    const answer = this.answers.shift() ?? null;
    return {
      getResponseText: () => answer ?? "",
      getSelectedButton: () => (answer === null ? "CANCEL" : "OK") as never,
    };
  }

  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.alerts.push(args.filter((a) => typeof a === "string").join("\n"));
    if (args.includes(this.ButtonSet.YES_NO))
      return (this.confirms.shift() ? "YES" : "NO") as unknown as GoogleAppsScript.Base.Button;
    return "OK" as unknown as GoogleAppsScript.Base.Button;
  }
}

export class FakeProperties implements Partial<Properties> {
  readonly store = new Map<string, string>();

  private self(): Properties {
    return this as unknown as Properties;
  }

  getProperty = (key: string) => this.store.get(key) ?? null;
  getKeys = () => [...this.store.keys()];
  getProperties = () => Object.fromEntries(this.store);

  setProperty(key: string, value: string): Properties {
    // The real limit: 9 kB a value.
    if (value.length > 9 * 1024) throw new Error(`Argument too large: value of ${key}`);
    this.store.set(key, String(value));
    return this.self();
  }

  deleteProperty(key: string): Properties {
    this.store.delete(key);
    return this.self();
  }
}

/** "yyyy-MM-dd", "HH:mm", "HHmm": the SimpleDateFormat letters the add-on uses. */
export function formatDate(date: Date, timeZone: string, format: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const tokens: Record<string, string> = {
    yyyy: parts.year ?? "",
    MM: parts.month ?? "",
    dd: parts.day ?? "",
    HH: parts.hour ?? "",
    mm: parts.minute ?? "",
    ss: parts.second ?? "",
  };
  return format.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => tokens[token] ?? token);
}

/** What the add-on sent: method upper-case, payload as text (or, for an object, as `form`). */
export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload?: string;
  /** An object payload: multipart/form-data when it holds a blob, as Apps Script sends it. */
  form?: Record<string, string | FakeBlob>;
}

export interface FetchReply {
  status: number;
  /** Sent as JSON unless already a string or bytes (a PDF, say). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type FetchHandler = (request: FetchRequest) => FetchReply;

type Blob = GoogleAppsScript.Base.Blob;

/** Bytes with a content type and a name, as Utilities.newBlob and getBlob() make them. */
export class FakeBlob implements Partial<Blob> {
  constructor(
    readonly bytes: Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  getBytes = () => Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b));
  getContentType = () => this.contentType;
  getName = () => this.name;
  getDataAsString = () => Buffer.from(this.bytes).toString("utf8");
  getBlob = () => this as unknown as Blob;

  setName(name: string): Blob {
    this.name = name;
    return this as unknown as Blob;
  }

  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this as unknown as Blob;
  }
}

/** Signed Apps Script bytes (or text, or bytes) back to bytes. */
export function bytesOf(data: string | number[] | Uint8Array): Uint8Array {
  if (typeof data === "string") return new Uint8Array(Buffer.from(data, "utf8"));
  return Uint8Array.from(data, (b) => b & 0xff);
}

class FakeHTTPResponse implements Partial<HTTPResponse> {
  constructor(private readonly reply: HttpReply & { bytes?: Uint8Array }) {}
  getResponseCode = () => this.reply.status;
  getContentText = () => this.reply.body;
  getHeaders = () => this.reply.headers;
  getBlob(): Blob {
    const bytes = this.reply.bytes ?? bytesOf(this.reply.body);
    const type = this.reply.headers["content-type"] ?? null;
    return new FakeBlob(bytes, type) as unknown as Blob;
  }
}

/** The form as fields for a real multipart request: blobs keep their bytes, name and type. */
function formFields(form: Record<string, string | FakeBlob>): FormField[] {
  return Object.entries(form).map(([name, value]) =>
    typeof value === "string"
      ? { name, value }
      : {
          name,
          bytes: value.bytes,
          fileName: value.getName() ?? name,
          contentType: value.getContentType() ?? "application/octet-stream",
        },
  );
}

/** An object payload's fields: strings as strings, blobs as the stand-in's blobs. */
function formOf(payload: FetchOptions["payload"]): Record<string, string | FakeBlob> | undefined {
  if (payload === undefined || payload === null || typeof payload === "string") return undefined;
  if (Array.isArray(payload)) return undefined; // bytes
  const form: Record<string, string | FakeBlob> = {};
  for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
    form[key] = value instanceof FakeBlob ? value : String(value);
  }
  return form;
}

/** UrlFetchApp over a handler in this process, or over real HTTP (SyncHttp). */
export function fakeUrlFetchApp(
  counter: CallCounter,
  requests: FetchRequest[],
  target: () => FetchHandler | SyncHttp,
): Partial<GoogleAppsScript.URL_Fetch.UrlFetchApp> {
  return {
    fetch(url: string, params: FetchOptions = {}): HTTPResponse {
      counter.count("fetch");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);
      if (params.contentType) headers["Content-Type"] = params.contentType;
      const payload = typeof params.payload === "string" ? params.payload : undefined;
      const form = formOf(params.payload);
      const request: FetchRequest = {
        url,
        method: (params.method ?? "get").toUpperCase(),
        headers,
        ...(payload === undefined ? {} : { payload }),
        ...(form === undefined ? {} : { form }),
      };
      requests.push(request);
      const handler = target();
      let reply: HttpReply & { bytes?: Uint8Array };
      if (typeof handler === "function") {
        const answer = handler(request);
        const bytes = answer.body instanceof Uint8Array ? answer.body : undefined;
        reply = {
          status: answer.status,
          headers: answer.headers ?? { "content-type": "application/json" },
          body: bytes
            ? Buffer.from(bytes).toString("latin1")
            : typeof answer.body === "string"
              ? answer.body
              : JSON.stringify(answer.body ?? null),
          ...(bytes ? { bytes } : {}),
        };
      } else {
        reply = handler.request({
          url,
          method: request.method,
          headers,
          body: payload,
          ...(form ? { form: formFields(form) } : {}),
        });
      }
      if (reply.status >= 400 && !params.muteHttpExceptions) {
        throw new Error(`Request failed for ${url} returned code ${reply.status}`);
      }
      return new FakeHTTPResponse(reply) as unknown as HTTPResponse;
    },
  };
}

export function fakeUtilities(counter: CallCounter): Partial<GoogleAppsScript.Utilities.Utilities> {
  return {
    getUuid() {
      counter.count("getUuid");
      return randomUUID();
    },
    formatDate,
    DigestAlgorithm: { SHA_256: "SHA_256" } as unknown as typeof Utilities.DigestAlgorithm,
    Charset: { UTF_8: "UTF_8" } as unknown as typeof Utilities.Charset,
    /** SHA-256 only, as signed bytes the way Apps Script answers them. */
    computeDigest(algorithm: unknown, value: string | number[]): number[] {
      counter.count("computeDigest");
      if (algorithm !== "SHA_256") throw new Error(`the stand-in digests SHA_256 only`);
      const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : Buffer.from(value);
      return Array.from(createHash("sha256").update(bytes).digest(), (b) =>
        b > 127 ? b - 256 : b,
      );
    },
    base64Encode(data: string | number[]): string {
      counter.count("base64Encode");
      return Buffer.from(bytesOf(data)).toString("base64");
    },
    base64Decode(encoded: string): number[] {
      counter.count("base64Decode");
      return Array.from(Buffer.from(encoded, "base64"), (b) => (b > 127 ? b - 256 : b));
    },
    newBlob(data: string | number[], contentType?: string, name?: string): Blob {
      counter.count("newBlob");
      return new FakeBlob(bytesOf(data), contentType ?? null, name ?? null) as unknown as Blob;
    },
  };
}

/** A file the add-on made in the user's Drive. */
export class FakeDriveFile {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly mimeType: string,
    readonly blob: FakeBlob,
  ) {}
  getId = () => this.id;
  getName = () => this.name;
  getMimeType = () => this.mimeType;
  getUrl = () => `https://drive.google.com/file/d/${this.id}/view`;
}

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

/**
 * The Drive advanced service (Drive API v3) over a list of files in memory: Files.create with
 * the file's metadata and the blob, answering the fields asked for. The drive.file scope
 * reaches only such files, so that is all there is.
 */
export function fakeDrive(counter: CallCounter, files: FakeDriveFile[]) {
  return {
    Files: {
      create(resource: DriveFile, blob?: Blob, optionalArgs?: { fields?: string }): DriveFile {
        counter.count("Drive.Files.create");
        if (!blob) throw new Error("Drive.Files.create: no media");
        const source = blob as unknown as FakeBlob;
        const file = new FakeDriveFile(
          `file-${files.length + 1}`,
          resource.name ?? source.getName() ?? "",
          resource.mimeType ?? source.getContentType() ?? "",
          source,
        );
        files.push(file);
        const all: DriveFile = {
          id: file.id,
          name: file.name,
          mimeType: file.mimeType,
          webViewLink: file.getUrl(),
        };
        const wanted = optionalArgs?.fields?.split(",").map((f) => f.trim());
        if (!wanted) return { id: all.id, name: all.name, mimeType: all.mimeType };
        return Object.fromEntries(
          Object.entries(all).filter(([key]) => wanted.includes(key)),
        ) as DriveFile;
      },
    },
  };
}
