import { describe, expect, it } from "vitest";
import { monthDaysInPeriod, monthEntryIssues, relabelEntries } from "./monthEntries";
import type { QuoteRequest } from "./types";

const request = (dates: string[]): QuoteRequest => ({
  month: "2025-12",
  closingDay: 31,
  settlementUnit: 15,
  costCategories: [{ id: "dev", type: "hourly", name: "開発", unitPrice: 5000 }],
  entries: dates.map((date) => ({ date, costCategoryId: "dev", start: "900", end: "1000" })),
  extraItems: [],
  expenses: [],
  partner: { kind: "individual", nonResident: false },
  consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
  withholding: { enabled: false },
});

describe("a month's entries against the contract period", () => {
  it("refuses a day of the working month before the contract starts, and only that one", () => {
    const issues = monthEntryIssues(request(["2025-11-30", "2025-12-01"]), {
      start: "2025-12-01",
      end: "2026-03-31",
    });
    // 11-30 is outside December's working month too: the engine's own issue, not a second one.
    expect(issues.map((i) => i.path)).toEqual(["entries.0.date"]);
    const inMonth = monthEntryIssues(request(["2025-12-01", "2025-12-02"]), {
      start: "2025-12-02",
      end: "2026-03-31",
    });
    expect(inMonth).toEqual([
      expect.objectContaining({
        path: "entries.0.date",
        code: "date_outside_period",
        messageJa: "1件目 (2025-12-01) は契約期間（2025-12-02〜2026-03-31）の期間外です",
      }),
    ]);
  });

  it("lists the days a timesheet holds: the working month inside the period", () => {
    const days = monthDaysInPeriod("2025-12", 25, { start: "2025-12-01", end: "2026-03-31" });
    expect(days[0]).toBe("2025-12-01");
    expect(days.at(-1)).toBe("2025-12-25");
    expect(days).toHaveLength(25);
    expect(monthDaysInPeriod("2025-12", 31, { start: "2026-01-01", end: "2026-03-31" })).toEqual(
      [],
    );
  });

  it("names entries as the caller does", () => {
    const [issue] = monthEntryIssues(request(["2025-12-01"]), {
      start: "2025-12-05",
      end: "2025-12-31",
    });
    if (!issue) throw new Error("expected an issue");
    const label = (i: number) => ({ en: `Row ${i + 6}`, ja: `${i + 6}行目` });
    expect(relabelEntries(issue, label, "ja")).toBe(
      "6行目 (2025-12-01) は契約期間（2025-12-05〜2025-12-31）の期間外です",
    );
    expect(relabelEntries(issue, label, "en")).toMatch(/^Row 6 \(2025-12-01\)/);
  });
});
