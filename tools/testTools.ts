import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { chromium } from "playwright-core";

// The programs the tests drive besides Node: Chromium (the sidebar in a real browser) and
// pdftoppm (documents rendered to PNG and read back). `npm test` finds them here before
// anything runs (tools/pretest.ts); the tests ask the same functions for the paths.

export interface Tool {
  name: string;
  /** The environment variable that names the executable, checked first. */
  envVar: string;
  /** The Debian package that provides it. */
  debianPackage: string;
}

export const CHROMIUM: Tool = {
  name: "Chromium",
  envVar: "CHROMIUM_PATH",
  debianPackage: "chromium",
};
export const PDFTOPPM: Tool = {
  name: "pdftoppm",
  envVar: "PDFTOPPM_PATH",
  debianPackage: "poppler-utils",
};
export const TEST_TOOLS = [CHROMIUM, PDFTOPPM] as const;

export interface Machine {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  /** Directory entries, [] when it does not exist. */
  list(dir: string): string[];
  home: string;
  /** Where the installed playwright-core expects its own Chromium, if it says. */
  playwrightChromium?: string;
}

/**
 * Where each tool is looked for, in order. Chromium: CHROMIUM_PATH, Debian's
 * /usr/bin/chromium (and chromium-browser), then Playwright's cache (PLAYWRIGHT_BROWSERS_PATH
 * or ~/.cache/ms-playwright): the revision playwright-core expects, then any other.
 * pdftoppm: PDFTOPPM_PATH, then each directory on PATH, then /usr/bin.
 */
export function candidates(tool: Tool, machine: Machine): string[] {
  const named = machine.env[tool.envVar];
  const first = named ? [named] : [];
  if (tool === CHROMIUM) {
    const cache =
      machine.env.PLAYWRIGHT_BROWSERS_PATH || join(machine.home, ".cache", "ms-playwright");
    const cached = machine
      .list(cache)
      .filter((entry) => /^chromium-\d+$/.test(entry))
      .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)))
      .flatMap((entry) => [
        join(cache, entry, "chrome-linux64", "chrome"),
        join(cache, entry, "chrome-linux", "chrome"),
      ]);
    return unique([
      ...first,
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      ...(machine.playwrightChromium ? [machine.playwrightChromium] : []),
      ...cached,
    ]);
  }
  const onPath = (machine.env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, "pdftoppm"));
  return unique([...first, ...onPath, "/usr/bin/pdftoppm"]);
}

const unique = (paths: string[]) => [...new Set(paths)];

/** The first candidate that exists, or null. A named path that is missing is not skipped over. */
export function locate(tool: Tool, machine: Machine): string | null {
  const named = machine.env[tool.envVar];
  if (named) return machine.exists(named) ? named : null;
  return candidates(tool, machine).find((path) => machine.exists(path)) ?? null;
}

/** What to run to get the missing tools, as a person would type it. */
export function installCommand(missing: readonly Tool[], root: boolean): string {
  const packages = missing.map((tool) => tool.debianPackage).join(" ");
  const sudo = root ? "" : "sudo ";
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${packages}`;
}

/** The message `npm test` stops with when a tool is missing and cannot be installed here. */
export function missingMessage(missing: readonly Tool[], machine: Machine, root: boolean): string {
  const lines = missing.map((tool) => {
    const named = machine.env[tool.envVar];
    return named
      ? `- ${tool.name}: ${tool.envVar}=${named} does not exist`
      : `- ${tool.name}: not found (looked in ${candidates(tool, machine).join(", ")})`;
  });
  return [
    "The tests need programs that are not installed:",
    ...lines,
    "Install them with Debian's packages:",
    `  ${installCommand(missing, root)}`,
    `or point ${missing.map((tool) => tool.envVar).join(" / ")} at an installed executable.`,
  ].join("\n");
}

/** This machine, as the functions above see it. */
export function thisMachine(): Machine {
  return {
    env: process.env,
    exists: existsSync,
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    home: homedir(),
    playwrightChromium: playwrightChromium(),
  };
}

function playwrightChromium(): string | undefined {
  try {
    // The revision the installed playwright-core was built for, in Playwright's cache.
    return chromium.executablePath() || undefined;
  } catch {
    return undefined;
  }
}

/** The path of a tool for a test, or an error saying exactly what to run. */
export function requireTool(tool: Tool): string {
  const machine = thisMachine();
  const path = locate(tool, machine);
  if (path) return path;
  throw new Error(missingMessage([tool], machine, process.getuid?.() === 0));
}
