import { describe, expect, it } from "vitest";
import { invoices } from "../db/schema";
import { snapshot, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";

// A deduction larger than the fee (時間幅・控除) makes the month's total negative: such an
// invoice is refused at submission with the reason, and nothing changes.

describe("an invoice whose total is below zero", () => {
  it("is refused at submit, saying the deductions exceed the fee", async () => {
    const t = await testApp();
    const ctx = await approvedContract(t, {
      costCategories: [
        {
          id: "ses",
          name: "月額固定",
          type: "monthlyRange",
          monthlyFee: 100000,
          lowerHours: 100,
          upperHours: 120,
          excessRate: 8000,
          deductionRate: 10000,
        },
      ],
    });
    t.clock.now = new Date("2025-08-26T01:00:00Z");
    const partner = await signIn(t, "partner@demo.shimebi.test");
    const path = `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`;
    // No work at all: 100 h short at 10,000 yen is 1,000,000 off a 100,000 yen fee.
    const draft = await t.call("PUT", path, { token: partner, body: {} });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.figures.total).toBeLessThan(0);
    const before = await snapshot(t.db);
    const res = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: partner,
      body: { confirmMonth: "2025-08" },
      headers: { "accept-language": "ja" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("negative_total");
    expect(res.body.error.issues[0].path).toBe("figures.total");
    expect(res.body.error.message).toMatch(
      /^請求金額の合計が -\d[\d,]*円 とマイナスです。控除が報酬を上回っているため提出できません/,
    );
    expect(res.body.error.issues[0].message).not.toMatch(/[A-Za-z]{4}/);
    const english = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: partner,
      body: { confirmMonth: "2025-08" },
    });
    expect(english.body.error.message).toMatch(/^The invoice total is -\d[\d,]* yen, below zero/);
    expect(await snapshot(t.db)).toEqual(before);
    const [row] = await t.db.select().from(invoices);
    expect(row?.status).toBe("draft");
  });
});
