import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertKey, diskStorage, type FileStorage, memoryStorage } from "./storage";

// Both local backends keep the same promises: what is put is got back, byte for byte; a
// missing key is null; a key that could escape the folder is refused before any I/O.

const backends: [string, () => FileStorage][] = [
  ["disk", () => diskStorage(mkdtempSync(join(tmpdir(), "shimebi-storage-")))],
  ["memory", () => memoryStorage()],
];

describe.each(backends)("%s storage", (_name, make) => {
  it("puts, gets and deletes", async () => {
    const storage = make();
    const bytes = Uint8Array.from([0, 1, 2, 255]);
    await storage.put("invoices/a/b", bytes, { contentType: "image/png" });
    expect(await storage.get("invoices/a/b")).toEqual(bytes);
    expect(await storage.get("invoices/a/c")).toBeNull();
    await storage.delete("invoices/a/b");
    expect(await storage.get("invoices/a/b")).toBeNull();
    await storage.delete("invoices/a/b"); // deleting twice is fine
  });

  it("refuses keys that leave the storage", async () => {
    const storage = make();
    for (const key of ["../x", "a/../../x", "/etc/passwd", "a//b", "", "a/./b", "a\\b"]) {
      await expect(storage.put(key, new Uint8Array(1), { contentType: "x" }), key).rejects.toThrow(
        "Not a storage key",
      );
    }
  });
});

describe("diskStorage", () => {
  it("writes one file per key under its root, nothing half-written left", async () => {
    const root = mkdtempSync(join(tmpdir(), "shimebi-storage-"));
    await diskStorage(root).put("invoices/i1/f1", new Uint8Array(3), { contentType: "x" });
    expect(existsSync(join(root, "invoices", "i1", "f1"))).toBe(true);
    expect(readdirSync(join(root, "invoices", "i1"))).toEqual(["f1"]);
  });

  it("accepts the keys the services make", () => {
    expect(assertKey(`invoices/${crypto.randomUUID()}/${crypto.randomUUID()}`)).toMatch(
      /^invoices/,
    );
    expect(assertKey("fonts/NotoSansJP-Regular.ttf")).toBe("fonts/NotoSansJP-Regular.ttf");
  });
});
