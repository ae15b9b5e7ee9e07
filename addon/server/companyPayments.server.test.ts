import Encoding from "encoding-japanese";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdToken } from "../../worker/dev/googleDevKey";
import { type RunningServer, startNodeServer } from "../../worker/testing/server";
import { type FakeSheet, type Gas, installGas } from "../testing";
import {
  menuAnnualStatements,
  menuJournalExport,
  menuMarkPaymentRunPaid,
  menuPaymentRun,
} from "./index";

// The company's 支払 and 支払調書 menu items against `npm start`'s own server over real HTTP,
// as the seeded demo company owner: the paths, the bearer, the refusals and the payer problem
// are the API's own, shown as sentences.

let server: RunningServer;
let gas: Gas & { uninstall(): Promise<void> };

beforeAll(async () => {
  server = await startNodeServer();
  gas = installGas({
    locale: "ja",
    identityToken: await devIdToken("owner@demo.shimebi.test"),
    fetch: "http",
  });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", server.base);
}, 60_000);

afterAll(async () => {
  await gas?.uninstall();
  await server?.stop();
});

describe("the company's payment menu items against the local API", () => {
  it("says why there is no payment run: a bank holiday, then nothing due", () => {
    gas.ui.answers.push("2026-12-31", "2026-12-25");
    expect(menuPaymentRun()).toBeNull();
    expect(menuPaymentRun()).toBeNull();
    expect(gas.ui.alerts).toEqual([
      "2026-12-31 は銀行休業日です。前営業日の 2026-12-30 を指定してください",
      "2026-12-25 に支払う承認済みの請求書・支払通知書はありません",
    ]);
    expect(gas.driveFiles).toHaveLength(0);
  });

  it("has no run to mark paid on a date nothing was gathered for", () => {
    gas.ui.alerts.length = 0;
    gas.ui.answers.push("2026-12-25");
    expect(menuMarkPaymentRunPaid()).toBeNull();
    expect(gas.ui.alerts).toEqual([
      "2026-12-25 の未払の支払はありません（メニュー「会社: 支払と振込ファイル」で作成します）",
    ]);
  });

  it("writes the 支払調書 sheet and names the payer settings still to fill in", () => {
    gas.ui.alerts.length = 0;
    gas.ui.answers.push("2026");
    const result = menuAnnualStatements();
    expect(result).toMatchObject({ year: 2026, statements: 0, file: null });
    expect(result?.problems).toEqual([
      "支払者（会社名・所在地・法人番号）が設定されていません。会社設定の「支払調書の支払者」を登録してください",
    ]);
    const sheet = gas.spreadsheet.getSheetByName("支払調書") as unknown as FakeSheet;
    expect(sheet.cells[0]?.[2]).toBe("支払を受ける者");
    const html = gas.ui.dialogs.at(-1)?.output.getContent() ?? "";
    expect(html).toContain("2026年分　提出対象 0名（0円）／対象外 0名");
    expect(html).toContain("支払者（会社名・所在地・法人番号）が設定されていません");
    expect(gas.ui.alerts).toEqual([]);
  });

  it("saves freee's journal import file for a month, Shift_JIS as the API wrote it", () => {
    gas.ui.answers.push("1", "2026-11");
    const result = menuJournalExport();
    expect(result).toMatchObject({ vendor: "freee", from: "2026-11-01", to: "2026-11-30" });
    const file = gas.driveFiles.at(-1);
    const bytes = Array.from(file?.blob.bytes ?? []);
    const text = Encoding.codeToString(Encoding.convert(bytes, { to: "UNICODE", from: "SJIS" }));
    expect(text.split("\r\n")[0]?.split(",")[0]).toBe("収支区分");
  });
});
