import { describe, expect, it } from "vitest";
import {
  CHROMIUM,
  candidates,
  installCommand,
  locate,
  type Machine,
  missingMessage,
  PDFTOPPM,
} from "./testTools";

/** A machine with exactly these files and directories. */
function machine(files: string[], env: Record<string, string> = {}, extra: Partial<Machine> = {}) {
  const set = new Set(files);
  return {
    env: { PATH: "/usr/local/bin:/usr/bin", ...env },
    exists: (path: string) => set.has(path),
    list: (dir: string) => {
      const prefix = `${dir}/`;
      return [
        ...new Set(
          files
            .filter((f) => f.startsWith(prefix))
            .map((f) => f.slice(prefix.length).split("/")[0] ?? ""),
        ),
      ];
    },
    home: "/home/dev",
    ...extra,
  } satisfies Machine;
}

const CACHE = "/home/dev/.cache/ms-playwright";

describe("finding Chromium", () => {
  it("looks at CHROMIUM_PATH, Debian's chromium, then Playwright's cache, newest first", () => {
    const m = machine(
      [
        `${CACHE}/chromium-1100/chrome-linux/chrome`,
        `${CACHE}/chromium-1255/chrome-linux64/chrome`,
      ],
      {
        CHROMIUM_PATH: "/opt/chrome/chrome",
      },
      { playwrightChromium: `${CACHE}/chromium-1300/chrome-linux64/chrome` },
    );
    expect(candidates(CHROMIUM, m)).toEqual([
      "/opt/chrome/chrome",
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      `${CACHE}/chromium-1300/chrome-linux64/chrome`,
      `${CACHE}/chromium-1255/chrome-linux64/chrome`,
      `${CACHE}/chromium-1255/chrome-linux/chrome`,
      `${CACHE}/chromium-1100/chrome-linux64/chrome`,
      `${CACHE}/chromium-1100/chrome-linux/chrome`,
    ]);
  });

  it("takes the first that exists", () => {
    const cached = `${CACHE}/chromium-1255/chrome-linux64/chrome`;
    expect(locate(CHROMIUM, machine([cached, "/usr/bin/chromium"]))).toBe("/usr/bin/chromium");
    expect(locate(CHROMIUM, machine([cached]))).toBe(cached);
    expect(locate(CHROMIUM, machine(["/opt/c"], { CHROMIUM_PATH: "/opt/c" }))).toBe("/opt/c");
    expect(locate(CHROMIUM, machine([]))).toBeNull();
  });

  it("honours PLAYWRIGHT_BROWSERS_PATH for the cache", () => {
    const chrome = "/srv/pw/chromium-1255/chrome-linux64/chrome";
    expect(locate(CHROMIUM, machine([chrome], { PLAYWRIGHT_BROWSERS_PATH: "/srv/pw" }))).toBe(
      chrome,
    );
  });

  it("does not fall back past a CHROMIUM_PATH that does not exist", () => {
    expect(
      locate(CHROMIUM, machine(["/usr/bin/chromium"], { CHROMIUM_PATH: "/typo/chrome" })),
    ).toBeNull();
  });
});

describe("finding pdftoppm", () => {
  it("looks at PDFTOPPM_PATH, then PATH, then /usr/bin", () => {
    expect(candidates(PDFTOPPM, machine([], { PDFTOPPM_PATH: "/opt/p" }))).toEqual([
      "/opt/p",
      "/usr/local/bin/pdftoppm",
      "/usr/bin/pdftoppm",
    ]);
    expect(locate(PDFTOPPM, machine(["/usr/bin/pdftoppm"]))).toBe("/usr/bin/pdftoppm");
  });
});

describe("when something is missing", () => {
  it("says exactly what to run, with sudo when not root", () => {
    const m = machine([]);
    const message = missingMessage([CHROMIUM, PDFTOPPM], m, false);
    expect(message).toContain(
      "  sudo apt-get update && sudo apt-get install -y chromium poppler-utils",
    );
    expect(message).toContain(
      "- Chromium: not found (looked in /usr/bin/chromium, /usr/bin/chromium-browser)",
    );
    expect(message).toContain(
      "- pdftoppm: not found (looked in /usr/local/bin/pdftoppm, /usr/bin/pdftoppm)",
    );
    expect(message).toContain("or point CHROMIUM_PATH / PDFTOPPM_PATH at an installed executable.");
    expect(installCommand([PDFTOPPM], true)).toBe(
      "apt-get update && apt-get install -y poppler-utils",
    );
  });

  it("names a CHROMIUM_PATH that points nowhere", () => {
    const message = missingMessage(
      [CHROMIUM],
      machine([], { CHROMIUM_PATH: "/typo/chrome" }),
      true,
    );
    expect(message).toContain("- Chromium: CHROMIUM_PATH=/typo/chrome does not exist");
    expect(message).toContain("  apt-get update && apt-get install -y chromium\n");
  });
});
