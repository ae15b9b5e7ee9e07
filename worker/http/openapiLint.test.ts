import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";

const run = promisify(execFile);

// An integrator's first step with /openapi.json: Redocly's recommended rules (redocly.yaml).
// Telemetry and the update check are off, so the lint makes no network call.
describe("npx @redocly/cli lint on /openapi.json", () => {
  it("finds no error and no warning", async () => {
    const res = await createApp().request("/openapi.json");
    const file = join(mkdtempSync(join(tmpdir(), "shimebi-openapi-")), "openapi.json");
    writeFileSync(file, await res.text());
    const { stdout } = await run(
      "node_modules/.bin/redocly",
      ["lint", file, "--config", "redocly.yaml", "--format=json"],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        timeout: 60_000,
      },
    );
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string }>;
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 90_000);
});
