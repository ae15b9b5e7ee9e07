import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { serve } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { seedDemo } from "../db/seed";
import { testApp } from "../testing/app";
import { DEMO_PASSWORD, signIn } from "../testing/contracts";
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

/** A raw HTTP/1.1 request, as `curl -X POST url` sends it: no Content-Length, no body. */
function rawPost(port: number, path: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
      );
    });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("a POST without a body over Node's HTTP server", () => {
  it("is an action like any other, not a body to send as JSON", async () => {
    const t = await testApp();
    await seedDemo(t.db, DEMO_PASSWORD);
    const token = await signIn(t, "partner@demo.shimebi.test");
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
    try {
      await new Promise((resolve) => server.once("listening", resolve));
      const { port } = server.address() as AddressInfo;
      const answer = await rawPost(port, "/v1/me/notifications/read-all", token);
      expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
      expect(answer).toContain('"unreadCount":0');
    } finally {
      server.close();
    }
  });
});
