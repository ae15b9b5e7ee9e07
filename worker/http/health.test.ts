import { describe, expect, it } from "vitest";
import { createApp, VERSION } from "../app";

describe("GET /health", () => {
  it("says the API is up, with its version", async () => {
    const res = await createApp().request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version: VERSION });
  });

  it("answers an unknown path with 404 in the error shape", async () => {
    const res = await createApp().request("/v1/nothing", { headers: { "accept-language": "en" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "There is no GET /v1/nothing", issues: [] },
    });
  });
});
