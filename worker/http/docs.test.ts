import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { rules } from "../authorization";

type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[] }>>;
  components: { securitySchemes: Record<string, unknown> };
};

async function document(): Promise<OpenApi> {
  const res = await createApp().request("/openapi.json");
  expect(res.status).toBe(200);
  return (await res.json()) as OpenApi;
}

/** Hono's `/v1/x/:id` as OpenAPI's `/v1/x/{id}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

describe("GET /openapi.json", () => {
  it("is OpenAPI 3.1 with the bearer and cookie schemes", async () => {
    const doc = await document();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      "bearerAuth",
      "cookieAuth",
    ]);
  });

  it("lists every documented route the app serves, each with its security", async () => {
    const doc = await document();
    const served = createApp()
      .routes.filter((r) => r.method !== "ALL")
      .map((r) => `${r.method} ${openApiPath(r.path)}`);
    const undocumented = Object.entries(rules)
      .filter(([, rule]) => "documented" in rule && rule.documented === false)
      .map(([key]) => key);
    for (const key of new Set(served)) {
      if (undocumented.includes(key)) continue;
      const [method = "", path = ""] = key.split(" ");
      const operation = doc.paths[path]?.[method.toLowerCase()];
      expect(operation, `${key} is missing from /openapi.json`).toBeDefined();
      expect(operation?.security, `${key} states no security`).toBeDefined();
    }
  });

  it("marks the public operations with empty security", async () => {
    const doc = await document();
    expect(doc.paths["/health"]?.get?.security).toEqual([]);
    expect(doc.paths["/v1/quote"]?.post?.security).toEqual([]);
  });

  it("renders the reference page at /docs", async () => {
    const res = await createApp().request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toContain("/openapi.json");
  });
});
