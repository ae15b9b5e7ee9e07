import { afterEach, describe, expect, it } from "vitest";
import { addonHost, MAX_SESSIONS } from "./addonHost";

// The dev page's add-on runner answers only the page itself, and keeps at most a few threads.

let host: ReturnType<typeof addonHost> | undefined;

afterEach(async () => {
  await host?.close();
});

const BASE = "http://127.0.0.1:8787";

function sheet(as: string, headers: Record<string, string>) {
  return host?.fetch(
    new Request(`${BASE}/dev/addon/sheet?as=${encodeURIComponent(as)}`, { headers }),
  ) as Promise<Response>;
}

describe("the dev add-on host", () => {
  it("refuses another site, and a request that names no origin, starting no thread", async () => {
    host = addonHost();
    const run = await host.fetch(
      new Request(`${BASE}/dev/addon/run/openSidebar?as=partner@demo.shimebi.test`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        body: "[]",
      }),
    );
    expect(run.status).toBe(403);
    expect((await sheet("a@demo.shimebi.test", {})).status).toBe(403);
    expect((await sheet("a@demo.shimebi.test", { "sec-fetch-site": "cross-site" })).status).toBe(
      403,
    );
    expect(host.sessionCount()).toBe(0);
    // The page itself is reachable by navigation.
    const page = await host.fetch(new Request(`${BASE}/dev/addon?as=a@demo.shimebi.test`));
    expect(page.status).toBe(200);
  });

  it(`keeps at most ${MAX_SESSIONS} threads, reusing one per user`, async () => {
    host = addonHost();
    const own = { "sec-fetch-site": "same-origin" };
    for (let i = 0; i < MAX_SESSIONS + 4; i++) {
      const res = await sheet(`user${i}@demo.shimebi.test`, own);
      expect(res.status).toBe(200);
      expect(host.sessionCount()).toBeLessThanOrEqual(MAX_SESSIONS);
    }
    expect(host.sessionCount()).toBe(MAX_SESSIONS);
    expect((await sheet("user9@demo.shimebi.test", { origin: BASE })).status).toBe(200);
    expect(host.sessionCount()).toBe(MAX_SESSIONS);
  }, 120_000);
});
