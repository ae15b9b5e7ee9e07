import { afterEach, describe, expect, it } from "vitest";
import { type FetchRequest, type Gas, installGas } from "../testing";
import { API_BASE } from "../testing/fixtures";
import { listOrdersToSend, sendPurchaseOrder } from "./index";

// 発注書の送付 against a stand-in of the API: which orders are listed (drafts and returned
// ones of contracts still running), with what the sidebar shows, and the send's refusal
// reaching the sidebar whole.

let gas: Gas & { uninstall(): Promise<void> };
afterEach(() => gas?.uninstall());

const listed = (over: Record<string, unknown>) => ({
  id: "o-1",
  number: "PO-000001",
  status: "draft",
  subject: "",
  sentAt: null,
  createdAt: "2026-12-01T00:00:00.000Z",
  workingMonths: ["2027-01", "2027-02"],
  totalAmount: 1200000,
  ...over,
});

const hourly = (unitPrice: number) => [{ id: "dev", name: "開発", type: "hourly", unitPrice }];

/** As the list answers: the conditions billed now, and those awaiting their order's approval. */
const contract = (
  id: string,
  code: string,
  orders: unknown[],
  billed: unknown[] | null = [],
  pending: unknown[] | null = null,
) => ({
  id,
  title: `契約 ${id}`,
  status: { code, label: code, labelJa: code },
  partner: { id: "u-1", name: "田中 美咲", kind: "individual", registeredName: null },
  conditions: billed && { version: 1, effectiveFrom: "2027-01", costCategories: billed },
  pendingConditions: pending && { version: 2, effectiveFrom: "2027-02", costCategories: pending },
  orders,
});

function api(request: FetchRequest) {
  const path = request.url.replace(API_BASE, "");
  const reply = (body: unknown, status = 200) => ({ status, body });
  if (path === "/v1/me")
    return reply({
      email: "owner@demo.test",
      memberships: [{ companyId: "co-1", companyName: "デモ", role: "companyOwner" }],
    });
  if (path === "/v1/companies/co-1/groups") return reply([{ id: "g-1", name: "開発" }]);
  if (path === "/v1/groups/g-1/contracts")
    return reply([
      // A change returned by the partner: its order shows the change's price, not the billed one.
      contract(
        "c-3",
        "orderReturned",
        [listed({ id: "o-3", number: "PO-000003", status: "returned" })],
        hourly(4000),
        hourly(5500),
      ),
      contract("c-2", "inContract", [
        listed({ id: "o-2", number: "PO-000002", status: "approved" }),
      ]),
      contract("c-ended", "ended", [listed({ id: "o-9", status: "draft" })]),
      // Nothing approved yet: no conditions billed, the first ones pending.
      contract("c-1", "orderNotSent", [listed({ totalAmount: 0 })], null, hourly(5000)),
    ]);
  if (path === "/v1/orders/o-3")
    return reply({ id: "o-3", returnReason: "期間を確認してください" });
  if (path === "/v1/orders/o-1/send")
    return reply(
      {
        error: {
          code: "forbidden",
          message: "この操作を行う権限がありません",
          issues: [],
        },
      },
      403,
    );
  throw new Error(`unexpected ${request.method} ${path}`);
}

describe("発注書の送付", () => {
  it("lists drafts and returned orders of running contracts, oldest contract first", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api);
    const answer = listOrdersToSend();
    expect(answer).toEqual({
      ok: true,
      value: [
        {
          id: "o-1",
          number: "PO-000001",
          status: "draft",
          returnReason: null,
          contractTitle: "契約 c-1",
          partnerName: "田中 美咲",
          workingMonths: ["2027-01", "2027-02"],
          totalAmount: 0,
          unitPrices: [{ name: "開発", unitPrice: 5000 }],
        },
        expect.objectContaining({
          id: "o-3",
          status: "returned",
          returnReason: "期間を確認してください",
          totalAmount: 1200000,
          unitPrices: [{ name: "開発", unitPrice: 5500 }],
        }),
      ],
    });
  });

  it("hands the API's refusal to the sidebar whole", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api);
    expect(sendPurchaseOrder("o-1")).toEqual({
      ok: false,
      error: {
        status: 403,
        code: "forbidden",
        message: "この操作を行う権限がありません",
        issues: [],
      },
    });
  });
});
