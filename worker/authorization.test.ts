import { describe, expect, it } from "vitest";
import { createApp } from "./app";
import { ruleFor, rules } from "./authorization";

/** Every route the app serves, dev pages included, as `METHOD /path/{param}`. */
function served(): string[] {
  return createApp({ config: { devPages: true } })
    .routes.filter((r) => r.method !== "ALL")
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
}

describe("authorization table", () => {
  it("has a rule for every route the app serves", () => {
    const missing = served().filter((key) => !ruleFor(key));
    expect(missing).toEqual([]);
  });

  it("has no rule for a route the app does not serve", () => {
    const routes = new Set(served());
    const stale = Object.keys(rules).filter((key) => !routes.has(key));
    expect(stale).toEqual([]);
    expect(Object.keys(rules).length).toBeGreaterThan(50);
  });
});
