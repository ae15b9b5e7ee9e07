import { expect } from "vitest";
import { API_BASE } from "./fixtures";
import type { FetchRequest } from "./services";

// A stand-in of the API for the company's 支払, 支払調書 and 仕訳 menu items: the owner's
// membership, a payment run for 2026-02-27, its 全銀 file, a year's statements and their PDF,
// a journal CSV, answered as the API answers them.

// Shift_JIS bytes as the API sends them: half-width kana (0xC0 ﾀ) and CRLF.
export const ZENGIN = new Uint8Array([0x31, 0x32, 0x31, 0x30, 0xc0, 0xc5, 0xb6, 0x20, 0x0d, 0x0a]);
// "収支区分" in Shift_JIS, then CRLF: the first cell of a freee import file.
export const JOURNAL = new Uint8Array([0x8e, 0xfb, 0x8e, 0x78, 0x8b, 0xe6, 0x95, 0xaa, 0x0d, 0x0a]);
export const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xe2, 0xe3, 0xcf, 0xd3]);

export const item = (over: Record<string, unknown> = {}) => ({
  id: "item-1",
  invoiceId: "inv-1",
  kind: "invoice",
  number: "INV-000001",
  month: "2026-01",
  dueDate: "2026-02-28",
  partnerName: "田中 美咲",
  amount: 50625,
  status: "pending",
  failureReason: null,
  channel: "domestic",
  problems: [],
  holderName: "ﾀﾅｶ ﾐｻｷ",
  ...over,
});

export function companyApi(run: Record<string, unknown>, statements?: Record<string, unknown>) {
  return (request: FetchRequest) => {
    const path = request.url.replace(API_BASE, "");
    const reply = (body: unknown) => ({ status: 200, body });
    if (path === "/v1/me") {
      return reply({
        email: "owner@example.test",
        memberships: [{ companyId: "co-1", companyName: "デモ", role: "companyOwner" }],
      });
    }
    if (path === "/v1/companies/co-1/payment-runs" && request.method === "POST") {
      expect(JSON.parse(request.payload ?? "{}")).toEqual({ paymentDate: "2026-02-27" });
      return reply(run);
    }
    if (path === "/v1/companies/co-1/payment-runs" && request.method === "GET") {
      const { items: _i, transfer: _t, overseas: _o, problems: _p, ...summary } = run;
      return reply([summary]);
    }
    if (path === "/v1/companies/co-1/payment-runs/run-1/paid" && request.method === "POST") {
      const items = (run.items as { status: string }[]).map((i) => ({ ...i, status: "paid" }));
      return reply({ ...run, status: "paid", paidAt: "2026-02-27T06:00:00.000Z", items });
    }
    if (path === "/v1/companies/co-1/payment-runs/run-1/zengin") {
      return { status: 200, body: ZENGIN, headers: { "content-type": "application/octet-stream" } };
    }
    if (path === "/v1/companies/co-1/annual-statements/2026" && statements)
      return reply(statements);
    if (path.startsWith("/v1/companies/co-1/exports/journal.csv?")) {
      return {
        status: 200,
        body: JOURNAL,
        headers: { "content-type": "text/csv; charset=Shift_JIS" },
      };
    }
    if (path === "/v1/companies/co-1/annual-statements/2026/statements.pdf") {
      return { status: 200, body: PDF, headers: { "content-type": "application/pdf" } };
    }
    return { status: 404, body: { error: { code: "not_found", message: path, issues: [] } } };
  };
}

export const RUN = {
  id: "run-1",
  paymentDate: "2026-02-27",
  status: "open",
  paidAt: null,
  createdAt: "2026-02-20T00:00:00.000Z",
  items: [item()],
  transfer: { count: 1, total: 50625 },
  overseas: [],
  problems: [],
};

export const STATEMENTS = {
  year: 2026,
  title: "令和8年分 報酬、料金、契約金及び賞金の支払調書",
  threshold: 50000,
  payer: {
    name: "株式会社デモ",
    address: "東京都港区",
    phone: "",
    corporateNumber: "1234567890123",
    category: "デザイン料",
    detail: "ウェブデザイン",
  },
  statements: [
    {
      partnerUserId: "u-1",
      name: "田中 美咲",
      address: "東京都千代田区丸の内1-1-1",
      lines: [
        {
          category: "デザイン料",
          detail: "ウェブデザイン",
          amount: 957000,
          unpaidAmount: 104500,
          withholdingTax: 97704,
          unwithheldTax: 10669,
        },
      ],
      total: {
        category: "デザイン料",
        detail: "ウェブデザイン",
        amount: 957000,
        unpaidAmount: 104500,
        withholdingTax: 97704,
        unwithheldTax: 10669,
      },
      consumptionTax: 87000,
      documents: [],
    },
  ],
  excluded: [
    {
      partnerUserId: "u-2",
      name: "小林 翔",
      reason: "belowThreshold",
      message: "年間の支払金額 33,000円 が提出範囲（5万円超）に達しません",
      amount: 33000,
      withholdingTax: 3369,
      documents: 1,
    },
  ],
  problems: [],
};
