import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatedMonth } from "../testing/months";
import { parseQuoteRequest, quoteRequestBody, workEntrySchema } from "./schemas";

// parseQuoteRequest is quoteRequestBody.safeParse with the entries checked in one loop: the
// same data when it passes, zod's own issues when it does not.

function expectSameAnswer(body: unknown) {
  const fast = parseQuoteRequest(body);
  const full = quoteRequestBody.safeParse(body);
  expect(fast.success).toBe(full.success);
  if (fast.success && full.success) expect(fast.data).toEqual(full.data);
  else expect(fast.error?.issues).toEqual(full.error?.issues);
  return fast;
}

const month = () => JSON.parse(JSON.stringify(generatedMonth(40))) as Record<string, unknown>;

describe("parseQuoteRequest", () => {
  it("passes a good month with its entries untouched", () => {
    const body = month();
    const answer = expectSameAnswer(body);
    expect(answer.success).toBe(true);
    expect(answer.data?.entries).toEqual(body.entries);
  });

  it("answers zod's issues for every kind of refusal, in zod's order", () => {
    const entries = month().entries as Record<string, unknown>[];
    const refused: unknown[] = [
      { ...month(), entries: [...entries.slice(0, 3), { ...entries[3], hours: 8 }] },
      { ...month(), entries: { 0: entries[0] } },
      { ...month(), entries: null },
      { ...month(), entries: Array.from({ length: 20_001 }, () => 1) },
      { ...month(), month: "2025-13", entries: [{ ...entries[0], note: "x", extra: 1 }] },
      { ...month(), costCategories: [], colour: "red" },
      { ...month(), settlementUnit: "30" },
      [month()],
      "month",
      null,
    ];
    for (const body of refused) expect(expectSameAnswer(body).success).toBe(false);
  });

  it("leaves entries that are not objects to the engine, as zod does", () => {
    const body = { ...month(), entries: [1, "two", null, [3]] };
    expect(expectSameAnswer(body).success).toBe(true);
    const { entries: _, ...withoutEntries } = month();
    expect(expectSameAnswer(withoutEntries).data?.entries).toEqual([]);
  });

  it("agrees with the whole schema whatever keys the entries carry", () => {
    const entryKeys = Object.keys(workEntrySchema.shape);
    expect(entryKeys).toHaveLength(8);
    const [first] = month().entries as Record<string, unknown>[];
    for (const key of [...entryKeys, "memo", "Date", "constructor", "__proto__", ""]) {
      const entries = [JSON.parse(JSON.stringify({ ...first, [key]: first?.date }))];
      expect(expectSameAnswer({ ...month(), entries }).success).toBe(entryKeys.includes(key));
    }
    const keys = fc.constantFrom(...entryKeys, "memo", "");
    fc.assert(
      fc.property(fc.array(fc.dictionary(keys, fc.jsonValue()), { maxLength: 8 }), (entries) => {
        expectSameAnswer({ ...month(), entries });
      }),
      { numRuns: 200 },
    );
  });
});
