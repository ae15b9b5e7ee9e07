import { and, eq, inArray } from "drizzle-orm";
import { asciiDigits, toZenginName } from "../banks/kana";
import { findBank, findBranch } from "../banks/service";
import {
  type AccountingSettings,
  companySettings,
  contracts,
  type PayerSettings,
  type TransferSettings,
} from "../db/schema";
import type { Deps } from "../deps";
import { ApiError, type IssueBody } from "../http/errors";
import type { Say } from "../payments/rules";
import type { SettingsUpdate } from "./schemas";

// 会社設定 for paying and booking: the company's own account and 委託者コード (全銀 files),
// the payer on 支払調書, and the accounts of 仕訳 exports. Offered defaults are only
// defaults: every account and tax category is the company's to choose.

/** What most companies book a freelance partner's invoice to; shown until they choose. */
export const DEFAULT_ACCOUNTING: AccountingSettings = {
  feeAccount: "外注費",
  expenseAccount: "旅費交通費",
  payableAccount: "未払金",
  withholdingAccount: "預り金",
  department: "",
  // Each vendor's own spelling of its default 税区分 (弥生's 請求書区分 is appended on export).
  taxCategories: {
    freee: { standard: "課対仕入10%", reduced: "課対仕入8%（軽）", outOfScope: "対象外" },
    moneyforward: { standard: "課税仕入 10%", reduced: "課税仕入 (軽)8%", outOfScope: "対象外" },
    yayoi: { standard: "課対仕入込10%", reduced: "課対仕入込軽減8%", outOfScope: "対象外" },
  },
};

/** Stored settings over the defaults: a section saved before a field existed gets its default. */
function accountingOf(stored: Partial<AccountingSettings> | null | undefined) {
  if (!stored) return DEFAULT_ACCOUNTING;
  const names = stored.taxCategories;
  return {
    feeAccount: stored.feeAccount ?? DEFAULT_ACCOUNTING.feeAccount,
    expenseAccount: stored.expenseAccount ?? DEFAULT_ACCOUNTING.expenseAccount,
    payableAccount: stored.payableAccount ?? DEFAULT_ACCOUNTING.payableAccount,
    withholdingAccount: stored.withholdingAccount ?? DEFAULT_ACCOUNTING.withholdingAccount,
    department: stored.department ?? DEFAULT_ACCOUNTING.department,
    taxCategories: {
      freee: names?.freee ?? DEFAULT_ACCOUNTING.taxCategories.freee,
      moneyforward: names?.moneyforward ?? DEFAULT_ACCOUNTING.taxCategories.moneyforward,
      yayoi: names?.yayoi ?? DEFAULT_ACCOUNTING.taxCategories.yayoi,
    },
  } satisfies AccountingSettings;
}

export type CompanySettings = {
  transfer: TransferSettings | null;
  payer: PayerSettings | null;
  accounting: AccountingSettings;
  accountingIsDefault: boolean;
};

export async function getSettings(
  deps: Pick<Deps, "db">,
  companyId: string,
): Promise<CompanySettings> {
  const [row] = await deps.db
    .select()
    .from(companySettings)
    .where(eq(companySettings.companyId, companyId));
  return {
    transfer: row?.transfer ?? null,
    payer: row?.payer ?? null,
    accounting: accountingOf(row?.accounting),
    accountingIsDefault: !row?.accounting,
  };
}

async function transferOf(
  input: NonNullable<SettingsUpdate["transfer"]>,
  say: Say,
  issues: IssueBody[],
): Promise<TransferSettings> {
  const consignorCode = asciiDigits(input.consignorCode);
  if (!/^\d{10}$/.test(consignorCode)) {
    issues.push({
      path: "transfer.consignorCode",
      message: say(
        "委託者コードは銀行から通知された10桁の数字です",
        "The consignor code (委託者コード) is the 10 digits your bank gave you",
      ),
    });
  }
  const name = toZenginName(input.consignorName);
  if (!name.ok || name.value.length > 40) {
    issues.push({
      path: "transfer.consignorName",
      message: say(
        "委託者名は銀行に届け出たカナ（40文字まで、例：ｶ)ﾃﾞﾓ）で入力してください",
        `Give the consignor name in kana as the bank has it, up to 40 characters${name.ok ? "" : `: ${name.message}`}`,
      ),
    });
  }
  const bankCode = asciiDigits(input.bankCode);
  const branchCode = asciiDigits(input.branchCode);
  const bank = await findBank(bankCode);
  if (!bank || !findBranch(bank, branchCode)) {
    issues.push({
      path: bank ? "transfer.branchCode" : "transfer.bankCode",
      message: say(
        `金融機関コード ${bankCode}・支店コード ${branchCode} は全銀の一覧にありません`,
        `Bank ${bankCode} branch ${branchCode} is not in the Zengin list`,
      ),
    });
  }
  const accountNumber = asciiDigits(input.accountNumber);
  if (!/^\d{7}$/.test(accountNumber)) {
    issues.push({
      path: "transfer.accountNumber",
      message: say("口座番号は7桁の数字です", "The account number is 7 digits"),
    });
  }
  return {
    consignorCode,
    consignorName: name.ok ? name.value : input.consignorName,
    bankCode,
    branchCode,
    accountType: input.accountType,
    accountNumber,
    lineEnding: input.lineEnding,
  };
}

function payerOf(input: NonNullable<SettingsUpdate["payer"]>, say: Say, issues: IssueBody[]) {
  const corporateNumber = asciiDigits(input.corporateNumber).replace(/[-\s]/g, "");
  if (corporateNumber !== "" && !/^\d{13}$/.test(corporateNumber)) {
    issues.push({
      path: "payer.corporateNumber",
      message: say(
        "法人番号は13桁の数字です。個人の支払者のマイナンバーは保存しません：空欄にして書類に手書きしてください",
        "The corporate number has 13 digits. An individual payer's My Number is never stored: leave it empty and write it on the paper",
      ),
    });
  }
  return { ...input, corporateNumber };
}

/** Per-contract 区分 name the company's own contracts only. */
async function checkContracts(
  deps: Pick<Deps, "db">,
  companyId: string,
  chosen: { contractId: string }[],
  say: Say,
  issues: IssueBody[],
) {
  if (chosen.length === 0) return;
  const ids = chosen.map((c) => c.contractId);
  const found = await deps.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.companyId, companyId), inArray(contracts.id, ids)));
  const known = new Set(found.map((c) => c.id));
  chosen.forEach((c, i) => {
    if (known.has(c.contractId)) return;
    issues.push({
      path: `payer.contracts.${i}.contractId`,
      message: say(
        `契約 ${c.contractId} はこの会社の契約ではありません`,
        `Contract ${c.contractId} is not one of this company's`,
      ),
    });
  });
}

/** Replaces the sections given; a section with any problem changes nothing (422). */
export async function updateSettings(
  deps: Pick<Deps, "db" | "now">,
  companyId: string,
  body: SettingsUpdate,
  say: Say,
): Promise<CompanySettings> {
  const issues: IssueBody[] = [];
  const values: Partial<typeof companySettings.$inferInsert> = {};
  if (body.transfer) values.transfer = await transferOf(body.transfer, say, issues);
  if (body.payer) {
    values.payer = payerOf(body.payer, say, issues);
    await checkContracts(deps, companyId, body.payer.contracts ?? [], say, issues);
  }
  if (body.accounting) values.accounting = body.accounting;
  if (issues.length > 0) {
    throw new ApiError(
      422,
      "invalid_settings",
      say(`設定に${issues.length}件の問題があります`, "The settings have problems to correct"),
      issues,
    );
  }
  await deps.db
    .insert(companySettings)
    .values({ companyId, ...values, updatedAt: deps.now() })
    .onConflictDoUpdate({
      target: companySettings.companyId,
      set: { ...values, updatedAt: deps.now() },
    });
  return getSettings(deps, companyId);
}
