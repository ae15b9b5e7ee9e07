import { beforeEach, describe, expect, it } from "vitest";
import { workEntries } from "../db/schema";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";

// The estimate is the invoice: it uses the month's draft's withholding and tax, or, before
// there is a draft, what a new draft would start with (the partner's last approved invoice),
// and says which in `choicesFrom`.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;
const pad = (n: number) => String(n).padStart(2, "0");

async function work(month: string, dates: string[]) {
  await t.db.insert(workEntries).values(
    dates.map((date) => ({
      contractId: ctx.contractId,
      workingMonth: month,
      date,
      costCategoryId: "ses",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    })),
  );
}

const estimate = (month: string) =>
  t.call("GET", `/v1/contracts/${ctx.contractId}/months/${month}/estimate`, {
    token: ctx.partner,
  });

beforeEach(async () => {
  t = await testApp();
  ctx = await approvedContract(t);
  // 2025-08: 15 days of 8 h (120 h); 2025-09: 12 days of 8 h (96 h, inside 90-110 h).
  await work(
    "2025-08",
    Array.from({ length: 15 }, (_, i) => `2025-08-${pad(i + 1)}`),
  );
  await work(
    "2025-09",
    Array.from({ length: 12 }, (_, i) => `2025-09-${pad(i + 1)}`),
  );
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  ctx.partner = await signIn(t, "partner@demo.shimebi.test");
  ctx.owner = await signIn(t, "owner@demo.shimebi.test");
});

describe("GET .../months/{month}/estimate", () => {
  it("uses the draft's withholding, then carries it to the next month, and says so", async () => {
    const before = await estimate("2025-08");
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toMatchObject({
      choicesFrom: "defaults",
      total: 1100000,
      withholdingTax: 0,
      payable: 1100000,
    });

    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: { withholding: { enabled: true, base: "includingTax" } },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const withDraft = await estimate("2025-08");
    // 10.21 % up to 1,000,000 yen and 20.42 % above: 102,100 + 20,420.
    expect(withDraft.body).toMatchObject({
      choicesFrom: "monthDocument",
      withholdingTax: 122520,
      payable: 1100000 - 122520,
    });
    expect(withDraft.body.payable).toBe(draft.body.figures.payable);

    // Before September has a draft, its estimate starts from August's approved choices.
    expect((await estimate("2025-09")).body).toMatchObject({
      choicesFrom: "defaults",
      withholdingChoice: { enabled: false, base: "includingTax" },
      withholdingTax: 0,
    });
    await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: ctx.partner,
      body: { confirmMonth: "2025-08" },
    });
    await t.call("POST", `/v1/invoices/${draft.body.id}/approve`, { token: ctx.owner });
    const next = await estimate("2025-09");
    expect(next.body).toMatchObject({
      choicesFrom: "lastInvoice",
      // What a new draft's form starts from, so it does not drop the carried withholding.
      withholdingChoice: { enabled: true, base: "includingTax" },
      total: 990000,
      withholdingTax: Math.floor((990000 * 1021) / 10000),
    });
  });
});
