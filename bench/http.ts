import autocannon from "autocannon";
import { generatedMonth } from "../worker/testing/months";
import { startNodeServer } from "../worker/testing/server";
import { fmt, row } from "./measure";

async function load(base: string, path: string, body?: string, seconds = 5): Promise<number> {
  const result = await autocannon({
    url: `${base}${path}`,
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
  console.log("\nHTTP (the Node server of npm start, 16 connections, 5 s each)");
  const server = await startNodeServer({ env: { NODE_ENV: "production" } });
  try {
    const body = JSON.stringify(generatedMonth(300));
    await load(server.base, "/health", undefined, 1); // warm-up
    await load(server.base, "/v1/quote", body, 1);
    const health = await load(server.base, "/health");
    const quote = await load(server.base, "/v1/quote", body);
    const ratio = quote / health;
    row("baseline: GET /health", `${fmt(health)} req/s`);
    row(
      `POST /v1/quote, 300 entries (${fmt(body.length / 1024)} KiB)`,
      `${fmt(quote)} req/s`,
      `ratio ${fmt(ratio, 2)}, target >= 0.50: ${ratio >= 0.5 ? "met" : "MISSED"}`,
    );
    return { ratio };
  } finally {
    await server.stop();
  }
}
