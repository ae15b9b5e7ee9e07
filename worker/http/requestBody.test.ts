import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { generatedMonth } from "../testing/months";

// On @hono/node-server, reading `request.body` turns the server's light request into a full
// web Request with a stream (a third of a /health request's time) and skips its direct body
// read; the app decides from the headers instead. This request counts who reads it.
const bodyGetter = Object.getOwnPropertyDescriptor(Request.prototype, "body")?.get;

function watched(url: string, init?: RequestInit) {
  const request = new Request(url, init);
  const reads = { body: 0 };
  Object.defineProperty(request, "body", {
    get() {
      reads.body++;
      return bodyGetter?.call(request);
    },
  });
  return { request, reads };
}

const app = createApp();

describe("requests are answered without building their body stream", () => {
  it("GET /health", async () => {
    const { request, reads } = watched("http://localhost/health");
    const res = await app.fetch(request);
    expect(res.status).toBe(200);
    expect(reads.body).toBe(0);
  });

  it("POST /v1/quote with its Content-Length", async () => {
    const body = JSON.stringify(generatedMonth(3));
    const { request, reads } = watched("http://localhost/v1/quote", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(body.length) },
      body,
    });
    const res = await app.fetch(request);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
    expect(reads.body).toBe(0);
  });

  it("still refuses a body not sent as JSON, by its Content-Length", async () => {
    const { request, reads } = watched("http://localhost/v1/quote", {
      method: "POST",
      headers: { "content-type": "text/plain", "content-length": "2" },
      body: "{}",
    });
    const res = await app.fetch(request);
    expect(res.status).toBe(415);
    expect(reads.body).toBe(0);
  });

  it("still refuses it when only the stream says there is a body", async () => {
    const res = await app.request("/v1/quote", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(res.status).toBe(415);
  });
});
