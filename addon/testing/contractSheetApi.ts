import { API_BASE } from "./fixtures";
import type { FetchRequest } from "./services";
import type { FakeSheet } from "./spreadsheet";

// A stand-in of the API for the 契約一括作成 sheet (the demo owner's group, its partner, the
// bulk route's dry run and creation), and a row as a person types it.

const bodyOf = (r: FetchRequest | undefined) => JSON.parse(r?.payload ?? "{}");

/** The API as the demo owner sees it; `refuse` answers the dry run's 422 issues. */
export function contractSheetApi(refuse: { path: string; message: string }[] = []) {
  let made = 0;
  return (request: FetchRequest) => {
    const path = request.url.replace(API_BASE, "");
    const reply = (body: unknown, status = 200) => ({ status, body });
    if (path === "/v1/me")
      return reply({
        memberships: [{ companyId: "co-1", groupId: null, groupName: null, role: "companyOwner" }],
      });
    if (path === "/v1/companies/co-1/groups") return reply([{ id: "g-1", name: "開発チーム" }]);
    if (path === "/v1/groups/g-1/members")
      return reply([
        { userId: "u-owner", email: "owner@demo.test", fullName: null, role: "companyOwner" },
        { userId: "u-tanaka", email: "tanaka@demo.test", fullName: "田中", role: "partner" },
      ]);
    const rows = bodyOf(request).rows as unknown[];
    if (path === "/v1/groups/g-1/contracts/bulk?dryRun=true") {
      if (refuse.length > 0)
        return reply(
          { error: { code: "invalid_contract", message: "問題があります", issues: refuse } },
          422,
        );
      const past = (row: unknown) => (row as { endDate?: string }).endDate === "2025-03-31";
      const warning = {
        path: "endDate",
        code: "contract_in_the_past",
        message: "契約期間は 2025年3月31日 に終了しています。期間を確認してください",
      };
      return reply({
        dryRun: true,
        rows: rows.map((row, index) => ({ index, warnings: past(row) ? [warning] : [] })),
      });
    }
    if (path === "/v1/groups/g-1/contracts/bulk") {
      const answer = rows.map((_, index) => {
        made += 1;
        return {
          index,
          contract: { id: `contract-${made}` },
          order: { number: `PO-00000${made}`, status: "draft" },
          warnings: [],
        };
      });
      return reply({ dryRun: false, rows: answer }, 201);
    }
    throw new Error(`unexpected ${request.method} ${path}`);
  };
}

/** Types `values` into a row of the sheet from column A, as a person would. */
export function typeRow(sheet: FakeSheet, sheetRow: number, values: unknown[]) {
  values.forEach((value, index) => {
    sheet.write(sheetRow, index + 1, value);
  });
}

/** A contract typed as people type: a Date cell, 全角 digits, commas and 円, 末日, 翌月. */
export const TYPED = [
  "SES 開発支援",
  " Tanaka@Demo.test ",
  "準委任",
  "開発支援",
  new Date("2026-11-30T15:00:00Z"), // 2026-12-01 in Japan
  "２０２７／５／３１",
  "末日",
  "翌月",
  "末日",
  "３０分",
  "月額固定（精算幅あり）",
  "",
  "１，２００，０００円",
  "１４０",
  "180",
  "7,500",
  "8,571",
  "",
  "リモート",
];
