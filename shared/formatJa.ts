// Figures as a Japanese document prints them. Plain string work, no Intl: the ICU data
// behind toLocaleString differs between Node, Workers and Apps Script.

import { parseYearMonth } from "./calendar";
import type { SettlementUnit } from "./settlement";

/** 1000000 -> "1,000,000". Integers only; yen never have decimals. */
export function formatThousands(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return value < 0 ? `-${digits}` : digits;
}

/** 1000000 -> "1,000,000円". */
export function formatYen(amount: number): string {
  return `${formatThousands(amount)}円`;
}

/** 100 -> "100時間", 100.5 -> "100.5時間". */
export function formatHours(hours: number): string {
  return `${hours}時間`;
}

/** "100時間〜120時間". */
export function formatHourRange(lowerHours: number, upperHours: number): string {
  return `${formatHours(lowerHours)}〜${formatHours(upperHours)}`;
}

/** "2025-08" -> "2025年8月"; anything else unchanged. */
export function formatYearMonthJa(month: string): string {
  const parsed = parseYearMonth(month);
  return parsed === null ? month : `${parsed.year}年${parsed.month}月`;
}

/** The settlement unit as the contract screen names it (精算時間単位). */
export function settlementUnitLabelJa(unit: SettlementUnit): string {
  return unit === 0 ? "指定なし" : `${unit}分単位(${unit}分未満切り捨て)`;
}
