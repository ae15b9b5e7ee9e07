import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { generatedMonth } from "../worker/testing/months";
import { freePort, startNodeServer } from "../worker/testing/server";
import { fmt, row, spread } from "./measure";

// npm start's server against the floor: a bare Hono app on @hono/node-server (bench/floor.ts),
// each in its own process started the same way, loaded by the same autocannon on 127.0.0.1.
// The machine is shared: wall-clock req/s swings with the neighbours, so the ratios compare the
// CPU time each server process spends per request (from /proc: what it would serve per core),
// in alternating rounds, with the spread over the rounds.

const ROUNDS = 3;
const SECONDS = 2;

export type Target = { name: string; ratio: number; target: number };
type Load = { perSecond: number; cpuMicros: number };

/** User + system CPU time of a process so far, in ms (Linux /proc, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(url: string, pid: number, body?: string, seconds = SECONDS): Promise<Load> {
  const before = cpuMs(pid);
  const result = await autocannon({
    url,
    method: body ? "POST" : "GET",
    headers: body ? { "content-type": "application/json" } : {},
    body,
    connections: 16,
    duration: seconds,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${url}: ${failed} failed requests`);
  const cpu = cpuMs(pid) - before;
  return { perSecond: result.requests.average, cpuMicros: (cpu * 1000) / result.requests.total };
}

type Server = { base: string; pid: number };

async function startFloor(): Promise<Server & { process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/floor.ts"], {
    env: { ...process.env, PORT: String(port) },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200 && child.exitCode === null; i++) {
    const up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, pid: child.pid ?? 0, process: child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the floor server (bench/floor.ts) did not start");
}

/** Alternating rounds of the floor's path and the product's, after a warm-up of each. */
async function pair(
  floor: Server,
  floorPath: string,
  product: Server,
  path: string,
  body?: string,
) {
  await load(`${floor.base}${floorPath}`, floor.pid, body, 0.5);
  await load(`${product.base}${path}`, product.pid, body, 0.5);
  const floors: Load[] = [];
  const products: Load[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    floors.push(await load(`${floor.base}${floorPath}`, floor.pid, body));
    products.push(await load(`${product.base}${path}`, product.pid, body));
  }
  return { floors, products };
}

function report(
  measured: Awaited<ReturnType<typeof pair>>,
  labels: { name: string; floor: string; product: string },
  target: number,
): Target {
  // The headline ratio is over all rounds (CPU per request of the floor / of the product).
  const total = (loads: Load[]) => loads.reduce((sum, l) => sum + l.cpuMicros, 0);
  const floorCpu = total(measured.floors) / ROUNDS;
  const productCpu = total(measured.products) / ROUNDS;
  const ratio = floorCpu / productCpu;
  const rounds = spread(
    measured.floors.map((f, i) => f.cpuMicros / (measured.products[i]?.cpuMicros ?? 1)),
  );
  const floorRate = spread(measured.floors.map((l) => l.perSecond));
  const productRate = spread(measured.products.map((l) => l.perSecond));
  row(`floor: ${labels.floor}`, `${fmt(floorCpu)} µs/req`, `${fmt(floorRate.median)} req/s wall`);
  row(
    labels.product,
    `${fmt(productCpu)} µs/req`,
    `${fmt(productRate.median)} req/s wall; ${fmt(ratio, 2)}x the floor (rounds ${fmt(rounds.min, 2)}..${fmt(rounds.max, 2)}), target >= ${target}x: ${ratio >= target ? "met" : "MISSED"}`,
  );
  return { name: labels.name, ratio, target };
}

/** `/health` and `/v1/quote` of npm start's server as ratios to the bare floor. */
export async function benchHttp(): Promise<Target[]> {
  console.log(
    `\nHTTP against the floor (bare Hono on @hono/node-server): server CPU per request, 16 connections, ${ROUNDS} alternating rounds of ${SECONDS} s`,
  );
  const body = JSON.stringify(generatedMonth(300));
  const kib = fmt(body.length / 1024);
  const floor = await startFloor();
  const server = await startNodeServer({
    env: { NODE_ENV: "production", HISTORY_KEY: "bench-history-key" },
  });
  const product = { base: server.base, pid: server.process.pid ?? 0 };
  try {
    const health = await pair(floor, "/health", product, "/health");
    const quote = await pair(floor, "/parse", product, "/v1/quote", body);
    return [
      report(health, { name: "health", floor: "bare GET /health", product: "GET /health" }, 0.7),
      report(
        quote,
        {
          name: "quote",
          floor: `bare POST parsing the same ${kib} KiB`,
          product: `POST /v1/quote, 300 entries (${kib} KiB)`,
        },
        0.6,
      ),
    ];
  } finally {
    floor.process.kill();
    await server.stop();
  }
}
