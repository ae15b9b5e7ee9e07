import { mkdirSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, requireTool } from "../../tools/testTools";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";
import { checkText, OWNER, SHOTS, shot, sidebarOf } from "./companyPage";

// The company's 発注書の送付 in the real sidebar (300 px) on `npm start`'s dev page, in
// Japanese and English: the seeded draft order and a new one listed with partner, months and
// amount, sent after a confirmation, the button busy meanwhile; a member's refusal shown as a
// sentence under the order. Screenshots under addon/e2e/screenshots/ (company-send-*).

const MEMBER = "member@demo.shimebi.test";
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

// biome-ignore lint/suspicious/noExplicitAny: the test reads the API's JSON by path
async function api(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await devIdToken(OWNER)}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return response.json();
}

/** A contract of the demo partner from next month, three months of 600,000 yen, order drafted. */
async function draftOrder(title: string) {
  const me = await api("GET", "/v1/me");
  const [group] = await api("GET", `/v1/companies/${me.memberships[0].companyId}/groups`);
  const [member] = (await api("GET", `/v1/groups/${group.id}/members`)).filter(
    (m: { role: string }) => m.role === "partner",
  );
  const now = new Date();
  const day = (m: number, d: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, d)).toISOString().slice(0, 10);
  await api("POST", `/v1/groups/${group.id}/contracts/bulk`, {
    rows: [
      {
        title,
        partnerUserId: member.userId,
        contractType: "quasiMandate",
        scope: "サーバーの監視と保守",
        startDate: day(1, 1),
        endDate: day(4, 0),
        closingDay: 31,
        paymentTerms: { monthsAfter: 1, day: 31 },
        conditions: {
          costCategories: [{ id: "ops", name: "保守", type: "monthly", monthlyFee: 600000 }],
        },
      },
    ],
  });
}

// Japanese titles in both languages: each test's data stays on the server, and the Japanese
// screens shown later must hold no English.
const TITLES = { ja: "サーバー保守（一）", en: "サーバー保守（二）" };

describe.each(["ja", "en"] as const)("the company's purchase orders to send (%s)", (lang) => {
  it("lists the draft with its figures and sends it after a confirmation", async () => {
    await draftOrder(TITLES[lang]);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.base}/dev/addon?as=${encodeURIComponent(OWNER)}&lang=${lang}`);
    const sidebar = await sidebarOf(page);
    if (lang === "ja") {
      // The demo's own draft (npm start seeds it) is listed too.
      await sidebar.locator(".order-item", { hasText: "Shimebi 運用サポート" }).waitFor();
    }
    const item = sidebar.locator(".order-item", { hasText: TITLES[lang] });
    await item.waitFor({ timeout: 60_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, cells apart
    const shown = (await item.innerText()).replace(/\s+/g, " ");
    expect(shown).toContain(lang === "ja" ? "下書き" : "Draft");
    expect(shown).toContain(
      lang === "ja" ? "合計（税抜） 1,800,000円" : "Total before tax 1,800,000円",
    );
    const month = (m: number) => {
      const d = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + m, 1));
      const [y, mm] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
      return lang === "ja" ? `${y}年${mm}月` : `${y}-${String(mm).padStart(2, "0")}`;
    };
    const span = `${month(1)}〜${month(3)}`;
    expect(shown).toContain(lang === "ja" ? `${span}（3か月）` : `${span} (3 months)`);
    await sidebar.locator("#send-orders").scrollIntoViewIfNeeded();
    await shot(page, sidebar, lang, `company-send-orders-${lang}`);

    await item.locator("button.order-send").click();
    await sidebar.waitForSelector("#send-order-dialog");
    expect(await item.locator("button.order-send").isDisabled()).toBe(true);
    await shot(page, sidebar, lang, `company-send-order-confirm-${lang}`);
    await sidebar.click("#send-order-dialog-confirm");
    const status = sidebar.locator("#send-orders-status");
    await status.waitFor({ timeout: 60_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown
    expect(await status.innerText()).toMatch(
      lang === "ja" ? /^PO-\d{6} を送付しました（確認中）$/ : /^PO-\d{6} sent \(Under review\)$/,
    );
    await sidebar.waitForFunction(
      (title) => !document.querySelector("#send-orders-list")?.textContent?.includes(title),
      TITLES[lang],
    );
    await shot(page, sidebar, lang, `company-send-orders-sent-${lang}`);
    await page.close();
  }, 120_000);

  it("shows a refusal as sentences under the order: a member may not send", async () => {
    const title = lang === "ja" ? "社員には送れない発注（一）" : "社員には送れない発注（二）";
    await draftOrder(title);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.base}/dev/addon?as=${encodeURIComponent(MEMBER)}&lang=${lang}`);
    const sidebar = await sidebarOf(page);
    const item = sidebar.locator(".order-item", { hasText: title });
    await item.waitFor({ timeout: 60_000 });
    await item.locator("button.order-send").click();
    await sidebar.click("#send-order-dialog-confirm");
    const problem = item.locator(".order-problem");
    await problem.locator("p").first().waitFor({ timeout: 60_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown
    const said = await problem.innerText();
    expect(said.length).toBeGreaterThan(5);
    checkText(said, lang, "refusal");
    await item.scrollIntoViewIfNeeded();
    await shot(page, sidebar, lang, `company-send-order-refused-${lang}`);
    await page.close();
  }, 120_000);
});
