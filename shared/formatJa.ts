// Figures as a Japanese document prints them. Plain string work, no Intl: the ICU data
// behind toLocaleString differs between Node, Workers and Apps Script.

import { parseYearMonth } from "./calendar";
import { jstDateOf, parseInstant } from "./instant";
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

/** "2026-12-02" -> "2026年12月2日", as documents print dates; anything else unchanged. */
export function formatDateJa(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return isoDate;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** An instant in Japan time: "2026-12-02T12:57:36.678Z" -> "2026年12月2日 21:57"; else unchanged. */
export function formatInstantJa(instant: string): string {
  const ms = parseInstant(instant);
  if (ms === null) return instant;
  const jst = new Date(ms + 9 * 3_600_000).toISOString();
  return `${formatDateJa(jstDateOf(ms))} ${jst.slice(11, 16)}`;
}
