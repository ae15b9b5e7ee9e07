import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("wrangler deploy --dry-run", () => {
  it("bundles the Worker within the Workers size limit", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "shimebi-bundle-"));
    await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    });
    const bundle = readdirSync(outdir).find((f) => f.endsWith(".js"));
    expect(bundle).toBeDefined();
    // 3 MiB is the compressed limit on the free plan; stay well under it uncompressed.
    expect(statSync(join(outdir, bundle ?? "")).size).toBeLessThan(3 * 1024 * 1024);
  }, 60_000);
});
