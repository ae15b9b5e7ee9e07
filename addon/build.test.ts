import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAddon } from "./build";
import { createGas } from "./testing";

// What `npm run build` writes, loaded the way Apps Script loads it: plain script, no modules.

let outdir = "";
const read = (name: string) => readFileSync(join(outdir, name), "utf8");

beforeAll(async () => {
  ({ outdir } = await buildAddon({ outdir: mkdtempSync(join(tmpdir(), "shimebi-addon-")) }));
}, 60_000);

describe("npm run build", () => {
  it("writes a manifest with V8, Tokyo time and exactly the narrow scopes", () => {
    const manifest = JSON.parse(read("appsscript.json"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Tokyo");
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/drive.file",
      "https://www.googleapis.com/auth/script.external_request",
      "https://www.googleapis.com/auth/userinfo.email",
      "openid",
    ]);
    // Invoice PDFs go through the Drive API's advanced service, which works under drive.file.
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: "Drive", serviceId: "drive", version: "v3" },
    ]);
    expect(read("Code.js")).not.toContain("DriveApp");
  });

  it("limits UrlFetchApp to the built-in API host when one is given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shimebi-addon-"));
    await buildAddon({ outdir: dir, apiUrl: "https://api.shimebi.example/" });
    const manifest = JSON.parse(readFileSync(join(dir, "appsscript.json"), "utf8"));
    expect(manifest.urlFetchWhitelist).toEqual(["https://api.shimebi.example/"]);
    expect(readFileSync(join(dir, "Code.js"), "utf8")).toContain('"https://api.shimebi.example"');
  });

  it("refuses to build in an API URL that is not https", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shimebi-addon-"));
    await expect(buildAddon({ outdir: dir, apiUrl: "http://api.shimebi.example" })).rejects.toThrow(
      /https/,
    );
  });

  it("Code.js has no module syntax and defines every server function as a global", () => {
    const code = read("Code.js");
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const context: Record<string, unknown> = {};
    runInNewContext(code, context, { filename: "Code.js" });
    for (const name of [
      "onOpen",
      "onInstall",
      "onEdit",
      "showSidebar",
      "getSidebarState",
      "getSettings",
      "saveSettings",
      "listContracts",
      "createTimesheet",
      "checkTimesheet",
      "syncTimesheet",
      "getEstimate",
      "attachFile",
      "listAttachments",
      "previewInvoice",
    ]) {
      expect(typeof context[name], name).toBe("function");
    }
  });

  it("Code.js runs onOpen in a plain script context over the stand-ins", () => {
    const gas = createGas({ locale: "ja" });
    const context: Record<string, unknown> = { ...gas.globals };
    runInNewContext(read("Code.js"), context);
    runInNewContext("onOpen({ authMode: 'LIMITED' })", context);
    expect(gas.ui.menus[0]?.items).toContainEqual({
      caption: "勤務表を作成",
      functionName: "menuCreateTimesheet",
    });
    // Every menu item names a function the script defines.
    for (const item of gas.ui.menus[0]?.items ?? []) {
      if ("functionName" in item) expect(typeof context[item.functionName]).toBe("function");
    }
  });

  it("Sidebar.html inlines its script and style: no external sources", () => {
    const html = read("Sidebar.html");
    expect(html).toMatch(/<script>[\s\S]*google\??\.script[\s\S]*<\/script>/);
    expect(html).toMatch(/<style>[\s\S]*font-family[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*stylesheet/i);
    // the script element closes once, at its end
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});
