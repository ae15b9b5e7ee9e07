import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, requireTool } from "../../tools/testTools";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { PNG_1X1 } from "../../worker/testing/files";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";

// The real sidebar (300 px, as Sheets shows it) in real Chromium, on `npm start`'s dev page
// (worker/dev/addonHost.ts), in Japanese and in English. The partner's month: a bad row and a
// row outside the contract refuse the invoice with the sheet rows named; put right, the draft
// is saved; a later bad edit refuses the submission until it is fixed; the submitted invoice
// carries exactly the sheet's estimate. The partner approves a purchase order from its
// document, after a confirmation. The company reviews the invoice (lines, attachments),
// returns it with a reason, and approves the resubmission after a confirmation. Each screen
// is saved under addon/e2e/screenshots/ and checked for JSON and for English in Japanese.

const PARTNER = "partner@demo.shimebi.test";
const OWNER = "owner@demo.shimebi.test";
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), "screenshots");

const tokyo = (date: Date, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", ...options }).format(date);
const today = tokyo(new Date(), { year: "numeric", month: "2-digit", day: "2-digit" });
const isoDay = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const [thisYear, thisMonth] = today.split("-").map(Number) as [number, number];
/** Last month: closed, so its invoice can be submitted (the demo contract began then). */
const month = isoDay(thisYear, thisMonth - 1, 1).slice(0, 7);
const [year, mm] = month.split("-").map(Number) as [number, number];
/** The last day of next month: a due date never in the past. */
const dueDate = isoDay(thisYear, thisMonth + 2, 0);
/** Before the contract began (it runs from last month): outside its period. */
const outside = isoDay(year, mm - 3, 10);

let browser: BrowserContext;
let profile = "";
const taken: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "shimebi-chromium-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: requireTool(CHROMIUM),
    viewport: { width: 1280, height: 900 },
    locale: "ja-JP",
    args: [
      "--headless",
      // Date fields in Japanese, as a Japanese user's Chrome shows them.
      "--lang=ja-JP",
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
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (taken.length > 0) console.log(`Screenshots:\n${taken.join("\n")}`);
});

async function sidebarOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("#sidebar");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the sidebar iframe has no frame");
  return frame;
}

async function text(frame: Frame | Page, selector: string, contains: string, timeout = 60_000) {
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
  // The dev grid is drawn again when any sidebar call ends, a background one too (an
  // estimate): type once none is running, and again if a redraw took the typing away.
  for (let attempt = 1; ; attempt++) {
    await settled(await sidebarOf(page));
    const saved = page.waitForResponse(
      (r) => r.url().includes("/dev/addon/sheet") && r.request().method() === "PUT",
      { timeout: 15_000 },
    );
    await page.fill(selector, value);
    await page.press(selector, "Tab");
    const status = await saved.then(
      (r) => r.status(),
      (error) => {
        if (attempt === 3) throw error;
        return 0;
      },
    );
    if (status !== 0) {
      expect(status).toBe(200);
      return;
    }
  }
}

async function cellValue(page: Page, row: number, column: number, expected: string) {
  await page.waitForFunction(
    ([s, v]) => (document.querySelector(s as string) as HTMLInputElement | null)?.value === v,
    [`#cell-R${row}C${column}`, expected],
  );
}

/** Wait until no button of the sidebar is busy (a call still running). */
async function settled(sidebar: Frame) {
  // A dialog open keeps its opener busy until it closes: that is settled too.
  const idle = () => !document.querySelector("button.busy") || !!document.querySelector(".overlay");
  await sidebar.waitForFunction(idle, undefined, {
    timeout: 60_000,
  });
}

/**
 * The sidebar as it shows now, the iframe stretched to its content, saved at 300 px; and what
 * it says, checked: no JSON, no stack, no <pre>; in Japanese, no English words but for the
 * few the product prints (yen amounts, dates, numbers, ids).
 */
async function shot(page: Page, lang: "ja" | "en", name: string, withSheet = false) {
  const sidebar = await sidebarOf(page);
  await settled(sidebar);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, hidden parts left out
  const shown = await sidebar.evaluate(() => document.body.innerText);
  expect(shown).not.toMatch(/[{[]\s*"\w+"\s*:|"code"|"issues"|at \w+ \(|Error:/);
  expect(await sidebar.$$("pre")).toHaveLength(0);
  if (lang === "ja") {
    // The few Latin letters the product prints in Japanese too: names (the demo company is
    // "Demo"), formats, numbers.
    const allowed =
      /https?:\S+|T\d{13}|PDF|JPEG|PNG|Excel|API|URL|Shimebi|Demo|KB|(INV|PO)-[\w-]+|\.png|\.pdf/g;
    const english = shown
      .split(/\s+/)
      .filter((word) => /[A-Za-z]{2,}/.test(word.replace(allowed, "")));
    expect(english, `English in the Japanese sidebar (${name})`).toEqual([]);
  } else {
    expect(shown).toMatch(/[A-Za-z]/);
  }
  await page.evaluate(() => {
    const frame = document.getElementById("sidebar") as HTMLIFrameElement;
    const inner = frame.contentDocument?.documentElement;
    frame.style.height = `${Math.max(900, inner?.scrollHeight ?? 0)}px`;
  });
  const path = join(
    SHOTS,
    `${lang}-${String(taken.filter((t) => t.includes(`/${lang}-`)).length + 1).padStart(2, "0")}-${name}.png`,
  );
  if (withSheet) {
    // Wide enough for every column of the sheet, the day and worked columns too.
    await page.setViewportSize({ width: 1900, height: 900 });
    await page.screenshot({ path, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  } else await page.locator("#sidebar").screenshot({ path });
  await page.evaluate(() => {
    (document.getElementById("sidebar") as HTMLIFrameElement).style.height = "";
  });
  taken.push(path);
}

async function api(base: string, as: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await devIdToken(as)}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as Record<string, unknown>;
  expect(response.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json as Record<string, unknown> & { id: string };
}

/** The company sends the demo partner a second contract's purchase order to approve. */
async function sendOrder(base: string) {
  const me = (await api(base, OWNER, "GET", "/v1/me")) as unknown as {
    memberships: { companyId: string }[];
  };
  const companyId = me.memberships[0]?.companyId ?? "";
  const groups = (await api(
    base,
    OWNER,
    "GET",
    `/v1/companies/${companyId}/groups`,
  )) as unknown as {
    id: string;
  }[];
  const groupId = groups[0]?.id ?? "";
  const existing = (await api(
    base,
    OWNER,
    "GET",
    `/v1/groups/${groupId}/contracts`,
  )) as unknown as {
    partnerUserId: string;
  }[];
  const contract = await api(base, OWNER, "POST", `/v1/groups/${groupId}/contracts`, {
    title: "保守運用",
    partnerUserId: existing[0]?.partnerUserId,
    contractType: "quasiMandate",
    scope: "本番環境の保守運用",
    workPlace: "リモート",
    startDate: today,
    endDate: isoDay(thisYear, thisMonth + 3, 0),
    closingDay: 31,
    paymentTerms: { monthsAfter: 1, day: 31 },
    billingMode: "invoice",
    settlementUnit: 15,
    conditions: {
      costCategories: [
        {
          id: "ops",
          name: "保守",
          type: "monthlyRange",
          monthlyFee: 600000,
          lowerHours: 100,
          upperHours: 140,
          excessRate: 5000,
          deductionRate: 6000,
        },
      ],
    },
  });
  const order = await api(base, OWNER, "POST", `/v1/contracts/${contract.id}/orders`, {});
  await api(base, OWNER, "POST", `/v1/orders/${order.id}/send`);
}

describe.each(["ja", "en"] as const)("the sidebar in Chromium at 300 px (%s)", (lang) => {
  let server: RunningServer;
  const words =
    lang === "ja"
      ? {
          row: (n: number) => `${n}行目`,
          draft: "下書き",
          review: "請求書確認中",
          returned: "差し戻し",
          approved: "承認済み",
          agree: "一致しています",
          unsynced: "未同期の行",
          readOnly: "変更できません",
          saved: "ドライブに保存しました",
          none: "確認待ちの請求書はありません",
          address: "住所",
        }
      : {
          row: (n: number) => `Row ${n}`,
          draft: "Draft",
          review: "Under review",
          returned: "Returned",
          approved: "Approved",
          agree: "agree",
          unsynced: "Rows not synced",
          readOnly: "no longer be changed",
          saved: "Saved to Drive",
          none: "Nothing to review",
          address: "address",
        };

  beforeAll(async () => {
    server = await startNodeServer();
    await sendOrder(server.base);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
  });

  async function open(as: string): Promise<{ page: Page; sidebar: Frame }> {
    const page = await browser.newPage();
    page.on("pageerror", (error) => console.error(`page error (${as}):`, error));
    await page.goto(`${server.base}/dev/addon?as=${encodeURIComponent(as)}&lang=${lang}`);
    return { page, sidebar: await sidebarOf(page) };
  }

  it("walks the partner's month, the order approval and the company's review", async () => {
    // 1. The partner makes this month's timesheet.
    const { page, sidebar } = await open(PARTNER);
    await text(sidebar, "#contract", "Shimebi 開発支援");
    const demo = await sidebar.$$eval("#contract option", (options) =>
      options.find((o) => o.textContent?.includes("Shimebi 開発支援"))?.getAttribute("value"),
    );
    await sidebar.selectOption("#contract", demo ?? "");
    expect(await sidebar.inputValue("#month")).toBe(today.slice(0, 7));
    await sidebar.selectOption("#month", month);
    await shot(page, lang, "partner-create");
    await sidebar.click("#create");
    await cellValue(page, 2, 1, `${month}-01`);
    await text(sidebar, "#invoice-status", lang === "ja" ? "未作成" : "Not made");

    // 2. Three good days, a row ending before it starts, a row outside the contract.
    for (const row of [2, 3, 4]) {
      await typeCell(page, row, 3, "900");
      await typeCell(page, row, 4, "1830");
      await typeCell(page, row, 5, "60");
    }
    await cellValue(page, 4, 4, "18:30");
    await typeCell(page, 5, 3, "900");
    await typeCell(page, 5, 4, "0800");
    await typeCell(page, 6, 1, outside);
    await typeCell(page, 6, 3, "1000");
    await typeCell(page, 6, 4, "1200");
    await sidebar.click("#check");
    await text(sidebar, "#sync-state", words.row(5));
    // The check's note warns rather than ticks while rows have errors.
    await text(sidebar, "#timesheet-result", "⚠");
    expect(await sidebar.textContent("#timesheet-result")).not.toContain("✓");
    // Sync refuses the month; what it says stays beside the button once the panels redraw.
    await sidebar.click("#sync");
    await settled(sidebar);
    expect(await sidebar.textContent("#timesheet-result")).toContain(words.row(6));
    await shot(page, lang, "partner-bad-rows", true);

    // 3. The draft is refused, naming both sheet rows and why.
    await sidebar.click("#invoice-save");
    await text(sidebar, "#invoice-result", words.row(5));
    await text(sidebar, "#invoice-result", words.row(6));
    await shot(page, lang, "partner-refused-rows");

    // 4. Put right: the draft is saved from the synced sheet; sheet and server agree.
    await typeCell(page, 5, 4, "1830");
    await typeCell(page, 6, 1, `${month}-05`);
    // The issuer starts from the partner's settings: the qualified invoice's 登録番号 too.
    expect(await sidebar.inputValue("#invoice-issuer-number")).toBe("T7000012050002");
    expect(await sidebar.inputValue("#invoice-issuer-address")).toBe("東京都千代田区丸の内1-1-1");
    await sidebar.check("#invoice-withholding");
    await sidebar.click("#invoice-expenses-add");
    await sidebar.fill("#invoice-expenses .item-name", lang === "ja" ? "交通費" : "Train");
    // A negative amount is refused beside the row, in words, without the API's field path.
    await sidebar.fill("#invoice-expenses .item-amount", "-1240");
    await sidebar.click("#invoice-save");
    const refused = await text(
      sidebar,
      "#invoice .field-error",
      lang === "ja" ? "0以上にしてください" : "Must be 0 or more",
    );
    expect(refused).not.toContain("expenses.0");
    await sidebar.fill("#invoice-expenses .item-amount", "1240");
    await sidebar.fill("#invoice-due", dueDate);
    // A sync redraws the invoice panel: what was typed there and not saved yet stays.
    await sidebar.click("#sync");
    await settled(sidebar);
    expect(await sidebar.inputValue("#invoice-expenses .item-amount")).toBe("1240");
    expect(await sidebar.inputValue("#invoice-due")).toBe(dueDate);
    expect(await sidebar.isChecked("#invoice-withholding")).toBe(true);
    await sidebar.click("#invoice-save");
    await text(sidebar, "#invoice-status", words.draft);
    await text(sidebar, "#agreement", words.agree);
    await text(sidebar, "#invoice-figures", "1,240");
    await shot(page, lang, "partner-draft");

    // A business report attached to the draft.
    await sidebar.setInputFiles("#attach-file", {
      name: lang === "ja" ? "業務報告.png" : "report.png",
      mimeType: "image/png",
      buffer: Buffer.from(PNG_1X1),
    });
    await text(sidebar, "#invoice-attachments", ".png");

    // 5. An unsynced edit and a bad one after the draft: shown, and Submit refused by row.
    await typeCell(page, 7, 3, "1000");
    await typeCell(page, 7, 4, "1500");
    await typeCell(page, 3, 4, "0700");
    await sidebar.click("#recalculate");
    await text(sidebar, "#sync-state", words.unsynced);
    await sidebar.fill("#invoice-confirm", month);
    await sidebar.click("#invoice-submit");
    await text(sidebar, "#invoice-result", words.row(3));
    expect(await sidebar.textContent("#invoice-status")).toContain(words.draft);
    await shot(page, lang, "partner-submit-refused");

    // 6. Fixed: submitted; its figures are the sheet's estimate, the invoice read-only.
    await typeCell(page, 3, 4, "1830");
    await sidebar.fill("#invoice-confirm", month);
    await sidebar.click("#invoice-submit");
    await text(sidebar, "#invoice-status", words.review);
    await text(sidebar, "#agreement", words.agree);
    const estimate = await text(sidebar, "#offline-payable", "円");
    expect(await sidebar.textContent("#invoice-figures-payable")).toBe(estimate);
    expect(await sidebar.textContent("#invoice-figures-total")).toBe(
      await sidebar.textContent("#offline-total"),
    );
    await text(sidebar, "#invoice-read-only", words.readOnly);
    expect(await sidebar.isDisabled("#invoice-submit")).toBe(true);
    expect(await sidebar.isDisabled("#invoice-withholding")).toBe(true);
    const mine = (await api(
      server.base,
      PARTNER,
      "GET",
      `/v1/me/invoices?month=${month}`,
    )) as unknown as {
      items: { id: string; status: string; total: number }[];
    };
    expect(mine.items.map((i) => i.status)).toEqual(["underReview"]);
    const sent = (await api(
      server.base,
      PARTNER,
      "GET",
      `/v1/invoices/${mine.items[0]?.id}`,
    )) as unknown as { inputs: { issuer: Record<string, string> } };
    expect(sent.inputs.issuer).toMatchObject({
      registrationNumber: "T7000012050002",
      address: "東京都千代田区丸の内1-1-1",
      phone: "03-1234-5678",
    });
    await sidebar.click("#invoice-pdf");
    await text(sidebar, "#invoice-pdf-saved", words.saved);
    await shot(page, lang, "partner-submitted");

    // 7. The purchase order: its document in a dialog; approval needs the details and a yes.
    await sidebar.click("#orders .order-open");
    await text(sidebar, "#order-document", "保守");
    await text(sidebar, "#order-lines", "600,000");
    await sidebar.fill("#order-address", "東京都千代田区丸の内1-1-1");
    await sidebar.fill("#order-phone", "03-1234-5678");
    expect(await sidebar.isDisabled("#order-approve")).toBe(true);
    await sidebar.check("#order-agree");
    await shot(page, lang, "partner-order-dialog");
    await sidebar.click("#order-approve");
    await text(sidebar, "#orders-result", words.approved);
    await shot(page, lang, "partner-order-approved");

    // 8. The company: nothing chosen at first; the invoice's lines and attachments; return.
    const owner = await open(OWNER);
    await owner.sidebar.waitForSelector("#review-select");
    expect(await owner.sidebar.inputValue("#review-select")).toBe("");
    expect(await owner.sidebar.$("#review-approve")).toBeNull();
    await shot(owner.page, lang, "company-list");
    const option = await owner.sidebar.$eval(
      "#review-select option:nth-child(2)",
      (o) => (o as HTMLOptionElement).value,
    );
    await owner.sidebar.selectOption("#review-select", option);
    await text(owner.sidebar, "#review-figures", estimate);
    await text(owner.sidebar, "#review-attachments", ".png");
    // Each attached file opens from the review (an image in a dialog over the sheet).
    const opener = owner.sidebar.locator("#review-attachments button").first();
    expect(await opener.textContent()).toBe(lang === "ja" ? "開く" : "Open");
    await opener.click();
    await owner.sidebar.waitForFunction(() => {
      const button = document.querySelector("#review-attachments button");
      return button !== null && button.getAttribute("aria-busy") !== "true";
    });
    expect((await owner.sidebar.textContent("#review-result")) ?? "").toBe("");
    await shot(owner.page, lang, "company-invoice");
    await owner.sidebar.click("#review-return");
    await owner.sidebar.click("#return-dialog-confirm");
    await text(owner.sidebar, "#return-dialog-problem", lang === "ja" ? "理由" : "reason");
    await owner.sidebar.fill(
      "#return-dialog-reason",
      lang === "ja" ? "交通費の領収書を添付してください" : "Attach the train receipt",
    );
    await shot(owner.page, lang, "company-return-reason");
    await owner.sidebar.click("#return-dialog-confirm");
    await text(owner.sidebar, "#review-status", words.returned);

    // 9. The partner sees the reason and resubmits; the company approves after a yes.
    await page.reload();
    const again = await sidebarOf(page);
    await text(again, "#invoice-status", words.returned);
    await text(again, "#invoice-reason", lang === "ja" ? "領収書" : "receipt");
    await again.fill("#invoice-confirm", month);
    await again.click("#invoice-submit");
    await text(again, "#invoice-status", words.review);
    await owner.page.reload();
    const review = await sidebarOf(owner.page);
    await review.waitForSelector("#review-select");
    const resubmitted = await review.$eval(
      "#review-select option:nth-child(2)",
      (o) => (o as HTMLOptionElement).value,
    );
    await review.selectOption("#review-select", resubmitted);
    await review.click("#review-approve");
    await review.waitForSelector("#approve-dialog");
    await shot(owner.page, lang, "company-approve-confirm");
    await review.click("#approve-dialog-confirm");
    await text(review, "#review-status", words.approved);
    await text(review, "#review-list", words.none);
    await shot(owner.page, lang, "company-approved");
    const after = (await api(
      server.base,
      PARTNER,
      "GET",
      `/v1/me/invoices?month=${month}`,
    )) as unknown as {
      items: { status: string }[];
    };
    expect(after.items.map((i) => i.status)).toEqual(["approved"]);

    // 10. The next month's invoice starts with the approved invoice's withholding ticked.
    await page.reload();
    const next = await sidebarOf(page);
    await next.waitForSelector("#contract option", { state: "attached" });
    await next.selectOption("#contract", demo ?? "");
    await next.selectOption("#month", today.slice(0, 7));
    await next.click("#create");
    await text(next, "#invoice-status", lang === "ja" ? "未作成" : "Not made");
    await text(next, "h2", today.slice(0, 7));
    await next.waitForFunction(
      () => (document.getElementById("invoice-withholding") as HTMLInputElement | null)?.checked,
    );
  }, 300_000);
});
