import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankHolidayPredicate } from "./bankHolidays";
import {
  closingDateOf,
  daysAfterClosing,
  dueDateFor,
  freelanceActLimitIssue,
  nominalDueDate,
  type PaymentTerms,
  paymentTermsLabel,
  validatePaymentTerms,
} from "./paymentTerms";

const endOfNextMonth: PaymentTerms = { monthsAfter: 1, day: 31 };
const closed = bankHolidayPredicate(new Set(["2025-09-15", "2025-09-23", "2026-01-12"]));
const open = () => false;

describe("payment terms (支払条件)", () => {
  it.each([
    [{ monthsAfter: 1, day: 31 }, "end of the following month", "翌月末払い"],
    [{ monthsAfter: 0, day: 31 }, "end of the same month", "当月末払い"],
    [{ monthsAfter: 2, day: 10 }, "10th of the month after next", "翌々月10日払い"],
    [{ monthsAfter: 1, day: 21 }, "21st of the following month", "翌月21日払い"],
    [{ monthsAfter: 3, day: 12 }, "12th of the month 3 months later", "3か月後の12日払い"],
  ])("%o reads %s / %s", (terms, en, ja) => {
    expect(paymentTermsLabel(terms)).toEqual({ en, ja });
  });

  it("the closing date is the working month's last day", () => {
    expect(closingDateOf("2025-08", 25)).toBe("2025-08-25");
    expect(closingDateOf("2024-02", 31)).toBe("2024-02-29");
  });

  it.each([
    ["2025-08", 25, { monthsAfter: 1, day: 31 }, "2025-09-30"],
    ["2025-01", 31, { monthsAfter: 1, day: 31 }, "2025-02-28"],
    ["2024-01", 31, { monthsAfter: 1, day: 30 }, "2024-02-29"],
    ["2025-11", 31, { monthsAfter: 2, day: 10 }, "2026-01-10"],
    ["2025-08", 31, { monthsAfter: 0, day: 31 }, "2025-08-31"],
  ] as const)("%s closing on %i, %o: nominally %s", (month, closingDay, terms, date) => {
    expect(nominalDueDate(month, closingDay, terms)).toBe(date);
  });

  it("a bank holiday moves the due date to the previous business day", () => {
    // 2025-08-31 is a Sunday: Friday the 29th.
    expect(dueDateFor("2025-07", 31, endOfNextMonth, closed)).toBe("2025-08-29");
    // 2025-09-15 is 敬老の日 (Monday), after a weekend: Friday the 12th.
    expect(dueDateFor("2025-08", 25, { monthsAfter: 1, day: 15 }, closed)).toBe("2025-09-12");
    // 12/31 is closed: the 30th.
    expect(dueDateFor("2025-11", 31, endOfNextMonth, closed)).toBe("2025-12-30");
    // 2026-01-03 is a Saturday, then 1/2, 1/1, 12/31: back to 2025-12-30.
    expect(dueDateFor("2025-11", 25, { monthsAfter: 2, day: 3 }, closed)).toBe("2025-12-30");
    // A business day stays.
    expect(dueDateFor("2025-08", 25, endOfNextMonth, closed)).toBe("2025-09-30");
    expect(() => dueDateFor("2025-08", 25, endOfNextMonth, () => true)).toThrow(RangeError);
  });

  it("counts the days from the closing date", () => {
    expect(daysAfterClosing("2025-08", 25, "2025-09-30")).toBe(36);
    expect(daysAfterClosing("2025-08", 25, "2025-08-25")).toBe(0);
  });

  it("the due date is the latest business day on or before the nominal date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2024 * 12, max: 2030 * 12 }),
        fc.constantFrom(1, 10, 20, 25, 28, 31),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 31 }),
        (index, closingDay, monthsAfter, day) => {
          const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
          const terms = { monthsAfter, day };
          const nominal = nominalDueDate(month, closingDay, terms);
          const due = dueDateFor(month, closingDay, terms, closed);
          expect(closed(due)).toBe(false);
          const moved = daysAfterClosing(month, closingDay, nominal);
          const actual = daysAfterClosing(month, closingDay, due);
          expect(actual).toBeLessThanOrEqual(moved);
          expect(moved - actual).toBeLessThan(7);
          expect(dueDateFor(month, closingDay, terms, open)).toBe(nominal);
        },
      ),
    );
  });
});

describe("validating payment terms", () => {
  it("accepts the usual terms", () => {
    expect(validatePaymentTerms(endOfNextMonth, 25)).toEqual([]);
    expect(validatePaymentTerms({ monthsAfter: 0, day: 31 }, 31)).toEqual([]);
    expect(validatePaymentTerms({ monthsAfter: 0, day: 25 }, 25)).toEqual([]);
  });

  it("names each field at fault", () => {
    expect(
      validatePaymentTerms({ monthsAfter: 4, day: 0 }, 25).map((issue) => [issue.path, issue.code]),
    ).toEqual([
      ["paymentTerms.monthsAfter", "invalid_payment_terms"],
      ["paymentTerms.day", "invalid_payment_terms"],
    ]);
    expect(validatePaymentTerms(undefined, 25)[0]?.code).toBe("required");
    expect(validatePaymentTerms({ monthsAfter: 1.5, day: 31 }, 25)[0]?.path).toBe(
      "paymentTerms.monthsAfter",
    );
  });

  it("refuses payment due before the month closes", () => {
    const [issue] = validatePaymentTerms({ monthsAfter: 0, day: 10 }, 25);
    expect(issue).toMatchObject({
      path: "paymentTerms.day",
      code: "payment_due_before_closing",
      message:
        'Payment terms "10th of the same month" make payment due before the month closes on day 25: choose a day on or after the closing day, or a later month',
    });
    expect(validatePaymentTerms({ monthsAfter: 0, day: 30 }, 31)[0]?.code).toBe(
      "payment_due_before_closing",
    );
  });

  it("valid terms never fall due before the closing date", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("2024-02", "2025-02", "2025-04", "2025-07", "2025-12"),
        fc.constantFrom(1, 15, 25, 28, 31),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 31 }),
        (month, closingDay, monthsAfter, day) => {
          const terms = { monthsAfter, day };
          if (validatePaymentTerms(terms, closingDay).length > 0) return;
          const nominal = nominalDueDate(month, closingDay, terms);
          expect(daysAfterClosing(month, closingDay, nominal)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe("the Freelance Act's 60 days (フリーランス保護法)", () => {
  it.each([
    [31, { monthsAfter: 1, day: 31 }],
    [31, { monthsAfter: 2, day: 10 }],
    [25, { monthsAfter: 1, day: 31 }],
    [25, { monthsAfter: 2, day: 20 }],
  ])("closing day %i, %o is within the limit", (closingDay, terms) => {
    expect(freelanceActLimitIssue(terms, closingDay)).toBeNull();
  });

  it("refuses end of the month after next with month-end closing", () => {
    // June 30 to August 31: 31 + 31 days.
    expect(freelanceActLimitIssue({ monthsAfter: 2, day: 31 }, 31)).toEqual({
      path: "paymentTerms",
      code: "freelance_act_payment_limit",
      message:
        'Payment terms "end of the month after next" put the due date up to 62 days after the closing date (a month closing on June 30 is due on August 31): the Freelance Act (フリーランス保護法) requires payment within 60 days of receiving the work. Choose an earlier payment day.',
      messageJa:
        "支払条件「翌々月末払い」では、支払期日が締め日から最大 62 日後になります（6月30日締めの場合、支払期日は8月31日）。フリーランス保護法により、給付を受領した日から 60 日以内に支払う必要があります。より早い支払日を指定してください",
    });
  });

  it("checks every kind of month: closing on the 1st, end of next month reaches 61 days", () => {
    const issue = freelanceActLimitIssue(endOfNextMonth, 1, { path: "contract.paymentTerms" });
    expect(issue?.path).toBe("contract.paymentTerms");
    expect(issue?.message).toContain("up to 61 days");
    expect(freelanceActLimitIssue({ monthsAfter: 2, day: 25 }, 25)).not.toBeNull();
  });

  it("can be limited to the contract's own months", () => {
    // January 31 to March 31 is 59 days in 2025.
    const terms = { monthsAfter: 2, day: 31 };
    expect(freelanceActLimitIssue(terms, 31, { months: ["2025-01"] })).toBeNull();
    expect(freelanceActLimitIssue(terms, 31, { months: ["2025-01", "2025-07"] })).not.toBeNull();
  });

  it("passes exactly when no month's nominal date is more than 60 days out", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 10, 15, 20, 25, 28, 31),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom("2025-01", "2025-07", "2024-02", "2025-12"),
        (closingDay, monthsAfter, day, month) => {
          const terms = { monthsAfter, day };
          const days = daysAfterClosing(
            month,
            closingDay,
            nominalDueDate(month, closingDay, terms),
          );
          const issue = freelanceActLimitIssue(terms, closingDay, { months: [month] });
          expect(issue === null).toBe(days <= 60);
        },
      ),
    );
  });
});
