import { beforeEach, describe, expect, it } from "vitest";
import { workEntries } from "../db/schema";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import { countStatements } from "../testing/statements";

// Statements per request on the invoice's busiest routes: the auth step loads the invoice
// the route acts on once and hands it to the handler, so nothing is read twice.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

beforeEach(async () => {
  t = await testApp();
  ctx = await approvedContract(t);
  await t.db.insert(workEntries).values(
    Array.from({ length: 15 }, (_, i) => ({
      contractId: ctx.contractId,
      workingMonth: "2025-08",
      date: `2025-08-${String(i + 1).padStart(2, "0")}`,
      costCategoryId: "ses",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    })),
  );
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  ctx.owner = await signIn(t, "owner@demo.shimebi.test");
  ctx.partner = await signIn(t, "partner@demo.shimebi.test");
});

describe("statements per request", () => {
  it("submit, view and approve an invoice within their budgets", async () => {
    const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
      token: ctx.partner,
      body: {},
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const id = draft.body.id as string;
    const counter = countStatements(t.db);
    try {
      const submit = await counter.during(() =>
        t.call("POST", `/v1/invoices/${id}/submit`, {
          token: ctx.partner,
          body: { confirmMonth: "2025-08" },
        }),
      );
      expect(submit.value.status, JSON.stringify(submit.value.body)).toBe(200);
      const view = await counter.during(() =>
        t.call("GET", `/v1/invoices/${id}`, { token: ctx.owner }),
      );
      expect(view.value.status).toBe(200);
      const approve = await counter.during(() =>
        t.call("POST", `/v1/invoices/${id}/approve`, { token: ctx.owner, body: {} }),
      );
      expect(approve.value.status, JSON.stringify(approve.value.body)).toBe(200);
      const figures = {
        submit: submit.statements,
        view: view.statements,
        approve: approve.statements,
      };
      console.log(`statements per request: ${JSON.stringify(figures)}`);
      expect(figures.submit).toBeLessThanOrEqual(BUDGET.submit);
      expect(figures.view).toBeLessThanOrEqual(BUDGET.view);
      expect(figures.approve).toBeLessThanOrEqual(BUDGET.approve);
    } finally {
      counter.restore();
    }
  });
});

// Before authorization handed its rows to the handlers: submit 20, view 5, approve 13; after,
// 17, 3 and 11, and submit 18 once it looks up the group's approval route.
const BUDGET = { submit: 18, view: 3, approve: 11 };
