import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { rules } from "../authorization";
import committedIds from "./operationIds.json";

type OpenApi = {
  openapi: string;
  info: { contact?: { url?: string }; license?: { name?: string; identifier?: string } };
  servers: Array<{ url: string; description: string }>;
  paths: Record<
    string,
    Record<string, { security?: unknown[]; operationId?: string; responses: object }>
  >;
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

  it("keeps every operationId of operationIds.json: unique, none renamed or gone", async () => {
    const doc = await document();
    const ids: Record<string, string | undefined> = {};
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations))
        ids[`${method.toUpperCase()} ${path}`] = operation.operationId;
    // A new route adds its line to operationIds.json; an existing line never changes.
    expect(ids).toEqual(committedIds);
    expect(new Set(Object.values(ids)).size).toBe(Object.keys(ids).length);
    expect(ids["POST /v1/invoices/{invoiceId}/submit"]).toBe("submitInvoice");
  });

  it("declares 4xx answers in the error shape on every operation but GET /health", async () => {
    const doc = await document();
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        if (path !== "/health" && !statuses.some((s) => s.startsWith("4")))
          missing.push(`${method} ${path}`);
      }
    expect(missing).toEqual([]);
    const submit = doc.paths["/v1/invoices/{invoiceId}/submit"]?.post?.responses ?? {};
    expect(Object.keys(submit).sort()).toEqual(
      ["200", "400", "401", "403", "404", "409", "413", "415", "422", "500"].sort(),
    );
    expect(JSON.stringify(submit)).toContain("#/components/schemas/Error");
  });

  it("names this server (APP_URL) and the local one, a contact and a license", async () => {
    const res = await createApp({ config: { appUrl: "https://api.shimebi.test" } }).request(
      "/openapi.json",
    );
    const doc = (await res.json()) as OpenApi;
    expect(doc.servers.map((s) => s.url)).toEqual([
      "https://api.shimebi.test",
      "http://127.0.0.1:8787",
    ]);
    expect(doc.servers[0]?.description).toContain("APP_URL");
    expect(doc.info.contact?.url).toBe("https://api.shimebi.test/docs");
    expect(doc.info.license?.identifier).toBe("LicenseRef-Shimebi");
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
