import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, requireTool } from "../../tools/testTools";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";
import { CONTRACT_SHEET } from "../server/contractSheetTexts";
import { menuContractSheet, menuCreateContracts } from "../server/index";
import { type FakeSheet, installGas } from "../testing";
import { OWNER, SHOTS, shot, sidebarOf } from "./companyPage";

// The 契約一括作成 sheet against `npm start`'s server, in Japanese and English: after a run
// with bad rows, drawn from its cells (company-bulk-contracts-*) and on the dev page's grid
// (company-bulk-sheet-dev-*), each row's problems beside it and nothing created; put right,
// created from the sidebar after a confirmation (company-bulk-confirm-*, -created-*).

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: requireTool(CHROMIUM),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  server = await startNodeServer();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The dev page's Japanese font: this Chromium has none. */
const FONT = readFileSync(
  createRequire(import.meta.url).resolve(
    "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  ),
);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

describe.each(["ja", "en"] as const)("the 契約一括作成 sheet with a bad row (%s)", (lang) => {
  it("shows each row's problems beside it and nothing created", async () => {
    const gas = installGas({
      locale: lang,
      identityToken: await devIdToken(OWNER),
      fetch: "http",
    });
    try {
      gas.properties.user.setProperty("shimebi.apiBaseUrl", server.base);
      menuContractSheet();
      const sheet = gas.spreadsheet.getSheetByName(CONTRACT_SHEET) as unknown as FakeSheet;
      const example = [...(sheet.cells[1] ?? [])];
      const rows = [
        ["開発支援 A", "partner@demo.shimebi.test", ...example.slice(2, 19)],
        ["開発支援 B", "partner@demo.shimebi.test", ...example.slice(2, 17), "2026-11", ""],
        [
          "開発支援 C",
          "nobody@demo.shimebi.test",
          ...example.slice(2, 4),
          "2027/06/01",
          "2027/01/31",
        ],
      ];
      rows.forEach((row, r) => {
        row.forEach((value, c) => {
          sheet.write(r + 2, c + 1, value);
        });
      });
      const outcome = menuCreateContracts();
      expect(outcome?.badRows).toEqual([3, 4]);
      const header = (sheet.cells[0] ?? [])
        .map((h) => `<th>${escapeHtml(String(h))}</th>`)
        .join("");
      const body = sheet.cells
        .slice(1)
        .map(
          (line, r) =>
            `<tr><th>${r + 2}</th>${Array.from({ length: 21 }, (_, c) => `<td>${escapeHtml(String(line[c] ?? "")).replace(/\n/g, "<br>")}</td>`).join("")}</tr>`,
        )
        .join("");
      const page = await browser.newPage({ viewport: { width: 2400, height: 400 } });
      await page.route("https://fonts.test/jp.ttf", (route) =>
        route.fulfill({ body: FONT, contentType: "font/ttf" }),
      );
      await page.setContent(`<!doctype html><meta charset="utf-8"><style>
        @font-face { font-family: "Noto Sans JP"; src: url(https://fonts.test/jp.ttf); }
        * { font: 12px "Noto Sans JP", sans-serif; }
        table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 3px 5px; vertical-align: top; white-space: nowrap; }
        thead th { background: #f1f3f4; font-weight: bold; } td:last-child { white-space: normal; min-width: 520px; color: #b3261e; }
        </style><table><thead><tr><th></th>${header}</tr></thead><tbody>${body}</tbody></table>`);
      await page.evaluate(() => document.fonts.ready);
      const shown = (await page.textContent("body")) ?? "";
      expect(shown).toContain(lang === "ja" ? "稼働初月：" : "First working month: ");
      expect(shown).not.toMatch(/[{}]|"code"|effectiveFrom|partnerUserId/);
      await page.screenshot({
        path: join(SHOTS, `company-bulk-contracts-${lang}.png`),
        fullPage: true,
      });
      await page.close();
    } finally {
      await gas.uninstall();
    }
  }, 120_000);
});

/** A dev page call from the page itself (same origin), as its own scripts make them. */
async function devCall(
  page: Page,
  lang: string,
  method: string,
  path: string,
  body: unknown,
): Promise<{ ok?: boolean; value?: unknown }> {
  const query = `as=${encodeURIComponent(OWNER)}&lang=${lang}`;
  return page.evaluate(
    async ([m, p, b]) =>
      (
        await fetch(p as string, {
          method: m as string,
          ...(b === undefined ? {} : { body: JSON.stringify(b) }),
        })
      ).json(),
    [method, `${path}${path.includes("?") ? "&" : "?"}${query}`, body],
  );
}

describe.each(["ja", "en"] as const)("the 契約一括作成 sheet on the dev page (%s)", (lang) => {
  it("refuses the example and a half-typed row beside them, then creates from the sidebar", async () => {
    const page = await browser.newPage({ viewport: { width: 6000, height: 420 } });
    await page.goto(`${server.base}/dev/addon?as=${encodeURIComponent(OWNER)}&lang=${lang}`);
    await devCall(page, lang, "POST", "/dev/addon/run/menuContractSheet", []);
    // Row 2, the example: the demo partner, but a closing day the API refuses (30).
    await devCall(page, lang, "PUT", "/dev/addon/sheet", {
      row: 2,
      column: 2,
      value: "partner@demo.shimebi.test",
    });
    await devCall(page, lang, "PUT", "/dev/addon/sheet", { row: 2, column: 7, value: "30" });
    // Row 3: typed as far as the period, no pay type yet.
    const typed = [
      "開発支援 B",
      "partner@demo.shimebi.test",
      "",
      "保守",
      "2027/01/01",
      "2027/03/31",
    ];
    for (const [index, value] of typed.entries()) {
      await devCall(page, lang, "PUT", "/dev/addon/sheet", { row: 3, column: index + 1, value });
    }
    const ran = await devCall(page, lang, "POST", "/dev/addon/run/menuCreateContracts", []);
    expect(ran.value).toEqual({ created: 0, badRows: [2, 3], cancelled: false });
    await page.evaluate(() => (window as unknown as { load: () => Promise<void> }).load());
    await page.waitForFunction(
      (name) => document.getElementById("sheet-name")?.textContent === name,
      CONTRACT_SHEET,
    );
    await page.evaluate(() => document.fonts.ready);
    // The grid's cells are one-line inputs of a capped width: the results column is widened
    // to its text, as a person would widen it in Sheets, so nothing of it is cut off.
    await page.evaluate(() => {
      for (const input of document.querySelectorAll<HTMLInputElement>("#sheet td.c21 input"))
        input.style.width = `${input.scrollWidth + 12}px`;
    });
    const box = await page.evaluate(() => {
      const table = document.getElementById("sheet")?.getBoundingClientRect();
      return {
        width: Math.ceil((table?.right ?? 600) + 8),
        height: Math.ceil((table?.bottom ?? 200) + 8),
      };
    });
    const shown: string[] = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>("#sheet input")].map((i) => i.value),
    );
    const results = shown.filter((cell) => cell.length > 24);
    expect(results.join("\n")).toContain(
      lang === "ja" ? "締め日：締め日は 1〜28" : "Closing day must be 1 to 28",
    );
    expect(results.join("\n")).toContain(lang === "ja" ? "稼働タイプ：" : "Pay type: ");
    expect(results.join("\n")).not.toMatch(/closingDay|costCategories|[{}]/);
    await page.screenshot({
      path: join(SHOTS, `company-bulk-sheet-dev-${lang}.png`),
      clip: { x: 0, y: 0, ...box },
    });

    // Put right (month-end closing, the half-typed row cleared), created from the sidebar.
    await devCall(page, lang, "PUT", "/dev/addon/sheet", { row: 2, column: 7, value: "31" });
    for (const column of [1, 2, 4, 5, 6]) {
      await devCall(page, lang, "PUT", "/dev/addon/sheet", { row: 3, column, value: "" });
    }
    const sidebar = await sidebarOf(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await sidebar.click("#contract-sheet-check");
    const status = sidebar.locator("#contract-sheet-status");
    await status
      .filter({ hasText: lang === "ja" ? "1件の行に問題はありません" : "1 row(s)" })
      .waitFor();
    await sidebar.click("#contract-sheet-create");
    await sidebar.waitForSelector("#contract-sheet-dialog");
    await sidebar.locator("#contract-sheet").scrollIntoViewIfNeeded();
    await shot(page, sidebar, lang, `company-bulk-confirm-${lang}`);
    await sidebar.click("#contract-sheet-dialog-confirm");
    await status
      .filter({ hasText: lang === "ja" ? "1件の契約を作成しました" : "1 contract(s) created" })
      .waitFor();
    const example = lang === "ja" ? "（例）システム開発支援" : "(Example) Web app development";
    await sidebar.locator(".order-item", { hasText: example }).waitFor();
    await shot(page, sidebar, lang, `company-bulk-created-${lang}`);
    const sheet = await devCall(
      page,
      lang,
      "GET",
      `/dev/addon/sheet?sheet=${encodeURIComponent(CONTRACT_SHEET)}`,
      undefined,
    );
    const row = (sheet as unknown as { values: unknown[][] }).values[1] ?? [];
    expect(String(row[19])).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(row[20])).toMatch(
      lang === "ja"
        ? /^作成済み・発注書 PO-\d{6}（下書き）$/
        : /^Created; order PO-\d{6} \(Draft\)$/,
    );
    await page.close();
  }, 120_000);
});
