import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { cachedFont, FONT_MODULE_PATH } from "./pdfFont";

// Node's font loader (npm start, tests): the TrueType file straight from node_modules. Kept
// apart from pdfFont.ts so the Worker bundle never imports node:fs for it.

export const nodeFonts = cachedFont(async () => {
  const path = createRequire(import.meta.url).resolve(FONT_MODULE_PATH);
  return new Uint8Array(await readFile(path));
});
