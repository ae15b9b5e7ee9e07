import { beforeEach, describe, expect, it } from "vitest";
import { workEntries } from "../db/schema";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract } from "../testing/contracts";

// An accepted payment notice (支払通知書) is booked like an approved invoice; one still under
// the partner's review is not.

let t: TestApp;
let c: Awaited<ReturnType<typeof approvedContract>>;

beforeEach(async () => {
  t = await testApp();
  c = await approvedContract(t, {
    // 10:00 in Tokyo on 2025-08-25: 2025-08 has closed, so its notice can be sent.
    now: new Date("2025-08-25T01:00:00Z"),
    billingMode: "paymentNotice",
    confirmationDays: 7,
    costCategories: [{ id: "dev", name: "開発", type: "monthly", monthlyFee: 200_000 }],
  });
  await t.db.insert(workEntries).values({
    contractId: c.contractId,
    workingMonth: "2025-08",
    date: "2025-08-04",
    costCategoryId: "dev",
    skipHours: true,
  });
});

describe("the journal of payment notices", () => {
  it("books an accepted notice per rate, and leaves out one under review", async () => {
    const sent = await t.call(
      "POST",
      `/v1/contracts/${c.contractId}/months/2025-08/payment-notice`,
      {
        token: c.owner,
        body: { extraItems: [{ name: "差入れ", amount: 5_000, taxRate: 8 }] },
      },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const date = sent.body.document.transactionDate as string;
    const url = `/v1/companies/${c.companyId}/exports/journal.csv?vendor=moneyforward&from=${date}&to=${date}`;
    const before = await t.call("GET", url, { token: c.owner });
    expect(before.status).toBe(200);
    expect(before.headers.get("x-journal-entries")).toBe("0");

    const accepted = await t.call("POST", `/v1/invoices/${sent.body.id}/accept`, {
      token: c.partner,
      body: {},
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const res = await t.app.request(url, { headers: { authorization: `Bearer ${c.owner}` } });
    expect(res.headers.get("x-journal-entries")).toBe("1");
    const rows = new TextDecoder("shift_jis")
      .decode(new Uint8Array(await res.arrayBuffer()))
      .split("\r\n")
      .filter(Boolean)
      .slice(1)
      .map((line) => line.split(","));
    const f = sent.body.figures;
    // 200,000 at 10 % -> 20,000; 5,000 at 8 % -> 400.
    expect(f.taxByRate).toEqual([
      { rate: 10, taxableAmount: 200_000, consumptionTax: 20_000 },
      { rate: 8, taxableAmount: 5_000, consumptionTax: 400 },
    ]);
    expect(rows.map((row) => [row[2], row[6], row[8], row[9]])).toEqual([
      ["外注費", "課税仕入 10%", "220000", "20000"],
      ["外注費", "課税仕入 (軽)8%", "5400", "400"],
    ]);
    expect(rows.map((row) => [row[10], row[16]])).toEqual([
      ["未払金", String(f.payable)],
      ["預り金", String(f.withholdingTax)],
    ]);
    expect(rows[0]?.[18]).toMatch(/^PN-000001 /);
  });
});
