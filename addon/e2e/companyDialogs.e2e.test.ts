import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, requireTool } from "../../tools/testTools";
import { menuAnnualStatements, menuJournalExport, menuPaymentRun } from "../server/index";
import { installGas } from "../testing";
import { companyApi, item, RUN, STATEMENTS } from "../testing/companyApi";
import { API_BASE } from "../testing/fixtures";

// The dialogs of the company's 支払 and 支払調書 menu items, drawn by Chromium at the width
// Apps Script gives them, in Japanese and English: screenshots committed under
// addon/e2e/screenshots/, and their text read back (sentences, no JSON, no English in the
// Japanese ones).

const SHOTS = join(import.meta.dirname, "screenshots");
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: requireTool(CHROMIUM),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  mkdirSync(SHOTS, { recursive: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

/** Runs a menu item on the stand-ins and returns the dialog's HTML. */
async function dialogOf(
  locale: string,
  run: () => unknown,
  answer: string | string[],
  problem = false,
) {
  const gas = installGas({ locale, identityToken: "t" });
  try {
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    const message =
      locale === "ja"
        ? "田中 美咲（INV-000001）：口座名義「田中 美咲」は振込に使えない文字を含みます。カナ・英大文字・数字・スペース・( ) . - / で登録してください"
        : 'Tanaka Misaki (INV-000001): the holder name "田中 美咲" has characters a transfer cannot carry';
    const issue = { path: "items.0.holderName", message };
    const runBody = problem
      ? { ...RUN, items: [item({ problems: [issue] })], problems: [issue] }
      : { ...RUN, overseas: [item({ id: "item-2", channel: "overseas" })] };
    gas.setFetch(companyApi(runBody, STATEMENTS));
    gas.ui.answers.push(...[answer].flat());
    run();
    const dialog = gas.ui.dialogs[0];
    expect(dialog).toBeDefined();
    return { title: dialog?.title ?? "", html: dialog?.output.getContent() ?? "" };
  } finally {
    await gas.uninstall();
  }
}

/** The dev page's Japanese font, as Google's dialogs have one: this Chromium has none. */
const FONT = readFileSync(
  createRequire(import.meta.url).resolve(
    "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  ),
);
const STYLE = `<style>@font-face { font-family: "Noto Sans JP"; src: url(https://fonts.test/jp.ttf) format("truetype"); }
* { font-family: "Noto Sans JP", sans-serif !important; }</style>`;

async function shoot(name: string, dialog: { title: string; html: string }) {
  const page = await browser.newPage({ viewport: { width: 420, height: 320 } });
  await page.route("https://fonts.test/jp.ttf", (route) =>
    route.fulfill({ body: FONT, contentType: "font/ttf" }),
  );
  await page.setContent(
    `<!doctype html><html lang="ja"><meta charset="utf-8">${STYLE}<body style="margin:16px"><h3 style="font-size:15px">${dialog.title}</h3>${dialog.html}</body></html>`,
  );
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const text = (await page.textContent("body")) ?? "";
  await page.close();
  expect(text).not.toMatch(/[{}[\]]|"code"|undefined|null/);
  return text;
}

/** English words a Japanese screen may hold: product and file names. */
const ALLOWED = /Google|sogofurikomi|txt|pdf|INV|freee|CSV|Shift_JIS|journal|csv/g;

describe("the company's dialogs", () => {
  it("payment run: the file and its link, or the problems (ja, en)", async () => {
    const ja = await shoot(
      "company-payment-run-ja",
      await dialogOf("ja", menuPaymentRun, "2026-02-27"),
    );
    expect(ja).toContain("2026-02-27　振込ファイル：1件 50,625円");
    expect(ja).toContain("1件は海外口座への支払のため振込ファイルに含まれません");
    expect(ja.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
    const problem = await shoot(
      "company-payment-run-problems-ja",
      await dialogOf("ja", menuPaymentRun, "2026-02-27", true),
    );
    expect(problem).toContain("振込ファイルは作成していません");
    expect(problem).toContain("口座名義「田中 美咲」は振込に使えない文字を含みます");
    const en = await shoot(
      "company-payment-run-en",
      await dialogOf("en_US", menuPaymentRun, "2026-02-27"),
    );
    expect(en).toContain("2026-02-27: transfer file of 1 transfer(s), 50,625 yen");
    expect(en).toContain("Open in Google Drive to download");
  }, 60_000);

  it("支払調書: the year's payees and the PDF's link (ja, en)", async () => {
    const ja = await shoot(
      "company-statements-ja",
      await dialogOf("ja", menuAnnualStatements, "2026"),
    );
    expect(ja).toContain("2026年分　提出対象 1名（957,000円）／対象外 1名");
    expect(ja).toContain("支払調書 PDF を Google ドライブで開く");
    expect(ja.replace(ALLOWED, "").replace("PDF", "")).not.toMatch(/[A-Za-z]{2,}/);
    const en = await shoot(
      "company-statements-en",
      await dialogOf("en_US", menuAnnualStatements, "2026"),
    );
    expect(en).toContain("2026: 1 payee(s) to report (957,000 yen), 1 left out");
  }, 60_000);

  it("仕訳 CSV: the file's link and how to import it (ja, en)", async () => {
    const ja = await shoot(
      "company-journal-ja",
      await dialogOf("ja", menuJournalExport, ["1", "2026-01"]),
    );
    expect(ja).toContain("freee会計　2026-01-01〜2026-01-31");
    expect(ja).toContain("仕訳 CSV（Shift_JIS）を Google ドライブで開いてダウンロード");
    expect(ja.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
    const en = await shoot(
      "company-journal-en",
      await dialogOf("en_US", menuJournalExport, ["3", "2026-01-01 2026-03-31"]),
    );
    expect(en).toContain(
      "Import the downloaded file with your accounting software's journal import.",
    );
  }, 60_000);
});
