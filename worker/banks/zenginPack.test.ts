import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseZengin } from "./service";
import { ZENGIN_DATA, ZENGIN_VERSION } from "./zenginData";
import { compactZengin, packZengin, type RawZengin, unpackZengin } from "./zenginPack";

const require = createRequire(import.meta.url);

describe("the packed Zengin list", () => {
  it("is exactly the installed zengin-code package (else: npx tsx worker/banks/zenginPackCommand.ts)", async () => {
    const raw = require("zengin-code") as RawZengin;
    expect(ZENGIN_VERSION).toBe(
      (require("zengin-code/package.json") as { version: string }).version,
    );
    expect(await unpackZengin(ZENGIN_DATA)).toBe(compactZengin(raw));

    const banks = parseZengin(await unpackZengin(ZENGIN_DATA));
    expect(banks.size).toBe(Object.keys(raw).length);
    const mizuho = banks.get("0001");
    expect(mizuho).toMatchObject({ code: "0001", name: "みずほ", kana: "ミズホ" });
    expect(mizuho?.branchLines.length).toBe(Object.keys(raw["0001"]?.branches ?? {}).length);
  });

  it("round-trips through gzip and base64", async () => {
    const text = "0001\tみずほ\tミズホ\n001\t東京営業部\tトウキヨウ";
    const packed = await packZengin(text);
    expect(packed).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(await unpackZengin(packed)).toBe(text);
  });
});
