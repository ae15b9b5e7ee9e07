import { afterEach, describe, expect, it } from "vitest";
import { type Gas, installGas } from "../testing";
import { onInstall, onOpen, showSidebar } from "./menu";

let gas: (Gas & { uninstall(): Promise<void> }) | undefined;
afterEach(() => gas?.uninstall());

const captions = (g: Gas) =>
  (g.ui.menus[0]?.items ?? []).map((item) => ("caption" in item ? item.caption : "---"));

describe("the Shimebi menu", () => {
  it("is in Japanese for a Japanese locale", () => {
    gas = installGas({ locale: "ja_JP" });
    onOpen();
    expect(gas.ui.menus).toHaveLength(1);
    expect(captions(gas)).toEqual([
      "勤務表を作成",
      "サイドバーを開く",
      "---",
      "同期",
      "---",
      "会社: レビューを取得",
      "会社: 支払と振込ファイル",
      "会社: 振込済みにする",
      "会社: 支払調書",
      "会社: 会計ソフト用の仕訳 CSV",
      "---",
      "会社: 契約一括作成シート",
      "会社: シートから契約を作成",
    ]);
  });

  it("is in English for another locale", () => {
    gas = installGas({ locale: "en_US" });
    onOpen();
    expect(captions(gas)).toEqual([
      "Create timesheet",
      "Open sidebar",
      "---",
      "Sync",
      "---",
      "Company: pull review",
      "Company: payment run and transfer file",
      "Company: mark a payment run paid",
      "Company: annual payment statements",
      "Company: journal CSV for accounting",
      "---",
      "Company: bulk contract sheet",
      "Company: create contracts from sheet",
    ]);
  });

  it("is added on install as well", () => {
    gas = installGas({ locale: "ja" });
    onInstall();
    expect(captions(gas)[0]).toBe("勤務表を作成");
  });

  it("opens the sidebar from Sidebar.html with the view to show", () => {
    gas = installGas({ files: { Sidebar: "<main id=app></main>" } });
    showSidebar("create");
    const sidebar = gas.ui.sidebars[0];
    expect(sidebar?.getTitle()).toBe("Shimebi");
    expect(sidebar?.getContent()).toContain('__SHIMEBI_VIEW__="create"');
  });
});
