import {
  addDays,
  bankHolidayPredicate,
  formatIsoDate,
  parseIsoDate,
  previousBusinessDay,
} from "../../shared";
import { toZenginName } from "../banks/kana";
import { findBank, findBranch } from "../banks/service";
import type { bankAccounts, TransferSettings } from "../db/schema";
import { ApiError, type IssueBody } from "../http/errors";
import type { Locale } from "../http/locale";
import { nationalHolidays } from "../platform/holidays";
import type { ZenginAccountType, ZenginHeader, ZenginTransfer } from "./zengin";

// What a payment run may contain and what a 全銀 record needs, apart from storage.

type BankAccount = typeof bankAccounts.$inferSelect;

/** Japanese or English by the caller's language: every message here is said both ways. */
export type Say = (ja: string, en: string) => string;
export const sayIn =
  (locale: Locale): Say =>
  (ja, en) =>
    locale === "ja" ? ja : en;

const isBankHoliday = bankHolidayPredicate(nationalHolidays);

/** The day a document due on `dueDate` is paid: that day, or the bank business day before. */
export function payDateOf(dueDate: string): string {
  return previousBusinessDay(dueDate, isBankHoliday);
}

/** Due dates that are paid on `paymentDate`: it and the holidays right after it. */
export function dueDateWindow(paymentDate: string): { from: string; to: string } {
  const date = parseIsoDate(paymentDate);
  if (!date) return { from: paymentDate, to: paymentDate };
  return { from: paymentDate, to: formatIsoDate(addDays(date, 14)) };
}

/** A payment date the company may choose: a real date on which banks are open. */
export function assertPaymentDate(paymentDate: string, say: Say) {
  const refuse = (ja: string, en: string) => {
    const message = say(ja, en);
    throw new ApiError(422, "invalid_payment_date", message, [{ path: "paymentDate", message }]);
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(paymentDate) || parseIsoDate(paymentDate) === null) {
    refuse(
      `支払日 ${paymentDate} は日付ではありません（例：2026-01-30）`,
      `The payment date ${paymentDate} is not a date (e.g. 2026-01-30)`,
    );
  }
  const open = payDateOf(paymentDate);
  if (open !== paymentDate) {
    refuse(
      `${paymentDate} は銀行休業日です。前営業日の ${open} を指定してください`,
      `${paymentDate} is a bank holiday: choose the business day before, ${open}`,
    );
  }
}

export type Payee = {
  partnerName: string;
  invoiceNumber: string;
  account: BankAccount | null;
};

export type Resolved =
  | { kind: "domestic"; transfer: ZenginTransfer }
  | { kind: "overseas"; account: BankAccount }
  | { kind: "invalid"; issues: IssueBody[] };

const ACCOUNT_TYPES: Record<string, ZenginAccountType> = {
  ordinary: "ordinary",
  checking: "checking",
  savings: "savings",
};

/** Bank and branch names as a record carries them: the Zengin list's kana, half-width. */
function kanaName(kana: string | undefined): string {
  const name = kana ? toZenginName(kana) : undefined;
  return name?.ok ? name.value : "";
}

/**
 * The transfer for one payee, or every problem with their account in words naming the
 * partner and the document, so the company knows whom to ask before the file is made.
 */
export async function resolvePayee(
  payee: Payee,
  amount: number,
  path: string,
  say: Say,
): Promise<Resolved> {
  const who = `${payee.partnerName}（${payee.invoiceNumber}）`;
  const whoEn = `${payee.partnerName} (${payee.invoiceNumber})`;
  const account = payee.account;
  if (!account) {
    const message = say(
      `${who}：振込先口座が登録されていません。パートナーに口座の登録を依頼してください`,
      `${whoEn}: no bank account to pay into; ask the partner to register one`,
    );
    return { kind: "invalid", issues: [{ path: `${path}.bankAccount`, message }] };
  }
  if (account.kind === "overseas") return { kind: "overseas", account };
  const issues: IssueBody[] = [];
  const bank = account.bankCode ? await findBank(account.bankCode) : undefined;
  const branch = bank && account.branchCode ? findBranch(bank, account.branchCode) : undefined;
  if (!bank || !branch) {
    issues.push({
      path: `${path}.bankCode`,
      message: say(
        `${who}：金融機関コード ${account.bankCode ?? "なし"}・支店コード ${account.branchCode ?? "なし"} が全銀の一覧にありません`,
        `${whoEn}: bank ${account.bankCode ?? "(none)"} branch ${account.branchCode ?? "(none)"} is not in the Zengin list`,
      ),
    });
  }
  if (!/^\d{7}$/.test(account.accountNumber)) {
    issues.push({
      path: `${path}.accountNumber`,
      message: say(
        `${who}：口座番号 ${account.accountNumber} は7桁の数字ではありません`,
        `${whoEn}: the account number ${account.accountNumber} is not 7 digits`,
      ),
    });
  }
  const type = ACCOUNT_TYPES[account.accountType ?? ""];
  if (!type) {
    issues.push({
      path: `${path}.accountType`,
      message: say(`${who}：預金種目がありません`, `${whoEn}: the account type is missing`),
    });
  }
  const holder = toZenginName(account.holderName);
  if (!holder.ok) {
    issues.push({
      path: `${path}.holderName`,
      message: say(
        `${who}：口座名義「${account.holderName}」は振込に使えない文字を含みます。カナ・英大文字・数字・スペース・( ) . - / で登録してください`,
        `${whoEn}: the holder name "${account.holderName}": ${holder.message}`,
      ),
    });
  }
  if (issues.length > 0 || !bank || !branch || !type || !holder.ok) {
    return { kind: "invalid", issues };
  }
  return {
    kind: "domestic",
    transfer: {
      bankCode: bank.code,
      bankName: kanaName(bank.kana),
      branchCode: branch.code,
      branchName: kanaName(branch.kana),
      accountType: type,
      accountNumber: account.accountNumber,
      holderName: holder.value,
      amount,
    },
  };
}

/** The header from the company's settings, or a 422 saying what to set first. */
export async function headerFrom(
  settings: TransferSettings | null,
  paymentDate: string,
  say: Say,
): Promise<ZenginHeader> {
  const missing = () => {
    const message = say(
      "振込元の設定（委託者コード・委託者名・口座）がありません。会社設定で登録してください",
      "Set the company's transfer settings (consignor code, name and account) first",
    );
    return new ApiError(422, "transfer_settings_missing", message, [
      { path: "settings.transfer", message },
    ]);
  };
  if (!settings) throw missing();
  const bank = await findBank(settings.bankCode);
  const branch = bank ? findBranch(bank, settings.branchCode) : undefined;
  if (!bank || !branch) throw missing();
  return {
    consignorCode: settings.consignorCode,
    consignorName: settings.consignorName,
    paymentDate,
    bankCode: bank.code,
    bankName: kanaName(bank.kana),
    branchCode: branch.code,
    branchName: kanaName(branch.kana),
    accountType: settings.accountType,
    accountNumber: settings.accountNumber,
  };
}
