import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DayInterval, findOverlaps, formatTime, parseTime, workedMinutes } from "./time";

describe("parseTime", () => {
  it.each([
    ["820", 8 * 60 + 20],
    ["0820", 8 * 60 + 20],
    ["08:20", 8 * 60 + 20],
    ["8:20", 8 * 60 + 20],
    ["900", 9 * 60],
    ["1325", 13 * 60 + 25],
    ["000", 0],
    ["0000", 0],
    ["00:00", 0],
    ["2630", 26 * 60 + 30],
    ["26:30", 26 * 60 + 30],
    ["4759", 47 * 60 + 59],
    ["47:59", 47 * 60 + 59],
  ])("reads %j as %i minutes", (text, minutes) => {
    expect(parseTime(text)).toBe(minutes);
  });

  it.each([
    ["4800", "hour 48"],
    ["48:00", "hour 48"],
    ["0860", "minute 60"],
    ["08:60", "minute 60"],
    ["8:2", "one-digit minutes"],
    ["abc", "letters"],
    ["", "empty"],
    ["9", "one bare digit (09:00 or 00:09?)"],
    ["09", "two bare digits"],
    ["12345", "five digits"],
    ["123:45", "three-digit hours"],
    [":20", "no hours"],
    [" 0900", "a leading space"],
    ["0900 ", "a trailing space"],
    ["09.00", "a dot"],
    ["-100", "a sign"],
    ["０９００", "full-width digits"],
  ])("refuses %j (%s)", (text) => {
    expect(parseTime(text)).toBeNull();
  });

  it("reads numbers as HHMM, since JSON cannot write 0820", () => {
    expect(parseTime(820)).toBe(500);
    expect(parseTime(0)).toBe(0);
    expect(parseTime(30)).toBe(30);
    expect(parseTime(2630)).toBe(1590);
    expect(parseTime(4759)).toBe(2879);
    expect(parseTime(4800)).toBeNull();
    expect(parseTime(860)).toBeNull();
    expect(parseTime(8.5)).toBeNull();
    expect(parseTime(-820)).toBeNull();
    expect(parseTime(Number.NaN)).toBeNull();
  });

  it("refuses other types", () => {
    expect(parseTime(null)).toBeNull();
    expect(parseTime(undefined)).toBeNull();
    expect(parseTime(true)).toBeNull();
    expect(parseTime({})).toBeNull();
  });

  it("reads back every time it formats", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 47 * 60 + 59 }), (minutes) => {
        const text = formatTime(minutes);
        expect(parseTime(text)).toBe(minutes);
        expect(parseTime(text.replace(":", ""))).toBe(minutes);
      }),
    );
  });
});

describe("formatTime and workedMinutes", () => {
  it("formats hours past 23 as they were entered", () => {
    expect(formatTime(0)).toBe("00:00");
    expect(formatTime(545)).toBe("09:05");
    expect(formatTime(1590)).toBe("26:30");
  });

  it("worked minutes are end - start - break, also past midnight", () => {
    expect(workedMinutes(540, 1080, 60)).toBe(480);
    expect(workedMinutes(22 * 60, 26 * 60 + 30, 30)).toBe(240);
  });
});

function interval(index: number, day: number, start: number, end: number): DayInterval {
  return { index, day, start, end };
}

describe("findOverlaps", () => {
  it("lets 13:00-14:00 follow 12:00-13:00", () => {
    expect(findOverlaps([interval(0, 1, 720, 780), interval(1, 1, 780, 840)])).toEqual([]);
  });

  it("pairs an overlapping interval with the earlier one it hits, whatever the input order", () => {
    const a = interval(0, 1, 780, 840);
    const b = interval(1, 1, 720, 790);
    expect(findOverlaps([a, b])).toEqual([{ earlier: b, later: a }]);
  });

  it("ignores the same times on different days", () => {
    expect(findOverlaps([interval(0, 1, 540, 600), interval(1, 2, 540, 600)])).toEqual([]);
  });

  it("finds intervals nested in a long one even after a short one ends", () => {
    const long = interval(0, 1, 540, 1020);
    const first = interval(1, 1, 600, 660);
    const second = interval(2, 1, 720, 780);
    const found = findOverlaps([second, first, long]);
    expect(found).toEqual([
      { earlier: long, later: first },
      { earlier: long, later: second },
    ]);
  });

  it("reports exactly the intervals that start before an earlier one ends (brute force)", () => {
    const arbitrary = fc.array(
      fc
        .record({ day: fc.integer({ min: 0, max: 3 }), start: fc.integer({ min: 0, max: 60 }) })
        .chain(({ day, start }) =>
          fc.integer({ min: start + 1, max: 70 }).map((end) => ({ day, start, end })),
        ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arbitrary, (raw) => {
        const intervals = raw.map((r, index) => interval(index, r.day, r.start, r.end));
        const found = findOverlaps(intervals);
        for (const { earlier, later } of found) {
          expect(earlier.day).toBe(later.day);
          expect(later.start < earlier.end && earlier.start < later.end).toBe(true);
        }
        const reported = new Set(found.map((o) => o.later.index));
        const order = (x: DayInterval, y: DayInterval) =>
          x.day - y.day || x.start - y.start || x.end - y.end || x.index - y.index;
        for (const j of intervals) {
          const hit = intervals.some(
            (i) => i !== j && i.day === j.day && order(i, j) < 0 && j.start < i.end,
          );
          expect(reported.has(j.index)).toBe(hit);
        }
        // Some interval is reported iff any two intervals overlap at all.
        const anyPair = intervals.some((i) =>
          intervals.some((j) => i !== j && i.day === j.day && i.start < j.end && j.start < i.end),
        );
        expect(found.length > 0).toBe(anyPair);
      }),
    );
  });
});
