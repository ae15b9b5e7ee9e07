import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { generatedMonth, specHourRangeExample } from "./testing/months";
import { freePort } from "./testing/server";

// The Worker in the real local Workers runtime (workerd, started by `wrangler dev`) must answer
// exactly what the Node server answers.

let wrangler: ChildProcess | undefined;
let base = "";

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  wrangler = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--show-interactive-dev-session=false",
    ],
    {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`wrangler dev did not start:\n${output}`)),
      50_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    wrangler?.stdout?.on("data", onData);
    wrangler?.stderr?.on("data", onData);
    wrangler?.on("exit", (code) =>
      reject(new Error(`wrangler dev exited with ${code}:\n${output}`)),
    );
  });
}, 60_000);

afterAll(() => {
  if (wrangler?.pid) {
    try {
      process.kill(-wrangler.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

const node = createApp();

async function both(path: string, init?: RequestInit) {
  const [onWorkerd, onNode] = await Promise.all([
    fetch(`${base}${path}`, init),
    node.request(path, init),
  ]);
  return {
    workerd: { status: onWorkerd.status, body: await onWorkerd.json() },
    node: { status: onNode.status, body: await onNode.json() },
  };
}

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("the Worker on workerd", () => {
  it("answers /health", async () => {
    const { workerd, node } = await both("/health");
    expect(workerd).toEqual(node);
    expect(workerd.status).toBe(200);
  });

  it("answers /v1/quote exactly as Node does", async () => {
    for (const body of [specHourRangeExample(), generatedMonth(300)]) {
      const { workerd, node } = await both("/v1/quote", post(body));
      expect(workerd.status).toBe(200);
      expect(workerd).toEqual(node);
    }
  });

  it("refuses bad input exactly as Node does", async () => {
    const bad = specHourRangeExample();
    bad.entries[2] = { date: "2025-08-03", costCategoryId: "nope", start: "25", end: "x" };
    const { workerd, node } = await both("/v1/quote", post(bad));
    expect(workerd.status).toBe(422);
    expect(workerd).toEqual(node);
  });
});
