import { readFileSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../testing/app";
import { type RunningServer, startNodeServer } from "../testing/server";
import { BODY_LIMITS } from "./bodyLimit";

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A chunked body of `total` bytes of JSON-ish filler that counts how much was pulled. */
function countingBody(total: number) {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode("x".repeat(CHUNK));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

describe("request bodies are read no further than the route's limit", () => {
  const cases = [
    { method: "POST", path: "/v1/auth/login", limit: BODY_LIMITS.account },
    { method: "POST", path: "/v1/accounts", limit: BODY_LIMITS.account },
    { method: "POST", path: "/v1/quote", limit: BODY_LIMITS.month },
  ];
  for (const { method, path, limit } of cases) {
    it(`${method} ${path}: a chunked 64 MiB body is a 413 after at most the limit`, async () => {
      const t = await testApp();
      const { stream, pulled } = countingBody(64 * MiB);
      const res = await t.app.request(path, {
        method,
        headers: { "content-type": "application/json", "accept-language": "ja" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(res.status).toBe(413);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("body_too_large");
      expect(body.error.message).toContain("リクエスト本文が大きすぎます");
      // The stream may be a chunk or two ahead of the reader, never more.
      expect(pulled.bytes).toBeLessThanOrEqual(limit + 4 * CHUNK);
    });
  }

  it("a declared Content-Length over the limit is refused without reading", async () => {
    const t = await testApp();
    const res = await t.app.request("/v1/auth/login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(MiB),
        "accept-language": "en",
      },
      body: "x".repeat(MiB),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { issues: unknown } }).error.issues).toEqual([
      { path: "", message: "The request body is too large: at most 16 KiB" },
    ]);
  });

  it("a body within the limit is read as before", async () => {
    const t = await testApp();
    const res = await t.call("POST", "/v1/auth/login", {
      body: { email: "nobody@example.test", password: "x".repeat(200) },
    });
    expect(res.status).toBe(401);
  });
});

// npm start's server in production mode, measured: its resident memory before and after
// chunked bodies ten times the largest limit.
describe("the running server under oversized chunked bodies", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNodeServer({
      env: { NODE_ENV: "production", HISTORY_KEY: "test-history-key" },
    });
  }, 60_000);
  afterAll(() => server?.stop());

  const rssMiB = () => {
    const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  };

  /** Streams up to `total` bytes chunked; stops sending once the answer arrives. */
  function sendChunked(path: string, total: number, contentType: string) {
    return new Promise<{ status: number; sent: number; body: string }>((resolve, reject) => {
      const url = new URL(path, server.base);
      let sent = 0;
      let answered = false;
      const req = request(url, {
        method: "POST",
        headers: { "content-type": contentType, "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        answered = true;
        let body = "";
        res.on("data", (d: Buffer) => {
          body += d.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, sent, body }));
      });
      req.on("error", (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(MiB, 0x20);
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  it("answers 413 to 4 x 110 MiB chunked (sign-in, sign-up, quote) and keeps its memory", async () => {
    const before = rssMiB();
    const results = await Promise.all([
      sendChunked("/v1/auth/login", 110 * MiB, "application/json"),
      sendChunked("/v1/auth/login", 110 * MiB, "application/json"),
      sendChunked("/v1/quote", 110 * MiB, "application/json"),
      sendChunked("/v1/accounts", 110 * MiB, "application/json"),
    ]);
    const after = rssMiB();
    for (const result of results) {
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body).error.code).toBe("body_too_large");
      expect(result.sent).toBeLessThan(110 * MiB);
    }
    // Without a limit the server holds every byte it was sent (440 MiB here).
    expect(after - before).toBeLessThan(100);
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
  }, 60_000);
});
