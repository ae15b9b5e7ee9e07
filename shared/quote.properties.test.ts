import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate, fromDayNumber } from "./calendar";
import { quote } from "./quote";
import { quoteOf } from "./testing";
import { formatTime } from "./time";
import type { CostCategory, QuoteRequest, QuoteResult, WorkEntry } from "./types";
import { periodDayRange, workingMonthPeriod } from "./workingMonth";

const SLOT_MINUTES = 240; // 11 slots a day keep every entry before 44:00 and apart

const categoriesArb: fc.Arbitrary<CostCategory[]> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.record({
          type: fc.constant("hourly" as const),
          unitPrice: fc.integer({ min: 0, max: 50_000 }),
        }),
        fc.record({
          type: fc.constant("quantity" as const),
          unitPrice: fc.integer({ min: 0, max: 50_000 }),
        }),
        fc.record({
          type: fc.constant("monthly" as const),
          monthlyFee: fc.integer({ min: 0, max: 2_000_000 }),
        }),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((list) => list.map((c, i) => ({ ...c, id: `c${i}` }) as CostCategory)),
  fc
    .record({
      monthlyFee: fc.integer({ min: 0, max: 2_000_000 }),
      lower: fc.integer({ min: 0, max: 200 }),
      width: fc.integer({ min: 0, max: 60 }),
      excessRate: fc.integer({ min: 0, max: 20_000 }),
      deductionRate: fc.integer({ min: 0, max: 20_000 }),
    })
    .map(({ monthlyFee, lower, width, excessRate, deductionRate }) => [
      {
        id: "ses",
        type: "monthlyRange" as const,
        monthlyFee,
        lowerHours: lower / 2,
        upperHours: (lower + width) / 2,
        excessRate,
        deductionRate,
      },
    ]),
);

const entryShapeArb = fc.record({
  day: fc.nat(),
  slot: fc.integer({ min: 0, max: 10 }),
  offset: fc.integer({ min: 0, max: 60 }),
  length: fc.integer({ min: 1, max: 180 }),
  breakShare: fc.double({ min: 0, max: 0.99, noNaN: true }),
  category: fc.nat(),
  hundredths: fc.integer({ min: 1, max: 10_000 }),
  colon: fc.boolean(),
});

const requestArb: fc.Arbitrary<QuoteRequest> = fc
  .record({
    year: fc.integer({ min: 2020, max: 2030 }),
    monthOfYear: fc.integer({ min: 1, max: 12 }),
    closingDay: fc.constantFrom(1, 10, 15, 20, 25, 28, 31),
    settlementUnit: fc.constantFrom(0 as const, 15 as const, 30 as const, 60 as const),
    categories: categoriesArb,
    shapes: fc.uniqueArray(entryShapeArb, {
      maxLength: 40,
      selector: (s) => `${s.day % 28}:${s.slot}`,
    }),
    extraItems: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 3 }),
    expenses: fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 3 }),
    kind: fc.constantFrom("individual" as const, "corporation" as const),
    nonResident: fc.boolean(),
    taxEnabled: fc.boolean(),
    rate: fc.constantFrom(0, 8, 10),
    rounding: fc.constantFrom("floor" as const, "round" as const, "ceil" as const),
    withholding: fc.boolean(),
    base: fc.constantFrom("includingTax" as const, "excludingTax" as const),
  })
  .map((g) => {
    const month = `${g.year}-${String(g.monthOfYear).padStart(2, "0")}`;
    const { first } = periodDayRange(
      workingMonthPeriod({ year: g.year, month: g.monthOfYear }, g.closingDay),
    );
    const entries: WorkEntry[] = g.shapes.map((s) => {
      const category = g.categories[s.category % g.categories.length] as CostCategory;
      const date = formatIsoDate(fromDayNumber(first + (s.day % 28)));
      if (category.type === "quantity") {
        return { date, costCategoryId: category.id, quantity: s.hundredths / 100 };
      }
      const start = s.slot * SLOT_MINUTES + s.offset;
      const end = start + s.length;
      const time = (m: number) => (s.colon ? formatTime(m) : formatTime(m).replace(":", ""));
      return {
        date,
        costCategoryId: category.id,
        start: time(start),
        end: time(end),
        breakMinutes: Math.floor(s.breakShare * s.length),
      };
    });
    return {
      month,
      closingDay: g.closingDay,
      settlementUnit: g.settlementUnit,
      costCategories: g.categories,
      entries,
      extraItems: g.extraItems.map((amount, i) => ({ name: `item ${i}`, amount })),
      expenses: g.expenses.map((amount, i) => ({ name: `expense ${i}`, amount })),
      partner: { kind: g.kind, nonResident: g.nonResident },
      consumptionTax: { enabled: g.taxEnabled, rate: g.rate, rounding: g.rounding },
      withholding: { enabled: g.withholding, base: g.base },
    };
  });

function yenFigures(result: QuoteResult): number[] {
  return [
    ...result.lines.flatMap((line) => [line.amount, line.unitPrice]),
    ...result.adjustments.map((adjustment) => adjustment.amount),
    result.subtotal,
    result.consumptionTax,
    result.total,
    result.withholdingTax,
    result.expensesTotal,
    result.payable,
  ];
}

describe("quote invariants", () => {
  it("every generated request is valid and its figures add up", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const result = quoteOf(request);
        expect(result.total).toBe(result.subtotal + result.consumptionTax);
        expect(result.payable).toBe(result.total - result.withholdingTax + result.expensesTotal);
        const parts = [...result.lines, ...result.adjustments].reduce(
          (sum, x) => sum + x.amount,
          0,
        );
        expect(result.subtotal).toBe(parts + result.extraItemsTotal);
        for (const yen of yenFigures(result)) expect(Number.isSafeInteger(yen)).toBe(true);
        if (!request.consumptionTax?.enabled || request.partner?.nonResident) {
          expect(result.consumptionTax).toBe(0);
        }
        if (!request.withholding?.enabled || request.partner?.kind === "corporation") {
          expect(result.withholdingTax).toBe(0);
        }
      }),
    );
  });

  it("settled minutes are a multiple of the unit, never above the raw sum, less than a unit below it", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const unit = request.settlementUnit ?? 0;
        for (const line of quoteOf(request).lines) {
          if (line.type === "quantity") continue;
          expect(line.minutes).toBeLessThanOrEqual(line.rawMinutes);
          if (unit === 0) expect(line.minutes).toBe(line.rawMinutes);
          else {
            expect(line.minutes % unit).toBe(0);
            expect(line.rawMinutes - line.minutes).toBeLessThan(unit);
          }
        }
      }),
    );
  });

  it("reordering the entries changes nothing", () => {
    fc.assert(
      fc.property(
        requestArb,
        fc.array(fc.double({ noNaN: true }), { maxLength: 40 }),
        (request, keys) => {
          const entries = request.entries ?? [];
          const shuffled = entries
            .map((entry, i) => ({ entry, key: keys[i] ?? i }))
            .sort((a, b) => a.key - b.key)
            .map(({ entry }) => entry);
          expect(quoteOf({ ...request, entries: shuffled })).toEqual(quoteOf(request));
        },
      ),
    );
  });

  it("splitting an entry in two adjacent ones never changes the month without a settlement unit", () => {
    fc.assert(
      fc.property(
        requestArb,
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (generated, pick, at) => {
          const request = { ...generated, settlementUnit: 0 as const };
          const entries = request.entries ?? [];
          const index = entries.findIndex(
            (e, i) =>
              i >= pick % Math.max(entries.length, 1) &&
              e.start !== undefined &&
              toMinutes(e.end) - toMinutes(e.start) - (e.breakMinutes ?? 0) >= 2,
          );
          fc.pre(index >= 0);
          const entry = entries[index] as WorkEntry;
          const start = toMinutes(entry.start);
          const end = toMinutes(entry.end);
          const breakMinutes = entry.breakMinutes ?? 0;
          const middle = start + 1 + Math.floor(at * (end - start - 2));
          const firstBreak = Math.min(breakMinutes, middle - start - 1);
          const halves: WorkEntry[] = [
            { ...entry, end: formatTime(middle), breakMinutes: firstBreak },
            { ...entry, start: formatTime(middle), breakMinutes: breakMinutes - firstBreak },
          ];
          const split = [...entries.slice(0, index), ...halves, ...entries.slice(index + 1)];
          const before = quoteOf(request);
          const after = quote({ ...request, entries: split });
          expect(after).toEqual({ ok: true, quote: before });
        },
      ),
    );
  });
});

function toMinutes(time: string | number | undefined): number {
  const text = String(time).replace(":", "");
  return Math.floor(Number(text) / 100) * 60 + (Number(text) % 100);
}
