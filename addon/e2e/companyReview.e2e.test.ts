import { mkdirSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, requireTool } from "../../tools/testTools";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";
import { OWNER, SHOTS, shot, sidebarOf } from "./companyPage";

// The company's review of an invoice with a reduced-rate (8 %) item, on `npm start`'s dev
// page in Chromium: the figures show the consumption tax of each rate, as the qualified
// invoice prints it, never the whole tax under "10%", and the month reads 2026年11月
// (company-review-rates-*).

const PARTNER = "partner@demo.shimebi.test";
let server: RunningServer;
let browser: Browser;
let month: string;

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

/** Last month of the demo contract: 160 hours, a 3,240-yen book at 8 %, submitted. */
async function submitWithReducedRate(): Promise<string> {
  const contracts: { id: string; title: string }[] = await api(PARTNER, "GET", "/v1/me/contracts");
  const contract = contracts.find((c) => c.title === "Shimebi 開発支援");
  if (!contract) throw new Error("the demo contract Shimebi 開発支援 is missing");
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
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
  const draft = await api(PARTNER, "PUT", `${base}/invoice`, {
    extraItems: [{ name: "書籍代", amount: 3240, taxRate: 8 }],
  });
  await api(PARTNER, "POST", `/v1/invoices/${draft.id}/submit`, { confirmMonth: month });
  return month;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: requireTool(CHROMIUM),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  server = await startNodeServer();
  month = await submitWithReducedRate();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(["ja", "en"] as const)("the company's review of a reduced-rate item (%s)", (lang) => {
  it("shows the consumption tax of each rate", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.base}/dev/addon?as=${encodeURIComponent(OWNER)}&lang=${lang}`);
    const sidebar = await sidebarOf(page);
    await sidebar.waitForSelector("#review-select option:nth-child(2)", { state: "attached" });
    const option = await sidebar.$eval(
      "#review-select option:nth-child(2)",
      (o) => (o as HTMLOptionElement).value,
    );
    await sidebar.selectOption("#review-select", option);
    await sidebar.waitForSelector("#review-figures");
    const rows = await sidebar.$$eval("#review-figures tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
    const tax = (rate: number) =>
      lang === "ja" ? `消費税（${rate}%）` : `Consumption tax (${rate}%)`;
    // 1,000,000 yen of fee at 10 %, 3,240 yen of books at 8 % (259.2 -> 259).
    expect(rows.filter(([label]) => /^(消費税|Consumption tax)/.test(label ?? ""))).toEqual([
      [tax(10), "100,000円"],
      [tax(8), "259円"],
    ]);
    // The month as people read it: 2026年11月 in Japanese.
    const [year, mm] = month.split("-").map(Number);
    expect(await sidebar.textContent("#review-detail h3")).toBe(
      `田中 美咲 ／ ${lang === "ja" ? `${year}年${mm}月` : month}`,
    );
    await shot(page, sidebar, lang, `company-review-rates-${lang}`);
    await page.close();
  }, 120_000);
});
