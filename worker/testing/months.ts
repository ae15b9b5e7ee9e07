import type { QuoteRequest, WorkEntry } from "../../shared";

// Request bodies for /v1/quote used by tests and the benchmark: the spec's worked example and
// generated months of any size, all valid.

const pad = (n: number) => String(n).padStart(2, "0");
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`;

/** The spec's hour-range example: 123 h 50 min in 2025-08, closing day 25, unit 30. */
export function specHourRangeExample(): QuoteRequest & { entries: WorkEntry[] } {
  const entries: WorkEntry[] = [];
  // Fifteen 8-hour days and one of 3 h 50 min: 7,430 minutes.
  for (let day = 1; day <= 15; day++) {
    entries.push({
      date: `2025-08-${pad(day)}`,
      costCategoryId: "ses",
      start: "0900",
      end: "1800",
      breakMinutes: 60,
    });
  }
  entries.push({ date: "2025-07-28", costCategoryId: "ses", start: "9:00", end: "12:50" });
  return {
    month: "2025-08",
    closingDay: 25,
    settlementUnit: 30,
    costCategories: [
      {
        id: "ses",
        name: "月額固定",
        type: "monthlyRange",
        monthlyFee: 1000000,
        lowerHours: 100,
        upperHours: 120,
        excessRate: 8000,
        deductionRate: 10000,
        months: [{ month: "2025-09", monthlyFee: 900000, lowerHours: 90, upperHours: 110 }],
      },
    ],
    entries,
    extraItems: [{ name: "追加作業", amount: 40000 }],
    expenses: [{ name: "交通費", amount: 1240 }],
    partner: { kind: "corporation", nonResident: false },
  };
}

export const specHourRangeResponse = {
  month: "2025-08",
  period: { from: "2025-07-26", to: "2025-08-25" },
  lines: [
    {
      costCategoryId: "ses",
      type: "monthlyRange",
      minutes: 7410,
      hours: 123.5,
      quantity: 1,
      unitPrice: 1000000,
      amount: 1000000,
    },
  ],
  adjustments: [{ costCategoryId: "ses", kind: "excess", hours: 3.5, rate: 8000, amount: 28000 }],
  subtotal: 1068000,
  consumptionTax: 106800,
  total: 1174800,
  withholdingTax: 0,
  expensesTotal: 1240,
  payable: 1176040,
};

/**
 * A month of `count` timed entries over 2025-08 (calendar month), spread evenly over the days
 * in short non-overlapping slots, on two hourly categories, with withholding for an individual.
 */
export function generatedMonth(count: number): QuoteRequest & { entries: WorkEntry[] } {
  const days = 31;
  const perDay = Math.ceil(count / days);
  const slot = Math.floor((47 * 60) / perDay);
  if (slot < 2) throw new Error(`${count} entries do not fit in a month`);
  const length = Math.max(1, Math.min(slot - 1, 45));
  const entries: WorkEntry[] = [];
  for (let i = 0; i < count; i++) {
    const day = (i % days) + 1;
    const start = Math.floor(i / days) * slot;
    entries.push({
      date: `2025-08-${pad(day)}`,
      costCategoryId: i % 3 === 0 ? "review" : "dev",
      start: clock(start),
      end: clock(start + length),
      details: "実装とレビュー",
    });
  }
  return {
    month: "2025-08",
    closingDay: 31,
    settlementUnit: 15,
    costCategories: [
      { id: "dev", name: "開発", type: "hourly", unitPrice: 5000 },
      { id: "review", name: "レビュー", type: "hourly", unitPrice: 4000 },
    ],
    entries,
    expenses: [{ name: "交通費", amount: 1240 }],
    partner: { kind: "individual" },
    withholding: { enabled: true, base: "includingTax" },
  };
}
