import { beforeEach, describe, expect, it } from "vitest";
import { workEntries } from "../db/schema";
import type { InvoiceDocument } from "../invoices/document";
import { nodeFonts } from "../platform/nodeFonts";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract } from "../testing/contracts";
import { readDocument } from "../testing/documents";
import { paymentNoticeLayout } from "./layout";

// The payment notice (支払通知書), which the company files as its 仕入明細書: HTML and PDF
// say the same lines, and they carry the seller's (the partner's) registration number and
// the confirmation deadline, which the notice's JSON carries as a field too.

let t: TestApp;
let c: Awaited<ReturnType<typeof approvedContract>>;

beforeEach(async () => {
  t = await testApp({ fonts: nodeFonts });
  c = await approvedContract(t, {
    // 10:00 in Tokyo on 2025-09-25: 2025-08 has closed, so its notice can be sent.
    now: new Date("2025-09-25T01:00:00Z"),
    billingMode: "paymentNotice",
    confirmationDays: 7,
    costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }],
    settlementUnit: 15,
  });
  const settings = await t.call("PUT", `/v1/companies/${c.companyId}/settings`, {
    token: c.owner,
    body: { payer: { name: "Demo", address: "東京都港区芝公園4-2-8", phone: "03-5555-0100" } },
  });
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  // Three days of 8 hours.
  await t.db.insert(workEntries).values(
    ["2025-08-01", "2025-08-04", "2025-08-05"].map((date) => ({
      contractId: c.contractId,
      workingMonth: "2025-08",
      date,
      costCategoryId: "dev",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
      details: "実装",
    })),
  );
});

describe("the payment notice document", () => {
  it("names the seller's registration number and the confirmation deadline", async () => {
    const sent = await t.call(
      "POST",
      `/v1/contracts/${c.contractId}/months/2025-08/payment-notice`,
      { token: c.owner, body: { expenses: [{ name: "書籍", amount: 2200 }] } },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // Sent at 2025-09-25 10:00 JST with 7 days to answer.
    expect(sent.body.acceptBy).toBe("2025-10-02T01:00:00.000Z");
    const f = sent.body.figures;
    expect(f).toMatchObject({ subtotal: 120000, consumptionTax: 12000, total: 132000 });

    for (const [token, name] of [
      [c.partner, "payment-notice"],
      [c.owner, "payment-notice-company"],
    ] as const) {
      const { text } = await readDocument(t, `/v1/invoices/${sent.body.id}/document`, token, name);
      for (const line of [
        "支払通知書",
        "仕入明細書",
        "田中 美咲 様",
        "登録番号 T7000012050002",
        "通知番号 PN-000001",
        "東京都港区芝公園4-2-8",
        "確認期限 2025年10月2日 10:00",
        `お支払金額 ${(132000 - f.withholdingTax + 2200).toLocaleString("en-US")}円`,
        "開発 24時間 5,000円 120,000円",
        "消費税（10%対象 120,000円） 12,000円",
        "合計（税込） 132,000円",
        "立替経費（書籍） 2,200円",
      ]) {
        expect(text, line).toContain(line);
      }
      expect(text).not.toContain("確認中");
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it("are listed among the partner's documents with their deadline", async () => {
    const sent = await t.call(
      "POST",
      `/v1/contracts/${c.contractId}/months/2025-08/payment-notice`,
      { token: c.owner, body: {} },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const mine = await t.call("GET", "/v1/me/invoices", { token: c.partner });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        id: sent.body.id,
        kind: "paymentNotice",
        number: "PN-000001",
        status: "underReview",
        acceptBy: "2025-10-02T01:00:00.000Z",
      }),
    ]);
    const onlyInvoices = await t.call("GET", "/v1/me/invoices?kind=invoice", { token: c.partner });
    expect(onlyInvoices.body.items).toEqual([]);
    // The company's list stays its review queue of partners' invoices unless it asks.
    const company = `/v1/companies/${c.companyId}/invoices`;
    expect((await t.call("GET", company, { token: c.owner })).body.items).toEqual([]);
    const notices = await t.call("GET", `${company}?kind=paymentNotice`, { token: c.owner });
    expect(notices.body.items.map((i: { id: string }) => i.id)).toEqual([sent.body.id]);
  });

  it("addresses a corporation 御中", () => {
    const doc = {
      issuer: { name: "伊藤 商事株式会社", kind: "corporation", registrationNumber: "" },
      recipient: { name: "Demo" },
    } as unknown as InvoiceDocument;
    const layout = paymentNoticeLayout(
      {
        ...doc,
        number: "PN-000001",
        issuedOn: "2025-08-26",
        month: "2025-08",
        period: { from: "2025-07-26", to: "2025-08-25" },
        contract: { id: "c", title: "保守", contractType: "quasiMandate" },
        figures: { lines: [], adjustments: [], subtotal: 0, payable: 0, total: 0 },
        taxByRate: [],
        withholding: { enabled: false, base: "includingTax", amount: 0 },
        extraItems: [],
        expenses: [],
        dueDate: null,
        bankAccount: null,
        remarks: "",
      } as unknown as InvoiceDocument,
      "underReview",
      null,
    );
    const parties = layout.blocks.find((b) => b.type === "parties");
    expect(parties).toMatchObject({
      left: ["伊藤 商事株式会社 御中", "登録番号 （未登録）", expect.any(String)],
    });
    expect(layout.status).toBeUndefined();
  });
});
