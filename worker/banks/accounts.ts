import { and, desc, eq, sql } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { bankAccounts } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError, type IssueInput } from "../http/errors";
import { asciiDigits, toZenginName, widen } from "./kana";
import type { NewBankAccount, NewDomesticBankAccount, NewOverseasBankAccount } from "./schemas";
import { findBank, findBranch } from "./service";

// Bank accounts (振込先口座) a partner reuses on invoices: domestic ones by Zengin codes, with
// the bank and branch names taken from the list; overseas ones as free text.

type BankAccount = typeof bankAccounts.$inferSelect;
type Values = Omit<typeof bankAccounts.$inferInsert, "userId" | "isDefault" | "createdAt">;

export function serializeBankAccount(account: BankAccount) {
  return {
    id: account.id,
    kind: account.kind,
    bankCode: account.bankCode,
    bankName: account.bankName,
    branchCode: account.branchCode,
    branchName: account.branchName,
    accountType: account.accountType,
    accountNumber: account.accountNumber,
    holderName: account.holderName,
    swiftCode: account.swiftCode,
    isDefault: account.isDefault,
    createdAt: account.createdAt.toISOString(),
  };
}

/** Newest first; `rowid` breaks ties between accounts added in the same millisecond. */
const newestFirst = [desc(bankAccounts.createdAt), desc(sql`rowid`)];

/** The default first, then the newest. */
export async function listBankAccounts(deps: Deps, user: User) {
  return deps.db
    .select()
    .from(bankAccounts)
    .where(eq(bankAccounts.userId, user.id))
    .orderBy(desc(bankAccounts.isDefault), ...newestFirst);
}

function refuse(issues: IssueInput[]): never {
  const message =
    issues.length === 1
      ? (issues[0]?.message ?? "")
      : `The bank account has ${issues.length} problems`;
  const messageJa =
    issues.length === 1 ? issues[0]?.messageJa : `銀行口座に ${issues.length} 件の問題があります`;
  throw new ApiError(422, "invalid_bank_account", message, issues, messageJa);
}

/** Every problem at once, checked against the Zengin list, before anything is written. */
async function domesticValues(input: NewDomesticBankAccount): Promise<Values> {
  const issues: IssueInput[] = [];
  const bankCode = asciiDigits(input.bankCode);
  const branchCode = asciiDigits(input.branchCode);
  const accountNumber = asciiDigits(input.accountNumber);
  const bank = /^\d{4}$/.test(bankCode) ? await findBank(bankCode) : undefined;
  const branch = bank && /^\d{3}$/.test(branchCode) ? findBranch(bank, branchCode) : undefined;

  if (!/^\d{4}$/.test(bankCode)) {
    issues.push({
      path: "bankCode",
      message: "Enter the bank's 4-digit code, e.g. 0001",
      messageJa: "銀行コードを4桁で入力してください（例: 0001）",
    });
  } else if (!bank) {
    issues.push({
      path: "bankCode",
      message: `No bank with code ${bankCode} in the Zengin list`,
      messageJa: `全銀リストに銀行コード ${bankCode} の銀行はありません`,
    });
  }
  if (!/^\d{3}$/.test(branchCode)) {
    issues.push({
      path: "branchCode",
      message: "Enter the branch's 3-digit code, e.g. 001",
      messageJa: "支店コードを3桁で入力してください（例: 001）",
    });
  } else if (bank && !branch) {
    issues.push({
      path: "branchCode",
      message: `${bank.name} (${bank.code}) has no branch ${branchCode} in the Zengin list`,
      messageJa: `全銀リストでは ${bank.name}（${bank.code}）に支店コード ${branchCode} の支店はありません`,
    });
  }
  if (!/^\d{7}$/.test(accountNumber)) {
    issues.push({
      path: "accountNumber",
      message:
        "The account number must be exactly 7 digits: add the leading zeros your passbook shows (e.g. 0123456)",
      messageJa:
        "口座番号はちょうど7桁で入力してください。通帳にある先頭の0も含めてください（例: 0123456）",
    });
  }
  const holder = toZenginName(input.holderName);
  if (!holder.ok) {
    issues.push({ path: "holderName", message: holder.message, messageJa: holder.messageJa });
  }

  if (issues.length > 0 || !bank || !branch || !holder.ok) refuse(issues);
  return {
    kind: "domestic",
    bankCode: bank.code,
    bankName: bank.name,
    branchCode: branch.code,
    branchName: branch.name,
    accountType: input.accountType,
    accountNumber,
    holderName: holder.value,
    swiftCode: null,
  };
}

const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
/** IBAN's own limit; spaces people type between groups do not count. */
const MAX_ACCOUNT_NUMBER = 34;

function overseasValues(input: NewOverseasBankAccount): Values {
  const issues: IssueInput[] = [];
  const swiftCode = widen(input.swiftCode ?? "")
    .replace(/\s+/g, "")
    .toUpperCase();
  if (swiftCode !== "" && !BIC.test(swiftCode)) {
    issues.push({
      path: "swiftCode",
      message: "A SWIFT/BIC code has 8 or 11 letters and digits, e.g. MIDLGB22 or DEUTDEFF500",
      messageJa: "SWIFT/BIC コードは英数字8文字または11文字です（例: MIDLGB22、DEUTDEFF500）",
    });
  }
  if (input.accountNumber.replace(/\s+/g, "").length > MAX_ACCOUNT_NUMBER) {
    issues.push({
      path: "accountNumber",
      message: `The account number or IBAN can have at most ${MAX_ACCOUNT_NUMBER} characters`,
      messageJa: `口座番号または IBAN は ${MAX_ACCOUNT_NUMBER} 文字以内で入力してください`,
    });
  }
  if (issues.length > 0) refuse(issues);
  return {
    kind: "overseas",
    bankCode: null,
    bankName: input.bankName,
    branchCode: null,
    branchName: input.branchName,
    accountType: null,
    accountNumber: input.accountNumber,
    holderName: input.holderName,
    swiftCode: swiftCode || null,
  };
}

/** A new account; the user's first, or one asked to be, becomes the only default. */
export async function createBankAccount(deps: Deps, user: User, input: NewBankAccount) {
  const values = input.kind === "domestic" ? await domesticValues(input) : overseasValues(input);
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: bankAccounts.id })
      .from(bankAccounts)
      .where(eq(bankAccounts.userId, user.id))
      .limit(1);
    const isDefault = !existing || input.isDefault === true;
    if (isDefault) {
      await tx
        .update(bankAccounts)
        .set({ isDefault: false })
        .where(eq(bankAccounts.userId, user.id));
    }
    const [account] = await tx
      .insert(bankAccounts)
      .values({ ...values, userId: user.id, isDefault, createdAt: deps.now() })
      .returning();
    if (!account) throw new Error("bank account not stored");
    return account;
  });
}

/** The user's own account; anyone else's is "not found", never "forbidden". */
async function ownAccount(deps: Deps, user: User, id: string): Promise<BankAccount> {
  const [account] = await deps.db
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.id, id), eq(bankAccounts.userId, user.id)));
  if (!account) throw new ApiError(404, "not_found", "No such bank account");
  return account;
}

/** Removing the default hands the role to the newest account left. */
export async function deleteBankAccount(deps: Deps, user: User, id: string) {
  const account = await ownAccount(deps, user, id);
  await deps.db.transaction(async (tx) => {
    await tx
      .delete(bankAccounts)
      .where(and(eq(bankAccounts.id, account.id), eq(bankAccounts.userId, user.id)));
    if (!account.isDefault) return;
    const [newest] = await tx
      .select({ id: bankAccounts.id })
      .from(bankAccounts)
      .where(eq(bankAccounts.userId, user.id))
      .orderBy(...newestFirst)
      .limit(1);
    if (newest) {
      await tx.update(bankAccounts).set({ isDefault: true }).where(eq(bankAccounts.id, newest.id));
    }
  });
}

export async function makeDefaultBankAccount(deps: Deps, user: User, id: string) {
  const account = await ownAccount(deps, user, id);
  // One statement sets this account and clears the others, so there is never a moment with two.
  await deps.db
    .update(bankAccounts)
    .set({ isDefault: sql`${bankAccounts.id} = ${account.id}` })
    .where(eq(bankAccounts.userId, user.id));
  return { ...account, isDefault: true };
}
