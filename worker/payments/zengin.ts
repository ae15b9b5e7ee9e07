import Encoding from "encoding-japanese";

// 全銀協 総合振込 (general transfer) file: 120-byte fixed-length records, a header (1), one
// data record per transfer (2), a trailer (8) with the count and total, and an end record
// (9). Numeric fields are right-aligned and zero-filled, text fields left-aligned and
// space-filled, in half-width characters only, so one character is one Shift_JIS byte.

export const RECORD_LENGTH = 120;
/** 種別コード 21: 総合振込. */
const KIND_GENERAL_TRANSFER = "21";
/** コード区分 0: JIS (Shift_JIS on a PC). */
const CODE_JIS = "0";
/** 振込指定区分 7: 電信扱 (telegraphic), what every bank accepts. */
const TELEGRAPHIC = "7";
const MAX_AMOUNT = 9_999_999_999;

/** 預金種目 as the file writes it: 1 普通, 2 当座, 4 貯蓄, 9 その他. */
export const ACCOUNT_TYPE_CODES = { ordinary: "1", checking: "2", savings: "4", other: "9" };
export type ZenginAccountType = keyof typeof ACCOUNT_TYPE_CODES;

export type ZenginHeader = {
  consignorCode: string;
  /** Half-width kana already (toZenginName). */
  consignorName: string;
  /** YYYY-MM-DD; the file carries MMDD. */
  paymentDate: string;
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: ZenginAccountType;
  accountNumber: string;
};

export type ZenginTransfer = {
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: ZenginAccountType;
  accountNumber: string;
  /** Half-width kana already (toZenginName). */
  holderName: string;
  amount: number;
};

function numeric(value: string | number, width: number, field: string): string {
  const digits = String(value);
  if (!/^\d+$/.test(digits) || digits.length > width) {
    throw new RangeError(`${field} ${JSON.stringify(value)} does not fit ${width} digits`);
  }
  return digits.padStart(width, "0");
}

/** Left-aligned, space-filled; longer text is cut at the field's width, as banks print it. */
function text(value: string, width: number, field: string): string {
  if (!/^[\x20-\x7E\uFF61-\uFF9F]*$/.test(value)) {
    throw new RangeError(`${field} ${JSON.stringify(value)} has characters a record cannot carry`);
  }
  return value.slice(0, width).padEnd(width, " ");
}

function record(parts: string[]): string {
  const line = parts.join("");
  if (line.length !== RECORD_LENGTH) {
    throw new RangeError(`a record of ${line.length} characters, not ${RECORD_LENGTH}`);
  }
  return line;
}

export function headerRecord(h: ZenginHeader): string {
  const [, month = "", day = ""] = h.paymentDate.split("-");
  return record([
    "1",
    KIND_GENERAL_TRANSFER,
    CODE_JIS,
    numeric(h.consignorCode, 10, "consignorCode"),
    text(h.consignorName, 40, "consignorName"),
    numeric(`${month}${day}`, 4, "paymentDate"),
    numeric(h.bankCode, 4, "bankCode"),
    text(h.bankName, 15, "bankName"),
    numeric(h.branchCode, 3, "branchCode"),
    text(h.branchName, 15, "branchName"),
    ACCOUNT_TYPE_CODES[h.accountType],
    numeric(h.accountNumber, 7, "accountNumber"),
    " ".repeat(17),
  ]);
}

export function dataRecord(t: ZenginTransfer): string {
  if (!Number.isSafeInteger(t.amount) || t.amount <= 0 || t.amount > MAX_AMOUNT) {
    throw new RangeError(`transfer amount ${t.amount} is not between 1 and ${MAX_AMOUNT}`);
  }
  return record([
    "2",
    numeric(t.bankCode, 4, "bankCode"),
    text(t.bankName, 15, "bankName"),
    numeric(t.branchCode, 3, "branchCode"),
    text(t.branchName, 15, "branchName"),
    "0000", // 手形交換所番号: unused
    ACCOUNT_TYPE_CODES[t.accountType],
    numeric(t.accountNumber, 7, "accountNumber"),
    text(t.holderName, 30, "holderName"),
    numeric(t.amount, 10, "amount"),
    "0", // 新規コード: その他
    "0".repeat(10), // 顧客コード1
    "0".repeat(10), // 顧客コード2
    TELEGRAPHIC,
    " ", // 識別表示: no EDI information
    " ".repeat(7),
  ]);
}

export function trailerRecord(count: number, total: number): string {
  return record(["8", numeric(count, 6, "count"), numeric(total, 12, "total"), " ".repeat(101)]);
}

export const endRecord = () => record(["9", " ".repeat(119)]);

/** The whole file as text: header, data, trailer, end. */
export function zenginText(
  header: ZenginHeader,
  transfers: readonly ZenginTransfer[],
  lineEnding: "crlf" | "none",
): string {
  const total = transfers.reduce((sum, t) => sum + t.amount, 0);
  const records = [
    headerRecord(header),
    ...transfers.map(dataRecord),
    trailerRecord(transfers.length, total),
    endRecord(),
  ];
  const separator = lineEnding === "crlf" ? "\r\n" : "";
  return records.map((r) => r + separator).join("");
}

/** Shift_JIS bytes of the file; every character is one byte, so 120 per record. */
export function zenginBytes(textContent: string): Uint8Array {
  const codes = Encoding.convert(Encoding.stringToCode(textContent), {
    to: "SJIS",
    from: "UNICODE",
  });
  return Uint8Array.from(codes);
}
