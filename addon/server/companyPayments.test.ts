import { afterEach, describe, expect, it } from "vitest";
import { type FakeSheet, type Gas, installGas } from "../testing";
import {
  companyApi as api,
  item,
  JOURNAL,
  PDF,
  RUN,
  STATEMENTS,
  ZENGIN,
} from "../testing/companyApi";
import { API_BASE } from "../testing/fixtures";
import {
  menuAnnualStatements,
  menuJournalExport,
  menuMarkPaymentRunPaid,
  menuPaymentRun,
} from "./index";
import { periodOf } from "./journalExport";

// The company's 支払 and 支払調書 menu items against a stand-in of the API: the date or year
// asked, the sheet written, the API's file saved to Drive byte for byte, and the dialog a
// person reads (sentences and a link, never JSON), in Japanese and in English.

let gas: Gas & { uninstall(): Promise<void> };
afterEach(() => gas?.uninstall());

const sheet = (name: string) => gas.spreadsheet.getSheetByName(name) as unknown as FakeSheet;
const paths = () => gas.requests.map((r) => `${r.method} ${r.url.replace(API_BASE, "")}`);

describe("会社: 支払と振込ファイル", () => {
  it("asks the date, lists the run in the 支払 sheet and saves the 全銀 file to Drive", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN));
    gas.ui.answers.push("2026-02-27");
    const result = menuPaymentRun();
    expect(gas.ui.prompts[0]).toMatch(/^支払\n支払日を入力してください/);
    expect(result?.transfer).toEqual({ count: 1, total: 50625 });
    expect(sheet("支払").cells).toEqual([
      ["ID", "支払日", "パートナー", "書類番号", "稼働月", "支払額", "状態", "振込", "問題"],
      ["item-1", "2026-02-27", "田中 美咲", "INV-000001", "2026-01", 50625, "未払", "国内振込", ""],
    ]);
    expect(sheet("支払").getRange(2, 6).getNumberFormat()).toBe('#,##0"円"');
    const [file] = gas.driveFiles;
    expect(file?.getName()).toBe("sogofurikomi-2026-02-27.txt");
    expect(file?.blob.bytes).toEqual(ZENGIN);
    const dialog = gas.ui.dialogs[0];
    expect(dialog?.title).toBe("支払");
    const html = dialog?.output.getContent() ?? "";
    expect(html).toContain("2026-02-27　振込ファイル：1件 50,625円");
    expect(html).toContain(`href="${file?.getUrl()}"`);
    expect(html).toContain("Google ドライブで開いてダウンロード");
    expect(html).not.toMatch(/[{}]"|"code"/);
    expect(gas.ui.alerts).toEqual([]);
  });

  it("makes no file while a partner's account has problems, and names them", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    const problem = {
      path: "items.0.holderName",
      message: "田中 美咲（INV-000001）：口座名義「田中 美咲」は振込に使えない文字を含みます",
    };
    gas.setFetch(api({ ...RUN, items: [item({ problems: [problem] })], problems: [problem] }));
    gas.ui.answers.push("2026-02-27");
    const result = menuPaymentRun();
    expect(result?.file).toBeNull();
    expect(gas.driveFiles).toHaveLength(0);
    expect(paths()).not.toContain("GET /v1/companies/co-1/payment-runs/run-1/zengin");
    expect(sheet("支払").cells[1]?.[8]).toBe(problem.message);
    const html = gas.ui.dialogs[0]?.output.getContent() ?? "";
    expect(html).toContain("振込ファイルは作成していません");
    expect(html).toContain(`<li>${problem.message}</li>`);
  });

  it("shows the API's refusal as sentences, in English for an English locale", () => {
    gas = installGas({ locale: "en_US", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    const message = "2026-02-28 is a bank holiday: choose the business day before, 2026-02-27";
    gas.setFetch((request) =>
      request.url.endsWith("/payment-runs")
        ? {
            status: 422,
            body: {
              error: {
                code: "invalid_payment_date",
                message,
                issues: [{ path: "paymentDate", message }],
              },
            },
          }
        : api(RUN)(request),
    );
    gas.ui.answers.push("2026-02-28");
    expect(menuPaymentRun()).toBeNull();
    expect(gas.ui.prompts[0]).toMatch(/^Payment run\nEnter the payment date/);
    expect(gas.ui.alerts).toEqual([message]);
    expect(gas.driveFiles).toHaveLength(0);
  });

  it("does nothing when the prompt is cancelled", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN));
    expect(menuPaymentRun()).toBeNull();
    expect(gas.requests).toHaveLength(0);
  });
});

describe("会社: 振込済みにする", () => {
  it("records the open run of the date as paid and shows it in the 支払 sheet", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN));
    gas.ui.answers.push("2026-02-27", "2026-02-27");
    menuPaymentRun();
    expect(sheet("支払").cells[1]?.[6]).toBe("未払");
    const result = menuMarkPaymentRunPaid();
    expect(result).toMatchObject({ runId: "run-1", count: 1, total: 50625 });
    expect(paths()).toContain("POST /v1/companies/co-1/payment-runs/run-1/paid");
    expect(sheet("支払").cells[1]?.[6]).toBe("支払済み");
    expect(sheet("支払").cells).toHaveLength(2);
    expect(gas.spreadsheet.toasts).toEqual([
      "2026-02-27 の支払 1件 50,625円 を振込済みとして記録しました",
    ]);
  });

  it("reads the date as a person types it: 2026/2/27, ２０２６年２月２７日", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN));
    gas.ui.answers.push("2026/2/27", "２０２６年２月２７日");
    expect(menuPaymentRun()?.transfer).toEqual({ count: 1, total: 50625 });
    const run = gas.requests.find((r) => r.method === "POST");
    expect(JSON.parse(run?.payload ?? "{}")).toEqual({ paymentDate: "2026-02-27" });
    expect(menuMarkPaymentRunPaid()).toMatchObject({ runId: "run-1", count: 1, total: 50625 });
    expect(paths()).toContain("POST /v1/companies/co-1/payment-runs/run-1/paid");
    expect(gas.ui.alerts).toEqual([]);
  });

  it("says so when the date has no unpaid run, and records nothing", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN));
    gas.ui.answers.push("2026-03-31");
    expect(menuMarkPaymentRunPaid()).toBeNull();
    expect(gas.ui.alerts).toEqual([
      "2026-03-31 の未払の支払はありません（メニュー「会社: 支払と振込ファイル」で作成します）",
    ]);
    expect(paths().filter((p) => p.startsWith("POST"))).toEqual([]);
  });
});

describe("会社: 支払調書", () => {
  it("lists the year's payees and those left out in the 支払調書 sheet, and saves the PDF", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN, STATEMENTS));
    gas.ui.answers.push("2026");
    const result = menuAnnualStatements();
    expect(result).toMatchObject({ year: 2026, statements: 1, excluded: 1, amount: 957000 });
    const cells = sheet("支払調書").cells;
    expect(cells[0]).toEqual([
      "ID",
      "年分",
      "支払を受ける者",
      "住所",
      "区分",
      "細目",
      "支払金額",
      "未払金額",
      "源泉徴収税額",
      "未徴収税額",
      "提出",
      "理由",
    ]);
    expect(cells[1]).toEqual([
      "2026:u-1:0",
      2026,
      "田中 美咲",
      "東京都千代田区丸の内1-1-1",
      "デザイン料",
      "ウェブデザイン",
      957000,
      104500,
      97704,
      10669,
      "提出対象",
      "",
    ]);
    expect(cells[2]?.slice(2)).toEqual([
      "小林 翔",
      "",
      "",
      "",
      33000,
      "",
      3369,
      "",
      "対象外",
      "年間の支払金額 33,000円 が提出範囲（5万円超）に達しません",
    ]);
    expect(sheet("支払調書").getRange(3, 9).getNumberFormat()).toBe('#,##0"円"');
    const [file] = gas.driveFiles;
    expect(file?.getName()).toBe("支払調書_2026.pdf");
    expect(file?.blob.bytes).toEqual(PDF);
    const html = gas.ui.dialogs[0]?.output.getContent() ?? "";
    expect(html).toContain("2026年分　提出対象 1名（957,000円）／対象外 1名");
    expect(html).toContain(`href="${file?.getUrl()}"`);

    // Pulled again, the same rows are refreshed in place.
    gas.ui.answers.push("2026");
    menuAnnualStatements();
    expect(sheet("支払調書").cells).toHaveLength(3);
  });

  it("refuses a year that is not four digits without calling the API", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN, STATEMENTS));
    gas.ui.answers.push("令和8");
    expect(menuAnnualStatements()).toBeNull();
    expect(gas.ui.alerts).toEqual(["年は 2026 のように西暦4桁で入力してください"]);
    expect(gas.requests).toHaveLength(0);
  });
});

describe("会社: 会計ソフト用の仕訳 CSV", () => {
  it("asks the software and the month, and saves the API's Shift_JIS file to Drive", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN, STATEMENTS));
    gas.ui.answers.push("２", "2026-02");
    const result = menuJournalExport();
    expect(result).toMatchObject({ vendor: "moneyforward", from: "2026-02-01", to: "2026-02-28" });
    expect(paths()).toContain(
      "GET /v1/companies/co-1/exports/journal.csv?vendor=moneyforward&from=2026-02-01&to=2026-02-28",
    );
    const [file] = gas.driveFiles;
    expect(file?.getName()).toBe("journal-moneyforward-2026-02-01_2026-02-28.csv");
    expect(file?.blob.bytes).toEqual(JOURNAL);
    const html = gas.ui.dialogs[0]?.output.getContent() ?? "";
    expect(html).toContain("仕訳 CSV（Shift_JIS）を Google ドライブで開いてダウンロード");
    expect(html).toContain(`href="${file?.getUrl()}"`);
  });

  it("refuses a software number or a period it does not know, without calling the API", () => {
    gas = installGas({ locale: "ja", identityToken: "t" });
    gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
    gas.setFetch(api(RUN, STATEMENTS));
    gas.ui.answers.push("4", "1", "来月");
    expect(menuJournalExport()).toBeNull();
    expect(menuJournalExport()).toBeNull();
    expect(gas.ui.alerts).toEqual([
      "1、2、3 のいずれかを入力してください",
      "期間は 2026-01、または 2026-01-01 2026-03-31 のように入力してください",
    ]);
    expect(gas.requests).toHaveLength(0);
  });

  it("reads a month or a range as the period", () => {
    expect(periodOf("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodOf("2026-01-01〜2026-03-31")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodOf("2026-01-01 2026-03-31")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodOf("2026-13")).toBeNull();
    // As people type it.
    expect(periodOf("2026年2月")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodOf("２０２６/２")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodOf("2026/1/1〜2026/3/31")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodOf("2026年1月1日～2026年3月31日")).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
    });
  });
});
