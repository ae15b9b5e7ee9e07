import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, requireTool } from "../../tools/testTools";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";

// The company's review sheets (会社: レビューを取得) on `npm start`'s dev page, in real
// Chromium, Japanese and English: the demo partner submits last month's invoice over the API,
// the owner pulls the review, and the grid shows the 契約 and 請求書 sheets as Sheets would
// (yen, dates, statuses in the user's language). Screenshots under addon/e2e/screenshots/.

const OWNER = "owner@demo.shimebi.test";
const PARTNER = "partner@demo.shimebi.test";
const SHOTS = join(import.meta.dirname, "screenshots");

let server: RunningServer;
let browser: Browser;

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read by path
async function api(as: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await devIdToken(as)}`,
      "content-type": "application/json",
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await response.json();
  expect(response.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** Last month (closed: its invoice can be submitted), 160 hours of work, submitted. */
async function submitLastMonth() {
  const contracts: { id: string; title: string }[] = await api(PARTNER, "GET", "/v1/me/contracts");
  // The demo contract with an approved order (the demo's other one waits for its order).
  const contract = contracts.find((c) => c.title === "Shimebi 開発支援");
  if (!contract) throw new Error("the demo contract Shimebi 開発支援 is missing");
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = first.toISOString().slice(0, 7);
  const rows = Array.from({ length: 20 }, (_, i) => ({
    clientRowId: `r${i}`,
    date: `${month}-${String(i + 1).padStart(2, "0")}`,
    costCategoryId: "ses",
    start: "0900",
    end: "1800",
    breakMinutes: 60,
  }));
  const base = `/v1/contracts/${contract.id}/months/${month}`;
  await api(PARTNER, "PUT", `${base}/entries`, { rows });
  const draft = await api(PARTNER, "PUT", `${base}/invoice`, {});
  await api(PARTNER, "POST", `/v1/invoices/${draft.id}/submit`, { confirmMonth: month });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startNodeServer();
  await submitLastMonth();
  browser = await chromium.launch({
    executablePath: requireTool(CHROMIUM),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Runs a server function as the page's google.script.run does, then draws the grid again. */
async function run(page: Page, lang: string, fn: string) {
  const query = `?as=${encodeURIComponent(OWNER)}&lang=${lang}`;
  const reply: { ok: boolean } = await page.evaluate(
    async ([path]) => (await fetch(path as string, { method: "POST", body: "[]" })).json(),
    [`/dev/addon/run/${fn}${query}`],
  );
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
}

/** The grid showing `sheet` (its tab clicked), saved, and its text as shown. */
async function shoot(page: Page, sheet: string, file: string): Promise<string[]> {
  await page.click(`#tabs button:text-is("${sheet}")`);
  await page.waitForFunction(
    (name) => document.getElementById("sheet-name")?.textContent === name,
    sheet,
  );
  await page.evaluate(() => document.fonts.ready);
  // The tabs and the sheet, as far as they reach.
  const box = await page.evaluate(() => {
    const table = document.getElementById("sheet")?.getBoundingClientRect();
    return {
      width: Math.ceil((table?.right ?? 600) + 8),
      height: Math.ceil((table?.bottom ?? 200) + 8),
    };
  });
  await page.screenshot({ path: join(SHOTS, file), clip: { x: 0, y: 0, ...box } });
  return page.evaluate(() => [
    ...[...document.querySelectorAll("#sheet th")].map((th) => th.textContent ?? ""),
    ...[...document.querySelectorAll<HTMLInputElement>("#sheet input")].map((i) => i.value),
  ]);
}

describe.each([
  {
    lang: "ja",
    contracts: "契約",
    orders: "発注書",
    invoices: "請求書",
    expected: [
      "田中 美咲",
      "契約中",
      "1,000,000円",
      "140〜180時間",
      "5,000,000円",
      "承認済み",
      "請求書確認中",
      "1,100,000円",
    ],
  },
  {
    lang: "en",
    contracts: "Contracts",
    orders: "Purchase orders",
    invoices: "Invoices",
    expected: ["田中 美咲", "In contract", "¥1,000,000", "140–180 h", "Under review", "¥1,100,000"],
  },
])("the review sheets in $lang", ({ lang, contracts, orders, invoices, expected }) => {
  it("shows partners, amounts in yen, dates and statuses as the user reads them", async () => {
    const page = await browser.newPage({ viewport: { width: 1700, height: 520 } });
    await page.goto(`${server.base}/dev/addon?as=${encodeURIComponent(OWNER)}&lang=${lang}`);
    await run(page, lang, "menuPullReview");
    await page.evaluate(() => (window as unknown as { load: () => Promise<void> }).load());
    const shown = [
      ...(await shoot(page, contracts, `review-${lang}-contracts.png`)),
      ...(await shoot(page, orders, `review-${lang}-orders.png`)),
      ...(await shoot(page, invoices, `review-${lang}-invoices.png`)),
    ];
    for (const text of expected) expect(shown, text).toContain(text);
    expect(shown.some((cell) => /^\d{4}-\d{2}-\d{2}$/.test(cell))).toBe(lang === "en");
    if (lang === "ja") {
      const allowed = /Shimebi|Demo|(INV|PO)-\d+/g;
      const english = shown.filter((cell) => /[A-Za-z]{2,}/.test(cell.replace(allowed, "")));
      expect(english).toEqual([]);
    }
    await page.close();
  }, 120_000);
});
