import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, requireTool } from "../../tools/testTools";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";

// The real sidebar in real Chromium, on `npm start`'s dev page (worker/dev/addonHost.ts): the
// demo partner makes last month's timesheet, types rows into the sheet's grid, checks them,
// sees the offline estimate, syncs, sees the server's equal to it, fills and submits the
// invoice; the demo owner approves it from the company sidebar. Screenshots of every step go
// to a temp directory (printed). The browser is found by tools/testTools.ts (CHROMIUM_PATH,
// Debian's chromium, Playwright's cache); `npm test` installs Debian's when it can.

const PARTNER = "partner@demo.shimebi.test";
const OWNER = "owner@demo.shimebi.test";

const tokyo = (date: Date, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", ...options }).format(date);
const thisMonth = tokyo(new Date(), { year: "numeric", month: "2-digit" }).slice(0, 7);
/** Last month: closed, so its invoice can be submitted (the demo contract began then). */
const month = (() => {
  const [y, m] = thisMonth.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
})();
/** The last day of the month after `month`: a due date never in the past. */
const dueDate = (() => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m + 1, 0));
  return last.toISOString().slice(0, 10);
})();

let server: RunningServer;
let browser: BrowserContext;
let profile = "";
const shots = mkdtempSync(join(tmpdir(), "shimebi-sidebar-"));
const taken: string[] = [];

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.getElementById("grid")?.scrollTo(0, 0));
  const path = join(shots, `${String(taken.length + 1).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  taken.push(path);
}

async function sidebarOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("#sidebar");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the sidebar iframe has no frame");
  return frame;
}

async function open(as: string): Promise<{ page: Page; sidebar: Frame }> {
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.error(`page error (${as}):`, error));
  await page.goto(`${server.base}/dev/addon?as=${encodeURIComponent(as)}`);
  return { page, sidebar: await sidebarOf(page) };
}

async function text(frame: Frame | Page, selector: string, contains: string, timeout = 30_000) {
  await frame.waitForFunction(
    ([s, c]) => (document.querySelector(s as string)?.textContent ?? "").includes(c as string),
    [selector, contains],
    { timeout },
  );
  return (await frame.textContent(selector)) ?? "";
}

/** Type into a cell of the grid as a user would (then Tab), and wait for the sheet's answer. */
async function typeCell(page: Page, row: number, column: number, value: string) {
  const selector = `#cell-R${row}C${column}`;
  const saved = page.waitForResponse(
    (r) => r.url().includes("/dev/addon/sheet") && r.request().method() === "PUT",
  );
  await page.fill(selector, value);
  await page.press(selector, "Tab");
  expect((await saved).status()).toBe(200);
}

async function cellValue(page: Page, row: number, column: number, expected: string) {
  const selector = `#cell-R${row}C${column}`;
  await page.waitForFunction(
    ([s, v]) => (document.querySelector(s as string) as HTMLInputElement | null)?.value === v,
    [selector, expected],
  );
}

beforeAll(async () => {
  const executablePath = requireTool(CHROMIUM);
  server = await startNodeServer();
  profile = mkdtempSync(join(tmpdir(), "shimebi-chromium-"));
  // A fresh profile: Playwright passes it to Chromium as --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    viewport: { width: 1280, height: 900 },
    locale: "ja-JP",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (taken.length > 0) console.log(`Screenshots:\n${taken.join("\n")}`);
});

describe("the sidebar in Chromium against npm start", () => {
  it("a partner fills the month, the estimates agree, submits; the owner approves", async () => {
    // 1. The partner makes last month's timesheet for the demo contract.
    const { page, sidebar } = await open(PARTNER);
    await text(sidebar, "#contract", "Shimebi 開発支援");
    expect(await sidebar.inputValue("#month")).toBe(thisMonth);
    await sidebar.fill("#month", month);
    await shot(page, "partner-open");
    await sidebar.click("#create");
    await text(page, "#sheet-name", `${month} Shimebi 開発支援`);
    await cellValue(page, 2, 1, `${month}-01`);
    await cellValue(page, 2, 2, "月額固定");

    // 2. Three days of work, typed as people type: 900 shows as 09:00 once the sheet has it.
    for (const row of [2, 3, 4]) {
      await typeCell(page, row, 3, "900");
      await cellValue(page, row, 3, "09:00");
      await typeCell(page, row, 4, "1830");
      await cellValue(page, row, 4, "18:30");
      await typeCell(page, row, 5, "60");
      await typeCell(page, row, 8, "画面の実装");
    }
    await cellValue(page, 4, 8, "画面の実装");
    expect(await page.inputValue("#cell-R2C9")).toBe(""); // no error marked on the row
    await shot(page, "partner-rows-typed");

    // 3. Check: the offline estimate, by the engine bundled in the add-on.
    await sidebar.click("#check");
    await text(sidebar, "#timesheet-result", "✓");
    const offline = await text(sidebar, "#offline-payable", "円");
    await shot(page, "partner-offline-estimate");

    // 4. Sync: the server's estimate, equal to the offline one.
    await sidebar.click("#sync");
    await text(sidebar, "#timesheet-result", "3 行を同期しました");
    const serverSide = await text(sidebar, "#server-payable", "円");
    expect(serverSide).toBe(offline);
    await text(sidebar, "#agreement", "一致しています");
    await shot(page, "partner-server-estimate");

    // 5. The invoice: withholding, tax, an expense, bank account, due date, remarks; a draft.
    await text(sidebar, "#invoice-status", "未作成");
    await sidebar.check("#invoice-withholding");
    await sidebar.fill("#invoice-expenses", "交通費 1,240");
    await sidebar.fill("#invoice-due", dueDate);
    await sidebar.fill("#invoice-remarks", `${month} 分の稼働です`);
    expect(await sidebar.inputValue("#invoice-bank")).not.toBe("");
    await sidebar.click("#invoice-save");
    await text(sidebar, "#invoice-status", "下書き");
    await text(sidebar, "#invoice-figures", "源泉徴収税");
    await text(sidebar, "#invoice-figures", "1,240円");
    expect(await sidebar.isChecked("#invoice-withholding")).toBe(true);
    await shot(page, "partner-invoice-draft");

    // 6. Submit with the month typed to confirm: under review.
    await sidebar.fill("#invoice-confirm", month);
    await sidebar.click("#invoice-submit");
    await text(sidebar, "#invoice-status", "請求書確認中");
    expect(await sidebar.isDisabled("#invoice-submit")).toBe(true);
    await shot(page, "partner-submitted");

    // 7. The owner sees it under review in the company sidebar and approves it.
    const owner = await open(OWNER);
    await text(owner.sidebar, "#review-list", "Shimebi 開発支援");
    await text(owner.sidebar, "#review-list", month);
    await shot(owner.page, "owner-review");
    await owner.sidebar.click("#review-approve");
    await text(owner.sidebar, "#review-result", "承認済み");
    await text(owner.sidebar, "#review-list", "確認待ちの請求書はありません");
    await shot(owner.page, "owner-approved");

    // 8. The API agrees, and the partner's sidebar shows it approved.
    const mine = await fetch(`${server.base}/v1/me/invoices?month=${month}`, {
      headers: { authorization: `Bearer ${await devIdToken(PARTNER)}` },
    });
    const { items } = (await mine.json()) as { items: { status: string; total: number }[] };
    expect(items.map((i) => i.status)).toEqual(["approved"]);
    await page.reload();
    const again = await sidebarOf(page);
    await text(again, "#invoice-status", "承認済み");
    await shot(page, "partner-approved");
  }, 180_000);
});
