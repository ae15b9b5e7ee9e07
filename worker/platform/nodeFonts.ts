import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { BOLD_FONT_MODULE_PATH, cachedFont, FONT_MODULE_PATH, type FontLoader } from "./pdfFont";

// Node's font loader (npm start, tests): the TrueType files straight from node_modules. Kept
// apart from pdfFont.ts so the Worker bundle never imports node:fs for it.

const fromModules = (path: string) =>
  cachedFont(async () => {
    const file = createRequire(import.meta.url).resolve(path);
    return new Uint8Array(await readFile(file));
  });

const regular = fromModules(FONT_MODULE_PATH);
const bold = fromModules(BOLD_FONT_MODULE_PATH);

export const nodeFonts: FontLoader = (weight) => (weight === "bold" ? bold() : regular());
