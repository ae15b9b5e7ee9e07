import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FetchHandler, type FetchRequest, type Gas, installGas } from "../testing";
import { API_BASE, CONTRACT_ID, contractApi } from "../testing/fixtures";
import {
  approveInvoice,
  getAccount,
  getInvoice,
  listCompanyInvoices,
  returnInvoice,
  saveInvoice,
  submitInvoice,
} from "./invoice";
import { createTimesheet } from "./timesheet";

// The invoice functions against a stand-in of the invoices API that records each request:
// method, path, body, and the identity token as the bearer.

let gas: Gas & { uninstall(): Promise<void> };
let seen: { method: string; path: string; body: unknown }[];

const INVOICE = {
  id: "inv-1",
  contractId: CONTRACT_ID,
  companyId: "co-1",
  month: "2025-08",
  status: "draft",
  number: null,
  inputs: {},
  figures: null,
  total: 1100000,
  dueDate: null,
  returnReason: null,
  submittedAt: null,
  decidedAt: null,
};

const ITEM = { id: "inv-1", contractId: CONTRACT_ID, month: "2025-08", status: "underReview" };

function invoicesApi(): FetchHandler {
  return (request: FetchRequest) => {
    expect(request.headers.Authorization).toBe("Bearer token-1");
    const path = request.url.replace(API_BASE, "");
    const body = request.payload ? JSON.parse(request.payload) : undefined;
    seen.push({ method: request.method, path, body });
    const reply = (value: unknown) => ({ status: 200, body: value });
    if (path.startsWith("/v1/me/invoices?"))
      return reply({ items: [{ ...ITEM, contractId: "other" }, ITEM], nextCursor: null });
    if (path === "/v1/invoices/inv-1") return reply(INVOICE);
    if (path === "/v1/me/bank-accounts") return reply([{ id: "bank-1", isDefault: true }]);
    if (path.endsWith("/entries") && request.method === "PUT")
      return reply({ rows: [], estimate: null });
    if (path === "/v1/me")
      return reply({
        email: "owner@example.test",
        partnerKind: "individual",
        fullName: "田中 美咲",
        address: "東京都千代田区丸の内1-1-1",
        phone: "03-1234-5678",
        registrationNumber: "T7000012050002",
        memberships: [
          { companyId: "co-1", companyName: "デモ", role: "companyOwner" },
          { companyId: "co-1", companyName: "デモ", role: "groupOwner" },
          { companyId: "co-2", companyName: "外注先", role: "partner" },
        ],
      });
    if (path.startsWith("/v1/companies/co-1/invoices?"))
      return reply({ items: [ITEM], nextCursor: null });
    if (path.endsWith("/invoice")) return reply({ ...INVOICE, inputs: body });
    if (path.endsWith("/submit")) return reply({ ...INVOICE, status: "underReview" });
    if (path.endsWith("/approve")) return reply({ ...INVOICE, status: "approved" });
    if (path.endsWith("/return"))
      return reply({ ...INVOICE, status: "returned", returnReason: body.reason });
    return { status: 404, body: { error: { code: "not_found", message: path, issues: [] } } };
  };
}

beforeEach(() => {
  seen = [];
  gas = installGas({ locale: "ja", identityToken: "token-1", fetch: contractApi() });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
  createTimesheet(CONTRACT_ID, "2025-08");
  gas.setFetch(invoicesApi());
});

afterEach(async () => {
  await gas.uninstall();
});

describe("the partner's invoice", () => {
  it("finds the month's invoice of the timesheet in front, with the bank accounts", () => {
    const panel = getInvoice();
    expect(panel).toMatchObject({ contractId: CONTRACT_ID, month: "2025-08" });
    expect(panel.invoice?.id).toBe("inv-1");
    expect(panel.bankAccounts.map((a) => a.id)).toEqual(["bank-1"]);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v1/me/invoices?month=2025-08&limit=200",
      "GET /v1/invoices/inv-1",
      "GET /v1/me/bank-accounts",
      "GET /v1/me",
    ]);
    expect(panel.partnerKind).toBe("individual");
    // A new invoice's issuer starts from the settings: the qualified invoice's 登録番号 too.
    expect(panel.profile).toEqual({
      name: "田中 美咲",
      address: "東京都千代田区丸の内1-1-1",
      phone: "03-1234-5678",
      registrationNumber: "T7000012050002",
    });
  });

  it("starts a month without an invoice from the withholding the API's new draft would carry", () => {
    const api = invoicesApi();
    gas.setFetch((request) => {
      const path = request.url.replace(API_BASE, "");
      if (path.startsWith("/v1/me/invoices?")) {
        seen.push({ method: request.method, path, body: undefined });
        return { status: 200, body: { items: [], nextCursor: null } };
      }
      if (path === "/v1/me") {
        // 非居住者: the API charges no consumption tax, so the form does not offer it.
        return {
          status: 200,
          body: { email: "p@example.test", partnerKind: "individual", nonResident: true },
        };
      }
      if (path.endsWith("/months/2025-08/estimate")) {
        seen.push({ method: request.method, path, body: undefined });
        return {
          status: 200,
          body: {
            choicesFrom: "lastInvoice",
            withholdingChoice: { enabled: true, base: "includingTax" },
          },
        };
      }
      return api(request);
    });
    const panel = getInvoice();
    expect(panel.invoice).toBeNull();
    expect(panel.carriedWithholding).toEqual({ enabled: true, base: "includingTax" });
    expect(panel.nonResident).toBe(true);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toContain(
      `GET /v1/contracts/${CONTRACT_ID}/months/2025-08/estimate`,
    );
    // With an invoice, its own choices stand: nothing is carried.
    gas.setFetch(api);
    expect(getInvoice().carriedWithholding).toBeNull();
  });

  it("saves the draft with PUT .../months/{month}/invoice and submits with the month typed", () => {
    const input = {
      withholding: { enabled: true, base: "includingTax" as const },
      consumptionTax: { enabled: true },
      expenses: [{ name: "交通費", amount: 1240 }],
      bankAccountId: "bank-1",
      dueDate: "2025-09-30",
      remarks: "8月分",
    };
    expect(saveInvoice(input).inputs).toEqual(input);
    expect(submitInvoice("inv-1", "2025-08").status).toBe("underReview");
    // Each first syncs the sheet (no rows yet: an empty month) and then acts.
    const sync = {
      method: "PUT",
      path: `/v1/contracts/${CONTRACT_ID}/months/2025-08/entries`,
      body: { rows: [] },
    };
    expect(seen).toEqual([
      sync,
      { method: "PUT", path: `/v1/contracts/${CONTRACT_ID}/months/2025-08/invoice`, body: input },
      { method: "GET", path: "/v1/invoices/inv-1", body: undefined },
      sync,
      { method: "POST", path: "/v1/invoices/inv-1/submit", body: { confirmMonth: "2025-08" } },
    ]);
  });

  it("is refused without a timesheet in front when no contract and month are given", () => {
    gas.spreadsheet.setActiveSheet(gas.spreadsheet.sheets[0] as never);
    expect(() => getInvoice()).toThrow(/勤務表のシートを開いてから/);
    expect(getInvoice(CONTRACT_ID, "2025-08").invoice?.id).toBe("inv-1");
  });
});

describe("the company's review", () => {
  it("lists the invoices under review of each company the caller reviews for, once", () => {
    expect(getAccount().companies).toEqual([{ id: "co-1", name: "デモ" }]);
    seen = [];
    expect(listCompanyInvoices().map((i) => i.id)).toEqual(["inv-1"]);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v1/me",
      "GET /v1/companies/co-1/invoices?status=underReview&limit=200",
    ]);
  });

  it("approves, or returns with the reason", () => {
    expect(approveInvoice("inv-1").status).toBe("approved");
    expect(returnInvoice("inv-1", "金額が違います").returnReason).toBe("金額が違います");
    expect(seen.slice(-2)).toEqual([
      { method: "POST", path: "/v1/invoices/inv-1/approve", body: undefined },
      { method: "POST", path: "/v1/invoices/inv-1/return", body: { reason: "金額が違います" } },
    ]);
  });
});
