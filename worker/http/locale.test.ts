import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { localeFrom } from "./locale";

describe("the caller's language", () => {
  it("is Japanese when none is named or any is accepted, English when English is preferred", () => {
    expect(localeFrom(undefined)).toBe("ja");
    expect(localeFrom("")).toBe("ja");
    expect(localeFrom("*")).toBe("ja");
    expect(localeFrom("ja-JP,ja;q=0.9,en;q=0.8")).toBe("ja");
    expect(localeFrom("en-US,en;q=0.9,ja;q=0.5")).toBe("en");
    expect(localeFrom("fr-FR")).toBe("en");
  });

  it("answers an error in Japanese to a request that names no language", async () => {
    const res = await createApp().request("/v1/nothing");
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toBe("GET /v1/nothing はありません");
  });
});
