import { describe, expect, it } from "vitest";
import { createApp } from "../app";

// The spec's request gains taxRate on extra items and expenses, and the answer gains
// taxByRate and expensesByRate (README, "Spec additions"); every spec field keeps its value.

const app = createApp();

const month = (extra: unknown[], expenses: unknown[] = []) => ({
  month: "2025-08",
  costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }],
  entries: [
    { date: "2025-08-01", costCategoryId: "dev", start: "0900", end: "1800", breakMinutes: 60 },
  ],
  extraItems: extra,
  expenses,
  partner: { kind: "individual" },
  withholding: { enabled: true },
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.request("/v1/quote", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("POST /v1/quote with the reduced rate", () => {
  it("answers tax per rate, each rounded once, and the spec's fields as their sums", async () => {
    const res = await post(
      month(
        [
          { name: "追加作業", amount: 20_005 },
          { name: "弁当", amount: 1_234, taxRate: 8 },
          { name: "茶菓", amount: 999, taxRate: 8 },
        ],
        [
          { name: "交通費", amount: 1_240, taxRate: 10 },
          { name: "飲料", amount: 540, taxRate: 8 },
        ],
      ),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    // 10 %: 60,005 -> 6,000; 8 %: 2,233 -> 178. total 68,416; withholding 6,985.
    expect(body).toMatchObject({
      subtotal: 62_238,
      consumptionTax: 6_178,
      taxByRate: [
        { rate: 10, taxableAmount: 60_005, consumptionTax: 6_000 },
        { rate: 8, taxableAmount: 2_233, consumptionTax: 178 },
      ],
      total: 68_416,
      withholdingTax: 6_985,
      expensesTotal: 1_780,
      expensesByRate: [
        { rate: 10, amount: 1_240 },
        { rate: 8, amount: 540 },
      ],
      payable: 63_211,
    });
  });

  it("a request without rates answers one 10 % row with the spec's figures", async () => {
    const res = await post(month([{ name: "追加作業", amount: 20_000 }]));
    const body = await res.json();
    expect(body).toMatchObject({
      subtotal: 60_000,
      consumptionTax: 6_000,
      taxByRate: [{ rate: 10, taxableAmount: 60_000, consumptionTax: 6_000 }],
      total: 66_000,
    });
  });

  it("refuses a rate other than 10 or 8 with 422 naming the field", async () => {
    const res = await post(month([{ name: "x", amount: 100, taxRate: 5 }]));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toContain("extraItems.0.taxRate");
  });
});
