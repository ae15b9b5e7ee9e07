import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { PNG_1X1 } from "../../worker/testing/files";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";
import { type Gas, installGas } from "../testing";
import { fillMonth } from "../testing/fixtures";
import { answering } from "./answer";
import { attachFile, listAttachments } from "./attachments";
import { listContracts } from "./contracts";
import { getEstimate } from "./estimate";
import { saveInvoice } from "./invoice";
import { COLUMN } from "./layout";
import { syncTimesheet } from "./sync";
import { createTimesheet } from "./timesheet";

// The add-on against `npm start`'s own server in another process, over real HTTP: the seeded
// demo partner, signed in with a dev Google identity token, as ScriptApp would give it.

let server: RunningServer;
let gas: Gas & { uninstall(): Promise<void> };
let contractId = "";
let originalEnd: unknown;
const month = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
})
  .format(new Date())
  .slice(0, 7);

beforeAll(async () => {
  server = await startNodeServer();
  gas = installGas({
    locale: "ja",
    identityToken: await devIdToken("partner@demo.shimebi.test"),
    fetch: "http",
  });
  // Set as saveSettings would, but over http: Apps Script itself only ever gets https.
  gas.properties.user.setProperty("shimebi.apiBaseUrl", server.base);
}, 60_000);

afterAll(async () => {
  await gas?.uninstall();
  await server?.stop();
});

describe("the add-on against the local API", () => {
  it("lists the demo partner's contracts and makes the timesheet from the real conditions", () => {
    const contracts = listContracts();
    const demo = contracts.find((c) => c.title === "Shimebi 開発支援");
    expect(demo, JSON.stringify(contracts)).toBeDefined();
    contractId = demo?.id ?? "";
    const info = createTimesheet(contractId, month);
    expect(info.month).toBe(month);
    const dropdown = gas.activeSheet().validationAt(2, COLUMN.category);
    expect(dropdown?.getCriteriaValues()[0]).toEqual(["月額固定"]);
  });

  it("syncs a 1,000-row month in one UrlFetchApp call; the server's estimate equals the offline one", () => {
    fillMonth(gas.activeSheet(), month, 1000);
    gas.counter.reset();
    const started = Date.now();
    const result = syncTimesheet();
    const elapsed = Date.now() - started;
    expect(result.error).toBeNull();
    expect(result).toMatchObject({ ok: true, rows: 1000, badRows: 0 });
    expect(gas.counter.of("fetch")).toBe(1);
    expect(gas.counter.of("getValues")).toBe(1);
    expect(gas.counter.of("setValues")).toBe(1);
    // Well inside Apps Script's 6-minute limit (and its 30-second sidebar patience).
    expect(elapsed).toBeLessThan(20_000);

    const estimate = getEstimate();
    expect(estimate.offline.ok).toBe(true);
    expect(result.estimate).not.toBeNull();
    // The server says where its choices came from; with no draft yet, the defaults.
    const { choicesFrom, withholdingChoice, ...figures } = result.estimate as unknown as {
      choicesFrom: string;
      withholdingChoice: unknown;
    };
    expect(choicesFrom).toBe("defaults");
    // The choice the invoice form starts from: off, with no invoice before.
    expect(withholdingChoice).toEqual({ enabled: false, base: "includingTax" });
    expect(estimate.offline).toEqual({ ok: true, quote: figures });
  });

  it("the offline estimate equals GET .../estimate of the API", async () => {
    const response = await fetch(
      `${server.base}/v1/contracts/${contractId}/months/${month}/estimate`,
      {
        headers: { authorization: `Bearer ${await devIdToken("partner@demo.shimebi.test")}` },
      },
    );
    expect(response.status).toBe(200);
    const offline = getEstimate().offline;
    const { choicesFrom, withholdingChoice, ...figures } = (await response.json()) as {
      choicesFrom: string;
      withholdingChoice: unknown;
    };
    expect(choicesFrom).toBe("defaults");
    expect(withholdingChoice).toEqual({ enabled: false, base: "includingTax" });
    expect(offline).toEqual({ ok: true, quote: figures });
  });

  it("is safe to repeat: the same rows again change nothing and keep their ids", () => {
    const ids = Array.from(
      { length: 1000 },
      (_, i) => gas.activeSheet().cells[1 + i]?.[COLUMN.rowId - 1],
    );
    const again = syncTimesheet();
    expect(again.ok).toBe(true);
    expect(
      Array.from({ length: 1000 }, (_, i) => gas.activeSheet().cells[1 + i]?.[COLUMN.rowId - 1]),
    ).toEqual(ids);
    const requests = gas.requests.filter((r) => r.method === "PUT");
    expect(requests).toHaveLength(2);
    expect(JSON.parse(requests[1]?.payload ?? "")).toEqual(JSON.parse(requests[0]?.payload ?? ""));
  });

  it("marks the rows the API refuses, in Japanese", () => {
    originalEnd = gas.activeSheet().cells[4]?.[COLUMN.end - 1];
    gas.activeSheet().write(5, COLUMN.end, "0000"); // the 4th entry ends before it starts
    const refused = answering(syncTimesheet)();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues.map((i) => i.path)).toContain("rows.3.end");
    expect(String(gas.activeSheet().cells[4]?.[COLUMN.errors - 1])).toMatch(/終了|開始/);
  });

  it("refuses to save the invoice while a row is refused, naming the sheet row", () => {
    const refused = answering(saveInvoice)({});
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe("sheet_disagrees");
    expect(refused.error.issues.map((i) => i.path)).toContain("sheetRows.5");
    expect(refused.error.issues.find((i) => i.path === "sheetRows.5")?.message).toMatch(/^5行目/);
    expect(gas.requests.filter((r) => r.method === "PUT" && r.url.endsWith("/invoice"))).toEqual(
      [],
    );
  });

  it("attaches a file to the month's draft invoice over real multipart HTTP", () => {
    gas.activeSheet().write(5, COLUMN.end, originalEnd);
    const draft = saveInvoice({});
    const png = Buffer.from(PNG_1X1).toString("base64");
    const attached = attachFile(draft.id, "report", "業務報告.png", "image/png", png);
    expect(attached).toMatchObject({ contentType: "image/png", purpose: "report" });
    expect(listAttachments(draft.id).map((a) => a.filename)).toEqual(["業務報告.png"]);
    // Recognised by content, not by name: text called .pdf is refused, unchanged.
    const text = Buffer.from("not a pdf").toString("base64");
    const refused = answering(attachFile)(draft.id, "other", "fake.pdf", "application/pdf", text);
    expect(refused).toMatchObject({ ok: false, error: { status: 415 } });
  });
});
