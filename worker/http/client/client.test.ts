import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app";
import { seedDemo } from "../../db/seed";
import { testDb } from "../../testing/app";
import { freePort } from "../../testing/server";
import type { paths } from "./apiTypes";
import { generateApiTypes } from "./generate";

// Issue 16: what an integrator does first. Types generated from /openapi.json by
// openapi-typescript, calls made by openapi-fetch against a real HTTP server; `tsc` checks
// this file with the rest, so a document that no longer types these calls fails the build.

let base: string;
let close: () => void;

beforeAll(async () => {
  const db = await testDb();
  await seedDemo(db, "shimebi-demo");
  const port = await freePort();
  const server = serve({ fetch: createApp({ db }).fetch, port, hostname: "127.0.0.1" });
  base = `http://127.0.0.1:${port}`;
  close = () => server.close();
});

afterAll(() => close());

describe("a client generated from /openapi.json", () => {
  it("is what the committed apiTypes.ts holds (npm run api:types)", async () => {
    const committed = readFileSync(
      fileURLToPath(new URL("./apiTypes.ts", import.meta.url)),
      "utf8",
    );
    expect(
      committed === (await generateApiTypes()),
      "apiTypes.ts is stale: run npm run api:types",
    ).toBe(true);
  }, 60_000);

  it("quotes a month with typed figures", async () => {
    const api = createClient<paths>({ baseUrl: base });
    const { data, error, response } = await api.POST("/v1/quote", {
      body: {
        month: "2025-08",
        closingDay: 25,
        settlementUnit: 30,
        costCategories: [{ id: "dev", type: "hourly", unitPrice: 5000 }],
        entries: [
          {
            date: "2025-08-01",
            costCategoryId: "dev",
            start: "0900",
            end: "1800",
            breakMinutes: 60,
          },
        ],
        partner: { kind: "individual" },
        withholding: { enabled: true },
      },
    });
    expect(response.status, JSON.stringify(error)).toBe(200);
    // 8 h x 5,000 = 40,000; tax 4,000; withholding 10.21 % of the 44,000 with tax = 4,492.
    expect(data?.total).toBe(44_000);
    expect(data?.withholdingTax).toBe(4_492);
  });

  it("signs in and reads the signed-in user with the bearer token", async () => {
    const api = createClient<paths>({ baseUrl: base });
    const login = await api.POST("/v1/auth/login", {
      body: { email: "owner@demo.shimebi.test", password: "shimebi-demo" },
    });
    expect(login.response.status).toBe(200);
    const token = login.data?.token ?? "";
    const me = await api.GET("/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.response.status).toBe(200);
    expect(me.data?.email).toBe("owner@demo.shimebi.test");
    const anonymous = await api.GET("/v1/me");
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error?.error.code).toBeTruthy();
  });
});
