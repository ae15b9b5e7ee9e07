import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeBlob, type Gas, installGas } from "../testing";
import { API_BASE } from "../testing/fixtures";
import { listAttachments, openAttachment, previewInvoice } from "./attachments";
// The sidebar's function: the envelope of answer.ts around attachments.attachFile.
import { attachFile } from "./index";

let gas: Gas & { uninstall(): Promise<void> };
// A PDF's first bytes and some not valid as UTF-8: they must arrive as they left.
const BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff]);
const BASE64 = Buffer.from(BYTES).toString("base64");

const ATTACHMENT = {
  id: "att-1",
  invoiceId: "inv-1",
  purpose: "report",
  filename: "業務報告書.pdf",
  contentType: "application/pdf",
  size: BYTES.length,
  sha256: "0".repeat(64),
  uploadedBy: "user-1",
  createdAt: "2025-08-31T00:00:00.000Z",
};

beforeEach(() => {
  gas = installGas({ locale: "ja", identityToken: "token-1" });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
});
afterEach(() => gas.uninstall());

describe("attachFile", () => {
  it("posts the decoded bytes as multipart: file blob with its name and type, and the purpose", () => {
    gas.setFetch(() => ({ status: 201, body: ATTACHMENT }));
    const result = attachFile("inv-1", "report", "業務報告書.pdf", "application/pdf", BASE64);
    expect(result).toEqual({ ok: true, value: ATTACHMENT });
    expect(gas.counter.of("fetch")).toBe(1);
    expect(gas.counter.of("base64Decode")).toBe(1);
    const [request] = gas.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${API_BASE}/v1/invoices/inv-1/attachments`);
    expect(request?.headers.Authorization).toBe("Bearer token-1");
    // UrlFetchApp sets multipart/form-data and its boundary itself: no contentType given.
    expect(request?.headers["Content-Type"]).toBeUndefined();
    expect(request?.payload).toBeUndefined();
    expect(request?.form?.purpose).toBe("report");
    const file = request?.form?.file;
    expect(file).toBeInstanceOf(FakeBlob);
    expect((file as FakeBlob).bytes).toEqual(BYTES);
    expect((file as FakeBlob).getName()).toBe("業務報告書.pdf");
    expect((file as FakeBlob).getContentType()).toBe("application/pdf");
  });

  it("answers the API's refusal with its status and error object unchanged", () => {
    const error = {
      code: "unsupported_media_type",
      message: "Only JPEG, PNG, PDF and Excel files can be attached",
      issues: [],
    };
    gas.setFetch(() => ({ status: 415, body: { error } }));
    const result = attachFile("inv-1", "other", "memo.txt", "text/plain", BASE64);
    expect(result).toEqual({ ok: false, error: { status: 415, ...error } });
    expect(gas.counter.of("fetch")).toBe(1);
  });

  it("reports a missing API URL without a request", () => {
    gas.properties.user.deleteProperty("shimebi.apiBaseUrl");
    const result = attachFile("inv-1", "other", "a.png", "image/png", BASE64);
    expect(result).toMatchObject({
      ok: false,
      error: { status: 0, code: "no_api_url", message: expect.stringMatching(/API の URL/) },
    });
    expect(gas.counter.of("fetch")).toBe(0);
  });
});

describe("listAttachments", () => {
  it("gets the invoice's attachments with the identity token", () => {
    gas.setFetch((request) => {
      expect(request.method).toBe("GET");
      expect(request.headers.Authorization).toBe("Bearer token-1");
      expect(request.url).toBe(`${API_BASE}/v1/invoices/inv%2F1/attachments`);
      return { status: 200, body: { items: [ATTACHMENT] } };
    });
    expect(listAttachments("inv/1")).toEqual([ATTACHMENT]);
    expect(gas.counter.of("fetch")).toBe(1);
  });
});

describe("previewInvoice", () => {
  const HTML = "<!doctype html><h1>適格請求書</h1>";

  it.each([
    ["invoice", "/v1/invoices/inv-1/document", "請求書"],
    ["report", "/v1/invoices/inv-1/report", "業務報告書"],
  ] as const)("%s: opens one 900×700 dialog with the fetched HTML", (which, path, title) => {
    gas.setFetch((request) => {
      expect(request.url).toBe(`${API_BASE}${path}`);
      expect(request.headers.Accept).toBe("text/html");
      expect(request.headers.Authorization).toBe("Bearer token-1");
      return { status: 200, body: HTML, headers: { "content-type": "text/html; charset=utf-8" } };
    });
    previewInvoice("inv-1", which);
    expect(gas.counter.of("fetch")).toBe(1);
    expect(gas.ui.dialogs).toHaveLength(1);
    const [dialog] = gas.ui.dialogs;
    expect(dialog?.title).toBe(title);
    expect(dialog?.output.getContent()).toBe(HTML);
    expect(dialog?.output.getWidth()).toBe(900);
    expect(dialog?.output.getHeight()).toBe(700);
  });

  it("opens no dialog when the API refuses, and throws its error object", () => {
    const error = { code: "forbidden", message: "権限がありません", issues: [] };
    gas.setFetch(() => ({ status: 403, body: { error } }));
    expect(() => previewInvoice("inv-1", "invoice")).toThrow(expect.objectContaining({ error }));
    expect(gas.ui.dialogs).toHaveLength(0);
  });
});

describe("openAttachment", () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
  const IMAGE = { ...ATTACHMENT, id: "att-2", filename: "作業写真.png", contentType: "image/png" };
  const serve = (request: { url: string; headers: Record<string, string> }) => {
    const path = request.url.replace(API_BASE, "");
    if (path === "/v1/invoices/inv-1/attachments")
      return { status: 200, body: { items: [ATTACHMENT, IMAGE] } };
    if (path === "/v1/invoices/inv-1/attachments/att-1")
      return { status: 200, body: BYTES, headers: { "content-type": "application/pdf" } };
    if (path === "/v1/invoices/inv-1/attachments/att-2")
      return { status: 200, body: PNG, headers: { "content-type": "image/png" } };
    return { status: 404, body: { error: { code: "not_found", message: path, issues: [] } } };
  };

  it("shows an image in a dialog, its bytes as they came, and makes no Drive file", () => {
    gas.setFetch(serve);
    expect(openAttachment("inv-1", "att-2")).toEqual({
      filename: "作業写真.png",
      shownAs: "dialog",
      url: null,
    });
    const [dialog] = gas.ui.dialogs;
    expect(dialog?.title).toBe("作業写真.png");
    expect(dialog?.output.getContent()).toContain(
      `src="data:image/png;base64,${Buffer.from(PNG).toString("base64")}"`,
    );
    expect(gas.counter.of("Drive.Files.create")).toBe(0);
  });

  it("saves a PDF to the reviewer's Drive byte for byte and links it from a dialog in Japanese", () => {
    gas.setFetch(serve);
    const opened = openAttachment("inv-1", "att-1");
    const [file] = gas.driveFiles;
    expect(file?.getName()).toBe("業務報告書.pdf");
    expect(file?.getMimeType()).toBe("application/pdf");
    expect(file?.blob.bytes).toEqual(BYTES);
    expect(opened).toEqual({ filename: "業務報告書.pdf", shownAs: "drive", url: file?.getUrl() });
    const content = gas.ui.dialogs[0]?.output.getContent() ?? "";
    expect(content).toContain("Google ドライブに保存しました");
    expect(content).toContain(`href="${file?.getUrl()}"`);
  });

  it("refuses an attachment the invoice no longer has, in a sentence, fetching no bytes", () => {
    gas.setFetch(serve);
    expect(() => openAttachment("inv-1", "att-9")).toThrow(/その添付ファイルはありません/);
    expect(gas.requests.map((r) => r.url.replace(API_BASE, ""))).toEqual([
      "/v1/invoices/inv-1/attachments",
    ]);
    expect(gas.ui.dialogs).toHaveLength(0);
  });
});
