import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
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
    // Workers limit the gzip-compressed script: 3 MiB on the free plan (10 MiB paid).
    const script = readFileSync(join(outdir, bundle ?? ""));
    expect(gzipSync(script).length).toBeLessThan(3 * 1024 * 1024);
    // And the startup cost grows with the raw size: keep it bounded too.
    expect(script.length).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);
});
