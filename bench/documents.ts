import { spawnSync } from "node:child_process";
import { fmt, row } from "./measure";

// What users wait for: the invoice PDF (the font already loaded, p50 and p95), the first PDF
// of a fresh process (font read and parsed), and the Zengin bank list's first lookup (decoded
// on first use). Measured through the app with auth in a process of its own, beside GET /health
// through the same app as the baseline.

const PDF_P95_TARGET_MS = 1000;
const FIRST_PDF_TARGET_MS = 3000;
const FIRST_BANK_TARGET_MS = 1000;

const percentile = (values: number[], p: number) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

type Timings = {
  health: number[];
  firstPdf: number;
  pdfs: number[];
  firstBank: number;
  banks: number[];
};

export type DocumentTargets = { missed: string[] };

export function benchDocuments(): DocumentTargets {
  console.log("\nDocuments and the bank list (through the app, a fresh process, ms)");
  const run = spawnSync(process.execPath, ["--import", "tsx", "bench/documentsProcess.ts"], {
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{")) {
    throw new Error(`bench/documentsProcess.ts failed: ${run.stderr.slice(-2000)}`);
  }
  const t = JSON.parse(line) as Timings;
  const ms = (n: number) => `${fmt(n, 1)} ms`;
  const health = percentile(t.health, 50);
  const pdf50 = percentile(t.pdfs, 50);
  const pdf95 = percentile(t.pdfs, 95);
  const bank50 = percentile(t.banks, 50);
  row("baseline: GET /health through the app, p50", ms(health));
  row("invoice PDF, font loaded, p50", ms(pdf50), `ratio ${fmt(pdf50 / health)} to /health`);
  row(
    "invoice PDF, font loaded, p95",
    ms(pdf95),
    `target <= ${fmt(PDF_P95_TARGET_MS)} ms: ${pdf95 <= PDF_P95_TARGET_MS ? "met" : "MISSED"}`,
  );
  row(
    "first invoice PDF in a fresh process",
    ms(t.firstPdf),
    `target <= ${fmt(FIRST_PDF_TARGET_MS)} ms: ${t.firstPdf <= FIRST_PDF_TARGET_MS ? "met" : "MISSED"}`,
  );
  row(
    "first bank lookup (Zengin list decoded)",
    ms(t.firstBank),
    `target <= ${fmt(FIRST_BANK_TARGET_MS)} ms: ${t.firstBank <= FIRST_BANK_TARGET_MS ? "met" : "MISSED"}`,
  );
  row("bank lookup after that, p50", ms(bank50), `ratio ${fmt(bank50 / health, 1)} to /health`);
  const missed = [
    pdf95 > PDF_P95_TARGET_MS && `invoice PDF p95 ${fmt(pdf95)} ms > ${PDF_P95_TARGET_MS} ms`,
    t.firstPdf > FIRST_PDF_TARGET_MS &&
      `first PDF ${fmt(t.firstPdf)} ms > ${FIRST_PDF_TARGET_MS} ms`,
    t.firstBank > FIRST_BANK_TARGET_MS &&
      `first bank lookup ${fmt(t.firstBank)} ms > ${FIRST_BANK_TARGET_MS} ms`,
  ].filter((m): m is string => typeof m === "string");
  return { missed };
}
