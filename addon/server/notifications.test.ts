import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Gas, installGas } from "../testing";
import { API_BASE } from "../testing/fixtures";
import { listNotifications, markNotificationRead } from "./notifications";

let gas: Gas & { uninstall(): Promise<void> };

const NOTE = {
  id: "n-1",
  kind: "orderSent",
  title: "発注書が届きました",
  body: "PO-0001 を確認してください",
  link: "/orders/ord-1",
  createdAt: "2025-07-20T00:00:00.000Z",
  readAt: null,
};

beforeEach(() => {
  gas = installGas({ locale: "ja", identityToken: "token-1" });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
});
afterEach(() => gas.uninstall());

describe("notifications", () => {
  it("lists the items with the unread count, and marks one read", () => {
    gas.setFetch((request) => {
      const path = request.url.replace(API_BASE, "");
      if (request.method === "GET" && path === "/v1/me/notifications")
        return { status: 200, body: { unreadCount: 1, items: [NOTE] } };
      if (request.method === "POST" && path === "/v1/me/notifications/n-1/read")
        return { status: 200, body: { ...NOTE, readAt: "2025-07-21T00:00:00.000Z" } };
      return { status: 404, body: { error: { code: "not_found", message: path, issues: [] } } };
    });
    expect(listNotifications()).toEqual({ unreadCount: 1, items: [NOTE] });
    expect(markNotificationRead("n-1").readAt).toBe("2025-07-21T00:00:00.000Z");
    expect(gas.requests.map((r) => `${r.method} ${r.url.replace(API_BASE, "")}`)).toEqual([
      "GET /v1/me/notifications",
      "POST /v1/me/notifications/n-1/read",
    ]);
    expect(gas.requests[1]?.payload).toBeUndefined();
  });

  it("throws the API's error object", () => {
    const error = { code: "not_found", message: "通知が見つかりません", issues: [] };
    gas.setFetch(() => ({ status: 404, body: { error } }));
    expect(() => markNotificationRead("n-9")).toThrow(
      expect.objectContaining({ status: 404, error }),
    );
  });
});
