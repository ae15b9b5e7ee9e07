import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { quote } from "../../shared";
import { type Gas, installGas } from "../testing";
import { API_BASE, CONTRACT_ID, contractApi } from "../testing/fixtures";
import { getEstimate } from "./estimate";
import { COLUMN } from "./layout";
import { createTimesheet } from "./timesheet";

let gas: Gas & { uninstall(): Promise<void> };

const CATEGORIES = [
  { id: "dev", name: "開発", type: "hourly" as const, unitPrice: 5000 },
  { id: "docs", name: "資料作成", type: "quantity" as const, unitPrice: 3000 },
];

beforeEach(() => {
  gas = installGas({ locale: "en", fetch: contractApi(CATEGORIES) });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
  createTimesheet(CONTRACT_ID, "2025-08");
  gas.setFetch(() => {
    throw new Error("offline: no network");
  });
});
afterEach(() => gas.uninstall());

describe("getEstimate (offline)", () => {
  it("equals the engine's quote for the same rows, read from text, numbers and dates", () => {
    const sheet = gas.activeSheet();
    const rows: unknown[][] = [
      ["2025-08-01", "開発", "900", "1800", 60, "", "", "設計"],
      [new Date("2025-08-04T00:00:00+09:00"), "開発", 930, "12:15", "", "", "", ""],
      ["2025/8/5", "資料作成", "", "", "", 2.5, "", "議事録"],
    ];
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        sheet.write(2 + r, 1 + c, value);
      });
    });
    gas.counter.reset();
    const estimate = getEstimate();
    const expected = quote({
      month: "2025-08",
      closingDay: 31,
      settlementUnit: 15,
      costCategories: CATEGORIES,
      entries: [
        { date: "2025-08-01", costCategoryId: "dev", start: "0900", end: "1800", breakMinutes: 60 },
        { date: "2025-08-04", costCategoryId: "dev", start: "0930", end: "1215" },
        { date: "2025-08-05", costCategoryId: "docs", quantity: 2.5 },
      ],
      partner: { kind: "individual", nonResident: false },
      consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
    });
    expect(expected.ok).toBe(true);
    expect(estimate.offline).toEqual(expected);
    // 8 h + 2 h 45 min at 5,000 yen, 2.5 at 3,000 yen
    if (estimate.offline.ok) expect(estimate.offline.quote.subtotal).toBe(53750 + 7500);
    expect(estimate.server).toBeNull();
    expect(gas.counter.of("fetch")).toBe(0);
    expect(gas.counter.of("getValues")).toBe(1);
  });

  it("reports the engine's issues, in the user's language, instead of figures", () => {
    gas.activeSheet().write(2, COLUMN.category, "開発");
    gas.activeSheet().write(2, COLUMN.start, "25:00x");
    gas.activeSheet().write(2, COLUMN.end, "2600");
    const estimate = getEstimate();
    expect(estimate.offline.ok).toBe(false);
    if (!estimate.offline.ok) {
      expect(estimate.offline.issues.map((i) => i.path)).toEqual(["entries.0.start"]);
      expect(estimate.offline.issues[0]?.message).toMatch(/start/);
    }
  });
});
