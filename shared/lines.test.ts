import { describe, expect, it } from "vitest";
import { hourlyRequest, quoteOf } from "./testing";
import type { QuoteRequest, WorkEntry } from "./types";

function timed(
  date: string,
  start: string,
  end: string,
  costCategoryId = "dev",
  breakMinutes = 0,
): WorkEntry {
  return { date, costCategoryId, start, end, breakMinutes };
}

describe("hourly lines", () => {
  it("amount = floor(settled hours x unitPrice), quantity = hours", () => {
    // 500 minutes at 5,000 yen/h: 41,666.67 -> 41,666
    const result = quoteOf(hourlyRequest({ entries: [timed("2025-08-01", "0900", "1720")] }));
    expect(result.lines[0]).toMatchObject({
      minutes: 500,
      hours: 500 / 60,
      quantity: 500 / 60,
      amount: 41666,
    });
  });

  it("multiplies in integers: 11 minutes at 4,500 yen/h is 825, not 824", () => {
    const result = quoteOf(
      hourlyRequest({
        costCategories: [{ id: "dev", type: "hourly", unitPrice: 4500 }],
        entries: [timed("2025-08-01", "0900", "0911")],
      }),
    );
    expect(result.lines[0]?.amount).toBe(825);
  });

  it.each([
    [0, 7430, 123 + 50 / 60],
    [15, 7425, 123.75],
    [30, 7410, 123.5],
    [60, 7380, 123],
  ] as const)("settlement unit %i turns 7,430 worked minutes into %i", (unit, minutes, hours) => {
    const entries = [
      ...Array.from({ length: 15 }, (_, i) =>
        timed(`2025-08-${String(i + 1).padStart(2, "0")}`, "0900", "1800", "dev", 60),
      ),
      timed("2025-08-20", "1000", "1350"),
    ];
    const result = quoteOf(hourlyRequest({ settlementUnit: unit, entries }));
    expect(result.lines[0]).toMatchObject({ minutes, rawMinutes: 7430, hours, quantity: hours });
    expect(result.lines[0]?.amount).toBe(Math.floor((minutes * 5000) / 60));
  });

  it("truncates the month's total per category, not each entry", () => {
    const result = quoteOf(
      hourlyRequest({
        settlementUnit: 30,
        entries: [timed("2025-08-01", "0900", "0920"), timed("2025-08-02", "0900", "0920")],
      }),
    );
    expect(result.lines[0]).toMatchObject({
      rawMinutes: 40,
      minutes: 30,
      hours: 0.5,
      amount: 2500,
    });
  });

  it("settles each category on its own", () => {
    const result = quoteOf({
      month: "2025-08",
      settlementUnit: 60,
      costCategories: [
        { id: "a", type: "hourly", unitPrice: 6000 },
        { id: "b", type: "hourly", unitPrice: 6000 },
      ],
      entries: [timed("2025-08-01", "0900", "0940", "a"), timed("2025-08-01", "1000", "1040", "b")],
    });
    expect(result.lines.map((line) => line.minutes)).toEqual([0, 0]);
  });

  it("a category without entries is a line of 0, in request order", () => {
    const result = quoteOf({
      month: "2025-08",
      costCategories: [
        { id: "z", type: "hourly", unitPrice: 5000 },
        { id: "q", type: "quantity", unitPrice: 4500 },
        { id: "m", type: "monthly", monthlyFee: 300000 },
      ],
    });
    expect(
      result.lines.map((l) => [l.costCategoryId, l.type, l.minutes, l.quantity, l.amount]),
    ).toEqual([
      ["z", "hourly", 0, 0, 0],
      ["q", "quantity", 0, 0, 0],
      ["m", "monthly", 0, 1, 300000],
    ]);
  });
});

describe("quantity lines", () => {
  const request = (quantities: number[], unitPrice = 4500): QuoteRequest => ({
    month: "2025-08",
    costCategories: [{ id: "sup", type: "quantity", unitPrice }],
    entries: quantities.map((quantity, i) => ({
      date: `2025-08-${String(i + 1).padStart(2, "0")}`,
      costCategoryId: "sup",
      quantity,
    })),
  });

  it("amount = floor(sum of quantities x unitPrice)", () => {
    expect(quoteOf(request([2.5])).lines[0]).toMatchObject({
      minutes: 0,
      hours: 0,
      quantity: 2.5,
      unitPrice: 4500,
      amount: 11250,
    });
    expect(quoteOf(request([0.01])).lines[0]).toMatchObject({ quantity: 0.01, amount: 45 });
    expect(quoteOf(request([0.33], 100)).lines[0]?.amount).toBe(33);
  });

  it("sums in hundredths: 0.29 x 100 is 29 and 0.1 + 0.2 is 0.3", () => {
    expect(quoteOf(request([0.29], 100)).lines[0]?.amount).toBe(29);
    const sum = quoteOf(request([0.1, 0.2], 1000)).lines[0];
    expect(sum?.quantity).toBe(0.3);
    expect(sum?.amount).toBe(300);
    expect(quoteOf(request([1.13, 2.01], 4500)).lines[0]?.amount).toBe(14130);
  });

  it("floors the total once, not each entry", () => {
    // 3 x 0.01 x 50 = 1.5 -> 1 (per entry it would be 0 + 0 + 0)
    expect(quoteOf(request([0.01, 0.01, 0.01], 50)).lines[0]?.amount).toBe(1);
  });
});

describe("monthly lines", () => {
  it("are the monthly fee whatever the entries, hours reported from timed ones", () => {
    const result = quoteOf({
      month: "2025-08",
      settlementUnit: 15,
      costCategories: [{ id: "fix", type: "monthly", monthlyFee: 300000 }],
      entries: [
        timed("2025-08-01", "0900", "1010", "fix"),
        { date: "2025-08-02", costCategoryId: "fix", skipHours: true, details: "顧客紹介" },
      ],
    });
    expect(result.lines[0]).toMatchObject({
      rawMinutes: 70,
      minutes: 60,
      hours: 1,
      quantity: 1,
      unitPrice: 300000,
      amount: 300000,
    });
    expect(result.adjustments).toEqual([]);
  });
});
