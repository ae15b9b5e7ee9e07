import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { generatedMonth } from "../worker/testing/months";
import { fmt, row } from "./measure";

const PORT = Number(process.env.BENCH_PORT ?? 8797);
const BASE = `http://127.0.0.1:${PORT}`;

/** `npm start`'s server, in its own process so the load generator does not share its core. */
export async function startServer(): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), "shimebi-bench-"));
  const child = spawn(process.execPath, ["--import", "tsx", "worker/node.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: `file:${join(dir, "bench.db")}`,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the server did not start");
}

async function load(path: string, body?: string, seconds = 5): Promise<number> {
  const result = await autocannon({
    url: `${BASE}${path}`,
    method: body ? "POST" : "GET",
    headers: body ? { "content-type": "application/json" } : {},
    body,
    connections: 16,
    duration: seconds,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${path}: ${failed} failed requests`);
  return result.requests.average;
}

/** `/v1/quote` against `/health` on the same server, in the same run. */
export async function benchHttp(): Promise<{ ratio: number }> {
  console.log(`\nHTTP (Node server, ${BASE}, 16 connections, 5 s each)`);
  const server = await startServer();
  try {
    const body = JSON.stringify(generatedMonth(300));
    await load("/health", undefined, 1); // warm-up
    await load("/v1/quote", body, 1);
    const health = await load("/health");
    const quote = await load("/v1/quote", body);
    const ratio = quote / health;
    row("baseline: GET /health", `${fmt(health)} req/s`);
    row(
      `POST /v1/quote, 300 entries (${fmt(body.length / 1024)} KiB)`,
      `${fmt(quote)} req/s`,
      `ratio ${fmt(ratio, 2)}, target >= 0.50: ${ratio >= 0.5 ? "met" : "MISSED"}`,
    );
    return { ratio };
  } finally {
    server.kill();
  }
}
