import { afterEach, describe, expect, it } from "vitest";
import { type FakeSheet, type FetchRequest, type Gas, installGas } from "../testing";
import { contractSheetApi, TYPED, typeRow as typeRow_ } from "../testing/contractSheetApi";
import { API_BASE } from "../testing/fixtures";
import { CONTRACT_SHEET } from "./contractSheetTexts";
import {
  checkContractSheet,
  createFromContractSheet,
  menuContractSheet,
  menuCreateContracts,
} from "./index";

// 会社: 契約一括作成 against a stand-in of the API: the sheet made, what a person types read
// into the API's body, every bad row's problems written beside it with nothing created, the
// confirmation, the contract ids written back, and a second run creating nothing.

let gas: Gas & { uninstall(): Promise<void> };
afterEach(() => gas?.uninstall());

const sheet = () => gas.spreadsheet.getSheetByName(CONTRACT_SHEET) as unknown as FakeSheet;
const posts = () => gas.requests.filter((r) => r.method === "POST");
const bodyOf = (r: FetchRequest | undefined) => JSON.parse(r?.payload ?? "{}");

function setUp(locale = "ja", refuse: { path: string; message: string }[] = []) {
  gas = installGas({ locale, identityToken: "t" });
  gas.properties.user.setProperty("shimebi.apiBaseUrl", API_BASE);
  gas.setFetch(contractSheetApi(refuse));
  menuContractSheet();
}

const typeRow = (sheetRow: number, values: unknown[]) => typeRow_(sheet(), sheetRow, values);

describe("会社: 契約一括作成シート", () => {
  it("makes the sheet with its header, dropdowns and an example row, in Japanese", () => {
    setUp();
    const cells = sheet().cells;
    expect(cells[0]?.slice(0, 5)).toEqual([
      "契約名",
      "パートナーのメール",
      "契約形態",
      "業務内容",
      "開始日",
    ]);
    expect(cells[0]?.slice(-2)).toEqual(["契約ID", "結果/エラー"]);
    expect(cells[1]?.[0]).toBe("（例）システム開発支援");
    expect(sheet().validationAt(2, 3)?.values[0]).toEqual(["準委任", "請負"]);
    expect(sheet().validationAt(200, 11)?.values[0]).toContain("月額固定（精算幅あり）");
    expect(sheet().frozenRows).toBe(1);
  });

  it("is in English for an English locale", () => {
    setUp("en_US");
    expect(sheet().cells[0]?.slice(0, 3)).toEqual([
      "Contract title",
      "Partner's email",
      "Contract type",
    ]);
    expect(sheet().validationAt(2, 11)?.values[0]).toContain("Monthly fee with hour range");
  });
});

describe("会社: シートから契約を作成", () => {
  it("reads what a person types into the API's body", () => {
    setUp();
    typeRow(2, TYPED);
    gas.ui.confirms.push(true);
    menuCreateContracts();
    const [check, create] = posts();
    expect(check?.url).toBe(`${API_BASE}/v1/groups/g-1/contracts/bulk?dryRun=true`);
    const body = {
      title: "SES 開発支援",
      partnerUserId: "u-tanaka",
      contractType: "quasiMandate",
      scope: "開発支援",
      workPlace: "リモート",
      startDate: "2026-12-01",
      endDate: "2027-05-31",
      closingDay: 31,
      paymentTerms: { monthsAfter: 1, day: 31 },
      settlementUnit: 30,
      conditions: {
        costCategories: [
          {
            id: "main",
            name: "月額固定（精算幅あり）",
            type: "monthlyRange",
            monthlyFee: 1200000,
            lowerHours: 140,
            upperHours: 180,
            excessRate: 7500,
            deductionRate: 8571,
          },
        ],
      },
    };
    expect(bodyOf(check)).toEqual({ rows: [body] });
    expect(bodyOf(create)).toEqual({ rows: [body] });
  });

  it("writes every bad row's problems beside it and creates nothing", () => {
    setUp("ja", [
      {
        path: "rows.1.conditions.effectiveFrom",
        message: "稼働初月は 2026年12月 です（2026年11月 は指定できません）",
      },
      { path: "rows.1.title", message: "rows.1.title: 必須項目です" },
      { path: "rows.2.partnerUserId", message: "このグループのパートナーを選んでください" },
      {
        path: "rows.2.startDate",
        message: "開始日（startDate）は YYYY-MM-DD 形式の日付にしてください",
      },
    ]);
    typeRow(2, TYPED);
    typeRow(3, [...TYPED.slice(0, 17), "2026-11"]);
    typeRow(4, TYPED);
    sheet().write(3, 1, "");
    sheet().write(4, 2, "suzuki@demo.test");
    sheet().write(4, 5, "12月1日");
    const outcome = menuCreateContracts();
    expect(outcome).toEqual({ created: 0, badRows: [3, 4], cancelled: false });
    expect(posts()).toHaveLength(1);
    const result = (row: number) => sheet().cells[row - 1]?.[20];
    expect(result(2)).toBe("確認済み（未作成）");
    expect(result(3)).toBe(
      "稼働初月：稼働初月は 2026年12月 です（2026年11月 は指定できません）。\n契約名：必須項目です。",
    );
    expect(result(4)).toBe(
      "パートナーのメール：suzuki@demo.test はこのグループのパートナーではありません。先にパートナーとして招待してください。\n開始日：開始日は YYYY-MM-DD 形式の日付にしてください。",
    );
    expect(gas.ui.alerts).toEqual([
      "契約一括作成\n3行目、4行目に問題があるため、契約は1件も作成していません。「結果/エラー」列を直してから、もう一度実行してください。",
    ]);
    expect(
      sheet()
        .cells.slice(1)
        .map((row) => row[19] ?? ""),
    ).toEqual(["", "", ""]);
  });

  it("names the sheet row a pasted-twice row repeats, and creates nothing", () => {
    setUp();
    typeRow(2, TYPED);
    typeRow(3, [...TYPED.slice(0, 12), "700000"]);
    typeRow(4, TYPED);
    gas.ui.confirms.push(true);
    expect(menuCreateContracts()).toEqual({ created: 0, badRows: [4], cancelled: false });
    const result = (row: number) => sheet().cells[row - 1]?.[20];
    expect(result(2)).toBe("確認済み（未作成）");
    expect(result(3)).toBe("確認済み（未作成）");
    expect(result(4)).toBe(
      "契約名：2行目と同じ内容の契約です。同じ契約を2件作らないよう、どちらかの行を削除してください。",
    );
    // Only the dry run was sent: nothing was created.
    expect(posts().map((r) => r.url)).toEqual([expect.stringContaining("dryRun=true")]);
  });

  it("creates all after the confirmation, writes their ids, and skips them the next time", () => {
    setUp();
    typeRow(2, TYPED);
    typeRow(3, [
      "保守",
      "tanaka@demo.test",
      "請負",
      "保守運用",
      "2026-12-01",
      "2027-03-31",
      "25",
      "翌月",
      "末日",
      "",
      "時間単価",
      "保守",
      "5000",
    ]);
    gas.ui.confirms.push(true);
    gas.counter.reset();
    expect(menuCreateContracts()).toEqual({ created: 2, badRows: [], cancelled: false });
    // The results of every row in one write after the check and one after creating.
    expect(gas.counter.of("setValues")).toBe(2);
    expect(gas.ui.alerts[0]).toBe(
      "契約一括作成\n2件の契約を「開発チーム」に作成し、それぞれの発注書を下書きにします。よろしいですか？",
    );
    expect(sheet().cells[1]?.slice(19)).toEqual([
      "contract-1",
      "作成済み・発注書 PO-000001（下書き）",
    ]);
    expect(sheet().cells[2]?.slice(19)).toEqual([
      "contract-2",
      "作成済み・発注書 PO-000002（下書き）",
    ]);
    expect(gas.ui.alerts[1]).toContain("2件の契約を作成しました");

    const before = posts().length;
    expect(menuCreateContracts()).toBeNull();
    expect(posts()).toHaveLength(before);
    expect(gas.ui.alerts.at(-1)).toBe(
      "作成する行がありません（作成済みの行は契約IDが入っています）",
    );
  });

  it("creates nothing when the confirmation is declined, and speaks English", () => {
    setUp("en_US");
    typeRow(2, [
      "Support",
      "tanaka@demo.test",
      "Quasi-mandate",
      "Support",
      "2026-12-01",
      "2027-03-31",
      "Month end",
      "Next month",
      "Month end",
      "0",
      "Hourly",
      "",
      "4,000",
    ]);
    expect(menuCreateContracts()).toEqual({ created: 0, badRows: [], cancelled: true });
    expect(posts().map((r) => r.url)).toEqual([
      `${API_BASE}/v1/groups/g-1/contracts/bulk?dryRun=true`,
    ]);
    expect(bodyOf(posts()[0]).rows[0]).toMatchObject({
      contractType: "quasiMandate",
      closingDay: 31,
      paymentTerms: { monthsAfter: 1, day: 31 },
      conditions: { costCategories: [{ type: "hourly", unitPrice: 4000, name: "Hourly" }] },
    });
    expect(gas.ui.alerts[0]).toBe(
      'Bulk contracts\nCreate 1 contract(s) in "開発チーム", each with its purchase order as a draft?',
    );
    expect(sheet().cells[1]?.[20]).toBe("Checked (not created yet)");
    expect(gas.spreadsheet.toasts).toEqual(["No contract was created"]);
  });

  it("checks, then creates, from the sidebar's buttons (the envelope, no alert)", () => {
    setUp();
    typeRow(2, TYPED);
    expect(checkContractSheet()).toEqual({ ok: true, value: { rows: 1, badRows: [] } });
    expect(posts().map((r) => r.url)).toEqual([
      `${API_BASE}/v1/groups/g-1/contracts/bulk?dryRun=true`,
    ]);
    expect(createFromContractSheet()).toEqual({
      ok: true,
      value: { created: 1, badRows: [], cancelled: false },
    });
    expect(sheet().cells[1]?.[19]).toBe("contract-1");
    expect(gas.ui.alerts).toEqual([]);
    expect(checkContractSheet()).toMatchObject({
      ok: false,
      error: { message: "作成する行がありません（作成済みの行は契約IDが入っています）" },
    });
  });

  it("writes the dry run's warnings beside a good row (a period already over)", () => {
    setUp();
    typeRow(2, TYPED);
    typeRow(3, [...TYPED.slice(0, 4), "2025-01-01", "2025-03-31", ...TYPED.slice(6)]);
    expect(checkContractSheet()).toEqual({ ok: true, value: { rows: 2, badRows: [] } });
    expect(sheet().cells[1]?.[20]).toBe("確認済み（未作成）");
    expect(sheet().cells[2]?.[20]).toBe(
      "確認済み（未作成）。\n契約期間は 2025年3月31日 に終了しています。期間を確認してください。",
    );
  });

  it("sends the same Idempotency-Key for the same rows, so a run cut short is not repeated", () => {
    setUp();
    typeRow(2, TYPED);
    gas.ui.confirms.push(true, true);
    menuCreateContracts();
    // The ids never reached the sheet (the script's time ran out, say): the next run retries.
    sheet().write(2, 20, "");
    menuCreateContracts();
    const keys = posts()
      .filter((r) => !r.url.includes("dryRun"))
      .map((r) => r.headers["Idempotency-Key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^sheet-[0-9a-f]{64}$/);
    expect(keys[1]).toBe(keys[0]);
    // The same contract typed again in another row is another request.
    typeRow(3, TYPED);
    gas.ui.confirms.push(true);
    menuCreateContracts();
    expect(posts().at(-1)?.headers["Idempotency-Key"]).not.toBe(keys[0]);
  });
});
