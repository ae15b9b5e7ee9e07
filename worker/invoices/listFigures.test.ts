import { describe, expect, it } from "vitest";
import { testApp } from "../testing/app";
import { augustDraft, signIn } from "../testing/contracts";

// The company's invoice list carries each invoice's figures, so a reviewer's sheet shows
// subtotal, tax, withholding and payable without opening every invoice.

describe("GET /v1/companies/{companyId}/invoices", () => {
  it("lists subtotal, consumption tax, withholding, total and payable as the invoice has them", async () => {
    const t = await testApp();
    const draft = await augustDraft(t, new Date("2025-08-26T01:00:00Z"));
    expect((await draft.submit("ja")).status).toBe(200);
    const owner = await signIn(t, "owner@demo.shimebi.test");
    const list = await t.call("GET", `/v1/companies/${draft.companyId}/invoices`, { token: owner });
    expect(list.status).toBe(200);
    const shown = await t.call("GET", `/v1/invoices/${draft.draftId}`, { token: owner });
    const figures = shown.body.figures;
    // One 8-hour day against a 100-120 h range: 92 h short at 10,000 yen.
    expect(list.body.items[0]).toMatchObject({
      subtotal: 80000,
      consumptionTax: 8000,
      total: 88000,
      withholdingTax: figures.withholdingTax,
      payable: figures.payable,
    });
    expect(figures.subtotal).toBe(80000);
  });
});
