import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Gas, installGas } from "../testing";
import { API_BASE } from "../testing/fixtures";
import { saveInvoicePdfToDrive } from "./drive";

let gas: Gas & { uninstall(): Promise<void> };
// Not valid UTF-8 on purpose: the bytes must arrive as they left.
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff]);

beforeEach(() => {
  gas = installGas({ locale: "ja", identityToken: "token-1" });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
});
afterEach(() => gas.uninstall());

describe("saveInvoicePdfToDrive", () => {
  it("refuses in a sentence when the Drive advanced service is not enabled", () => {
    const holder = globalThis as { Drive?: unknown };
    const drive = holder.Drive;
    delete holder.Drive;
    try {
      expect(() => saveInvoicePdfToDrive("inv-1")).toThrow(/Drive API が有効ではありません/);
      expect(gas.requests).toEqual([]);
    } finally {
      holder.Drive = drive;
    }
  });

  it("saves the API's PDF once, named 請求書_<number>_<month>.pdf, and returns its URL", () => {
    gas.setFetch((request) => {
      expect(request.headers.Authorization).toBe("Bearer token-1");
      const path = request.url.replace(API_BASE, "");
      if (path === "/v1/invoices/inv-1")
        return { status: 200, body: { id: "inv-1", number: "INV-2025-0001", month: "2025-08" } };
      if (path === "/v1/invoices/inv-1/document.pdf") {
        expect(request.headers.Accept).toBe("application/pdf");
        return { status: 200, body: PDF, headers: { "content-type": "application/pdf" } };
      }
      return { status: 404, body: { error: { code: "not_found", message: path, issues: [] } } };
    });
    const saved = saveInvoicePdfToDrive("inv-1");
    expect(gas.counter.of("Drive.Files.create")).toBe(1);
    const [file] = gas.driveFiles;
    expect(file?.getName()).toBe("請求書_INV-2025-0001_2025-08.pdf");
    expect(file?.getMimeType()).toBe("application/pdf");
    expect(file?.blob.bytes).toEqual(PDF);
    expect(saved).toEqual({ id: file?.getId(), name: file?.getName(), url: file?.getUrl() });
    expect(gas.requests.map((r) => r.url.replace(API_BASE, ""))).toEqual([
      "/v1/invoices/inv-1",
      "/v1/invoices/inv-1/document.pdf",
    ]);
  });

  it("makes no file when the API refuses the document, and throws its error object", () => {
    const error = { code: "forbidden", message: "権限がありません", issues: [] };
    gas.setFetch((request) =>
      request.url.endsWith("/document.pdf")
        ? { status: 403, body: { error } }
        : { status: 200, body: { id: "inv-1", number: null, month: "2025-08" } },
    );
    expect(() => saveInvoicePdfToDrive("inv-1")).toThrow(expect.objectContaining({ error }));
    expect(gas.counter.of("Drive.Files.create")).toBe(0);
  });
});
