import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";
import { type Gas, installGas } from "../testing";
import { answering } from "./answer";
import { onEdit } from "./check";
import { listContracts } from "./contracts";
import { getEstimate } from "./estimate";
import { type Invoice, saveInvoice, submitInvoice } from "./invoice";
import { COLUMN } from "./layout";
import { syncTimesheet } from "./sync";
import { createTimesheet } from "./timesheet";

// The invoice is the sheet, as a property: whatever a partner types, syncs, saves or submits,
// in any order, an invoice the API accepts for submission carries exactly the figures the
// sheet estimates offline with the invoice's choices; and once the sheet's rows are all good,
// submitting succeeds (so the property is never met by refusing everything). Run against
// `npm start`'s server over real HTTP, the add-on's server code over the Apps Script
// stand-ins; after each accepted submission the company returns the invoice, so the next
// sequence edits it again.

let server: RunningServer;
let gas: Gas & { uninstall(): Promise<void> };
let ownerToken = "";
const thisMonth = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
})
  .format(new Date())
  .slice(0, 7);
const [year, mm] = thisMonth.split("-").map(Number) as [number, number];
/** Last month: closed, so its invoice can be submitted (the demo contract began then). */
const month = new Date(Date.UTC(year, mm - 2, 1)).toISOString().slice(0, 7);
/** The last day of next month: a due date never in the past. */
const dueDate = new Date(Date.UTC(year, mm + 1, 0)).toISOString().slice(0, 10);
/** Before the contract began (it runs from last month): a row the server refuses. */
const outside = new Date(Date.UTC(year, mm - 4, 10)).toISOString().slice(0, 10);
const ROWS = [2, 3, 4, 5, 6, 7];
const dates = new Map<number, unknown>();

beforeAll(async () => {
  server = await startNodeServer();
  gas = installGas({
    locale: "ja",
    identityToken: await devIdToken("partner@demo.shimebi.test"),
    fetch: "http",
  });
  ownerToken = await devIdToken("owner@demo.shimebi.test");
  gas.properties.user.setProperty("shimebi.apiBaseUrl", server.base);
  const demo = listContracts().find((c) => c.title === "Shimebi 開発支援");
  createTimesheet(demo?.id ?? "", month);
  for (const row of ROWS) dates.set(row, gas.activeSheet().cells[row - 1]?.[COLUMN.date - 1]);
}, 60_000);

afterAll(async () => {
  await gas?.uninstall();
  await server?.stop();
});

type Step =
  | { kind: "times"; row: number; start: string; end: string }
  | { kind: "clear"; row: number }
  | { kind: "dateOutside"; row: number }
  | { kind: "dateBack"; row: number }
  | { kind: "sync" }
  | { kind: "save" }
  | { kind: "submit" };

const row = fc.constantFrom(...ROWS);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("times" as const),
      row,
      start: fc.constantFrom("900", "0930", "１０００", "13:00"),
      // "0800" ends before every start: a row both the offline check and the API refuse.
      end: fc.constantFrom("1800", "18:30", "２０００", "0800"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("clear" as const), row }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dateOutside" as const), row }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dateBack" as const), row }) },
  { weight: 1, arbitrary: fc.constant({ kind: "sync" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "save" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "submit" as const }) },
);

/** A user's edit: the cell written, then the simple trigger Sheets fires for it. */
function type(sheetRow: number, column: number, value: unknown) {
  const sheet = gas.activeSheet();
  sheet.write(sheetRow, column, value);
  onEdit({ range: sheet.getRange(sheetRow, column) } as never);
}

const INPUT = { dueDate, consumptionTax: { enabled: true } };

async function giveBack(invoiceId: string) {
  const response = await fetch(`${server.base}/v1/invoices/${invoiceId}/return`, {
    method: "POST",
    headers: { authorization: `Bearer ${ownerToken}`, "content-type": "application/json" },
    body: JSON.stringify({ reason: "もう一度確認してください" }),
  });
  expect(response.status).toBe(200);
}

/** Submit (making the draft first when there is none); on success, its figures against the sheet's. */
function trySubmit(): Invoice | null {
  const saved = answering(saveInvoice)(INPUT);
  if (!saved.ok) return null;
  const submitted = answering(submitInvoice)(saved.value.id, month, INPUT);
  if (!submitted.ok) {
    // Refused only for the sheet, never for something else going wrong.
    expect(["sheet_disagrees", "invalid_request"]).toContain(submitted.error.code);
    return null;
  }
  const invoice = submitted.value;
  expect(invoice.status).toBe("underReview");
  const estimate = getEstimate(invoice.inputs);
  expect(estimate.offline.ok).toBe(true);
  if (estimate.offline.ok) expect(invoice.figures).toEqual(estimate.offline.quote);
  expect(estimate.sync.agrees).toBe(true);
  return invoice;
}

function apply(s: Step, returned: Invoice[]) {
  if (s.kind === "times") {
    type(s.row, COLUMN.start, s.start);
    type(s.row, COLUMN.end, s.end);
  } else if (s.kind === "clear") {
    for (const column of [COLUMN.start, COLUMN.end, COLUMN.details]) type(s.row, column, "");
  } else if (s.kind === "dateOutside") {
    type(s.row, COLUMN.date, outside);
  } else if (s.kind === "dateBack") {
    type(s.row, COLUMN.date, dates.get(s.row));
  } else if (s.kind === "sync") {
    answering(syncTimesheet)();
  } else if (s.kind === "save") {
    answering(saveInvoice)(INPUT);
  } else {
    const invoice = trySubmit();
    if (invoice) returned.push(invoice);
  }
}

describe("the invoice is the sheet", () => {
  it("no sequence of edits submits figures other than the sheet's estimate", async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const submitted: Invoice[] = [];
        for (const s of steps) {
          apply(s, submitted);
          for (const invoice of submitted.splice(0)) {
            accepted++;
            await giveBack(invoice.id);
          }
        }
        // Liveness: with every refused row cleared and the dates put back, it goes through.
        for (const r of ROWS) {
          if (dates.get(r) !== gas.activeSheet().cells[r - 1]?.[COLUMN.date - 1])
            type(r, COLUMN.date, dates.get(r));
          const errors = String(gas.activeSheet().cells[r - 1]?.[COLUMN.errors - 1] ?? "");
          if (errors) for (const column of [COLUMN.start, COLUMN.end]) type(r, column, "");
        }
        const last = trySubmit();
        if (!last) refused++;
        expect(last, "a good sheet is submitted").not.toBeNull();
        if (last) await giveBack(last.id);
      }),
      { numRuns: 12, seed: 20261204 },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBe(0);
  }, 180_000);

  it("names the sheet row and why while a row is refused, and submits once it is put right", () => {
    type(3, COLUMN.start, "900");
    type(3, COLUMN.end, "0800");
    const refused = answering(saveInvoice)(INPUT);
    expect(refused).toMatchObject({ ok: false, error: { code: "sheet_disagrees" } });
    if (refused.ok) return;
    const issue = refused.error.issues.find((i) => i.path === "sheetRows.3");
    expect(issue?.message).toMatch(/^3行目/);
    type(3, COLUMN.end, "1800");
    expect(trySubmit()?.status).toBe("underReview");
  });
});
