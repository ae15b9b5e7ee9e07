import { expect } from "vitest";
import type { TestApp } from "./app";
import { approvedContract, signIn } from "./contracts";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The demo partner's hourly contract (5,000 yen an hour, month-end closing, paid at the end of
 * the following month) for `year`, and an approved invoice with withholding for each month
 * in `months` (1..12), `hours(month)` hours of work each, all through the API.
 */
export async function approvedInvoicesFor(
  t: TestApp,
  options: {
    year: number;
    months: number[];
    hours?: (month: number) => number;
    /** A due date the partner chooses instead of the terms' one. */
    dueDate?: (month: number) => string | undefined;
    extraItems?: { name: string; amount: number; taxRate?: 10 | 8 }[];
    expenses?: { name: string; amount: number; taxRate?: 10 | 8 }[];
    seeded?: boolean;
  },
) {
  const { year } = options;
  const setup = await approvedContract(t, {
    costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }],
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    closingDay: 31,
    settlementUnit: 0,
    now: new Date(`${year - 1}-12-20T01:00:00Z`),
    seeded: options.seeded,
  });
  const invoices: { id: string; month: string; number: string; dueDate: string }[] = [];
  for (const m of options.months) {
    const month = `${year}-${pad(m)}`;
    const hours = options.hours?.(m) ?? 10;
    t.clock.now = new Date(`${month}-10T01:00:00Z`);
    // Sessions expire as the clock moves on: sign in again each month.
    setup.partner = await signIn(t, "partner@demo.shimebi.test");
    const entry = await t.call("POST", `/v1/contracts/${setup.contractId}/entries`, {
      token: setup.partner,
      body: { date: `${month}-05`, costCategoryId: "dev", start: "0000", end: `${pad(hours)}00` },
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    const next = m === 12 ? `${year + 1}-01` : `${year}-${pad(m + 1)}`;
    t.clock.now = new Date(`${next}-02T01:00:00Z`);
    setup.partner = await signIn(t, "partner@demo.shimebi.test");
    setup.owner = await signIn(t, "owner@demo.shimebi.test");
    const draft = await t.call("PUT", `/v1/contracts/${setup.contractId}/months/${month}/invoice`, {
      token: setup.partner,
      body: {
        withholding: { enabled: true, base: "includingTax" },
        ...(options.dueDate?.(m) ? { dueDate: options.dueDate(m) } : {}),
        ...(options.extraItems ? { extraItems: options.extraItems } : {}),
        ...(options.expenses ? { expenses: options.expenses } : {}),
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBeLessThan(300);
    const submitted = await t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: setup.partner,
      body: { confirmMonth: month },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const approved = await t.call("POST", `/v1/invoices/${draft.body.id}/approve`, {
      token: setup.owner,
      body: {},
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    invoices.push({
      id: draft.body.id,
      month,
      number: approved.body.number,
      dueDate: approved.body.dueDate,
    });
  }
  return { ...setup, owner: await signIn(t, "owner@demo.shimebi.test"), invoices };
}
