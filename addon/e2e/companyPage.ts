import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { expect } from "vitest";

// What the company's e2e tests share: the sidebar of the dev page, its text checked (no
// JSON, no English in Japanese), its screenshot at the sidebar's width.

export const OWNER = "owner@demo.shimebi.test";
export const SHOTS = join(import.meta.dirname, "screenshots");

export async function sidebarOf(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector("#sidebar")).contentFrame();
  if (!frame) throw new Error("the sidebar iframe has no frame");
  return frame;
}

/** What a Japanese screen may show in Latin letters: names, order numbers. */
const ALLOWED = /Shimebi|Demo|API|URL|https?:\S+|PO-\d+|INV-[\w-]+|T\d{13}/g;

export function checkText(shown: string, lang: "ja" | "en", name: string) {
  expect(shown, name).not.toMatch(/[{[]\s*"\w+"\s*:|"code"|"issues"|Error:|undefined|NaN/);
  if (lang === "ja") {
    const english = shown.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w.replace(ALLOWED, "")));
    expect(english, `English in the Japanese screen (${name})`).toEqual([]);
  }
}

/** The sidebar's section as shown, saved at the sidebar's width. */
export async function shot(page: Page, sidebar: Frame, lang: "ja" | "en", name: string) {
  // Settled: no call running, or a dialog open (its opener stays busy until it closes).
  await sidebar.waitForFunction(
    () => !document.querySelector("button.busy") || !!document.querySelector(".overlay"),
  );
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown
  checkText(await sidebar.evaluate(() => document.body.innerText), lang, name);
  await page.evaluate(() => {
    const frame = document.getElementById("sidebar") as HTMLIFrameElement;
    frame.style.height = `${Math.max(900, frame.contentDocument?.documentElement.scrollHeight ?? 0)}px`;
  });
  await page.locator("#sidebar").screenshot({ path: join(SHOTS, `${name}.png`) });
}
