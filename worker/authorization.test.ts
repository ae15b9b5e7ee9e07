import { describe, expect, it } from "vitest";
import { createApp } from "./app";
import { ruleFor } from "./authorization";

describe("authorization table", () => {
  it("has a rule for every route the app serves", () => {
    const missing = createApp()
      .routes.filter((r) => r.method !== "ALL")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
      .filter((key) => !ruleFor(key));
    expect(missing).toEqual([]);
  });
});
