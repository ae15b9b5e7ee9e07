import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FetchReply, type FetchRequest, type Gas, installGas } from "../testing";
import { API_BASE } from "../testing/fixtures";
// The sidebar's functions: the envelope of answer.ts around orders.ts.
import { approveOrder, returnOrder } from "./index";
import { listMyOrders } from "./orders";

let gas: Gas & { uninstall(): Promise<void> };
let seen: { method: string; path: string; body: unknown }[];

const ORDER = {
  id: "ord-1",
  contractId: "c-1",
  number: "PO-0001",
  status: "underReview",
  subject: "8月からの開発支援",
  sentAt: "2025-07-20T00:00:00.000Z",
  decidedAt: null,
  returnReason: null,
  createdAt: "2025-07-19T00:00:00.000Z",
};

function api(answer: (path: string, body: unknown) => FetchReply | undefined) {
  return (request: FetchRequest): FetchReply => {
    expect(request.headers.Authorization).toBe("Bearer token-1");
    const path = request.url.replace(API_BASE, "");
    const body = request.payload ? JSON.parse(request.payload) : undefined;
    seen.push({ method: request.method, path, body });
    return (
      answer(path, body) ?? {
        status: 404,
        body: { error: { code: "not_found", message: path, issues: [] } },
      }
    );
  };
}

beforeEach(() => {
  seen = [];
  gas = installGas({ locale: "ja", identityToken: "token-1" });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
});
afterEach(() => gas.uninstall());

describe("purchase orders for partners", () => {
  it("lists the orders of every contract, with the contract's title", () => {
    gas.setFetch(
      api((path) => {
        if (path === "/v1/me/contracts")
          return { status: 200, body: [{ id: "c-1" }, { id: "c-2" }] };
        if (path === "/v1/contracts/c-1")
          return { status: 200, body: { id: "c-1", title: "開発支援", orders: [ORDER] } };
        if (path === "/v1/contracts/c-2")
          return { status: 200, body: { id: "c-2", title: "保守", orders: [] } };
        return undefined;
      }),
    );
    expect(listMyOrders()).toEqual([{ ...ORDER, contractTitle: "開発支援" }]);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v1/me/contracts",
      "GET /v1/contracts/c-1",
      "GET /v1/contracts/c-2",
    ]);
  });

  it("approves with the details, and returns with the reason", () => {
    gas.setFetch(
      api((path, body) => {
        if (path === "/v1/orders/ord-1/approve")
          return { status: 200, body: { ...ORDER, status: "approved" } };
        if (path === "/v1/orders/ord-1/return")
          return {
            status: 200,
            body: {
              ...ORDER,
              status: "returned",
              returnReason: (body as { reason: string }).reason,
            },
          };
        return undefined;
      }),
    );
    const details = {
      address: "東京都千代田区1-1",
      phone: "03-0000-0000",
      bankAccountId: "bank-1",
      useNextTime: true,
    };
    expect(approveOrder("ord-1", details)).toMatchObject({
      ok: true,
      value: { status: "approved" },
    });
    expect(returnOrder("ord-1", "単価が違います")).toMatchObject({
      ok: true,
      value: { status: "returned", returnReason: "単価が違います" },
    });
    expect(seen).toEqual([
      { method: "POST", path: "/v1/orders/ord-1/approve", body: details },
      { method: "POST", path: "/v1/orders/ord-1/return", body: { reason: "単価が違います" } },
    ]);
  });

  it("hands back the API's error object unchanged", () => {
    const error = {
      code: "approval_incomplete",
      message: "承認には住所と電話番号が必要です",
      issues: [{ path: "address", code: "required", message: "住所を入力してください" }],
    };
    const conflict = {
      code: "invalid_transition",
      message: "この発注書は差し戻せません",
      issues: [],
    };
    gas.setFetch(
      api((path) =>
        path.endsWith("/approve")
          ? { status: 422, body: { error } }
          : { status: 409, body: { error: conflict } },
      ),
    );
    expect(approveOrder("ord-1", { useNextTime: false })).toEqual({
      ok: false,
      error: { status: 422, ...error },
    });
    expect(returnOrder("ord-1", "理由")).toEqual({
      ok: false,
      error: { status: 409, ...conflict },
    });
  });
});
