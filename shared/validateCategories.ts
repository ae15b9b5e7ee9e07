// 費目 (cost categories): the contract's working conditions, one line of the invoice each.

import { formatYearMonth, parseYearMonth } from "./calendar";
import { type Fields, field, isRecord, readList, readName, readYen } from "./fields";
import { IssueCode, type IssueList, quoteValue } from "./issues";
import { isHalfHourMultiple } from "./settlement";
import type { CostCategoryType } from "./types";

export const COST_CATEGORY_TYPES: readonly CostCategoryType[] = [
  "hourly",
  "quantity",
  "monthly",
  "monthlyRange",
];
export const MAX_MONTH_TERMS = 6;

export interface HourRange {
  monthlyFee: number;
  lowerHours: number;
  upperHours: number;
}

export interface RangeConditions {
  base: HourRange;
  /** Per-month overrides, keyed by "YYYY-MM". */
  months: Map<string, HourRange>;
  excessRate: number;
  deductionRate: number;
}

export interface ValidCategory {
  /** Position in the request's costCategories. */
  index: number;
  id: string;
  name: string;
  type: CostCategoryType;
  /** unitPrice of hourly and quantity categories, monthlyFee of the monthly types. */
  price: number;
  range: RangeConditions | null;
}

/** What an entry needs to know of its category, even when the category has other faults. */
export interface CategoryRef {
  index: number;
  type: CostCategoryType | null;
}

export interface CategoryCheck {
  categories: ValidCategory[];
  byId: Map<string, CategoryRef>;
}

const LOWER = {
  key: "lowerHours",
  en: "lowerHours (bottom of the hour range)",
  ja: "稼働時間範囲の下限",
};
const UPPER = {
  key: "upperHours",
  en: "upperHours (top of the hour range)",
  ja: "稼働時間範囲の上限",
};

function readHours(record: Fields, path: string, label: typeof LOWER, issues: IssueList) {
  const value = field(record, label.key);
  const at = `${path}.${label.key}`;
  if (value === undefined) {
    issues.add(at, IssueCode.REQUIRED, `${label.en} is required`, `${label.ja}を入力してください`);
    return null;
  }
  if (isHalfHourMultiple(value)) return value;
  issues.add(
    at,
    IssueCode.INVALID_RANGE_HOURS,
    `${label.en} ${quoteValue(value)} is not allowed: use hours in steps of 0.5 (such as 140 or 140.5), 0 or more`,
    `${label.ja} ${quoteValue(value)} は指定できません。0以上、0.5 時間刻み（140 や 140.5 など）で入力してください`,
  );
  return null;
}

/** monthlyFee, lowerHours, upperHours of the base terms or of one month's terms. */
function readHourRange(record: Fields, path: string, issues: IssueList): HourRange | null {
  const monthlyFee = readYen(
    field(record, "monthlyFee"),
    `${path}.monthlyFee`,
    { en: "monthlyFee", ja: "月額固定費" },
    issues,
  );
  const lowerHours = readHours(record, path, LOWER, issues);
  const upperHours = readHours(record, path, UPPER, issues);
  if (lowerHours !== null && upperHours !== null && lowerHours > upperHours) {
    issues.add(
      `${path}.lowerHours`,
      IssueCode.RANGE_LOWER_ABOVE_UPPER,
      `lowerHours ${lowerHours} must not be above upperHours ${upperHours} (they may be equal)`,
      `下限 ${lowerHours} 時間は上限 ${upperHours} 時間以下にしてください（同じ値は可）`,
    );
    return null;
  }
  if (monthlyFee === null || lowerHours === null || upperHours === null) return null;
  return { monthlyFee, lowerHours, upperHours };
}

function readMonthTerms(value: unknown, path: string, issues: IssueList) {
  const list = readList(value, false, path, { en: "months", ja: "月毎の条件" }, issues) ?? [];
  if (list.length > MAX_MONTH_TERMS) {
    issues.add(
      path,
      IssueCode.TOO_MANY_MONTH_TERMS,
      `${list.length} months of terms given: at most ${MAX_MONTH_TERMS} are allowed`,
      `月毎の条件が ${list.length} か月分あります。登録できるのは最大 ${MAX_MONTH_TERMS} か月です`,
    );
  }
  const months = new Map<string, HourRange>();
  list.forEach((item, index) => {
    const itemPath = `${path}.${index}`;
    if (!isRecord(item)) {
      issues.add(
        itemPath,
        IssueCode.INVALID_TYPE,
        `months ${index + 1} must be an object with month, monthlyFee, lowerHours, upperHours`,
        `月毎の条件 ${index + 1} 件目は month, monthlyFee, lowerHours, upperHours を持つオブジェクトで指定してください`,
      );
      return;
    }
    const rawMonth = field(item, "month");
    const month = parseYearMonth(rawMonth);
    const terms = readHourRange(item, itemPath, issues);
    if (month === null) {
      issues.add(
        `${itemPath}.month`,
        rawMonth === undefined ? IssueCode.REQUIRED : IssueCode.INVALID_MONTH,
        `months ${index + 1}: month ${quoteValue(rawMonth)} is not a month: use YYYY-MM, such as 2025-09`,
        `月毎の条件 ${index + 1} 件目: 稼働月 ${quoteValue(rawMonth)} は正しくありません。2025-09 のように YYYY-MM で指定してください`,
      );
      return;
    }
    const key = formatYearMonth(month);
    if (months.has(key)) {
      issues.add(
        `${itemPath}.month`,
        IssueCode.DUPLICATE_TERMS_MONTH,
        `months ${index + 1}: ${key} already has terms; give each month once`,
        `月毎の条件 ${index + 1} 件目: ${key} の条件が重複しています。各月は1回だけ指定してください`,
      );
      return;
    }
    if (terms !== null) months.set(key, terms);
  });
  return months;
}

function readRange(record: Fields, path: string, issues: IssueList): RangeConditions | null {
  const base = readHourRange(record, path, issues);
  const excessRate = readYen(
    field(record, "excessRate"),
    `${path}.excessRate`,
    { en: "excessRate (yen per hour above the range)", ja: "超過単価（円/時間）" },
    issues,
  );
  const deductionRate = readYen(
    field(record, "deductionRate"),
    `${path}.deductionRate`,
    { en: "deductionRate (yen per hour below the range)", ja: "控除単価（円/時間）" },
    issues,
  );
  const months = readMonthTerms(field(record, "months"), `${path}.months`, issues);
  if (base === null || excessRate === null || deductionRate === null) return null;
  return { base, months, excessRate, deductionRate };
}

function readId(value: unknown, path: string, index: number, issues: IssueList): string | null {
  if (typeof value === "string" && value.trim() !== "") return value;
  issues.add(
    path,
    value === undefined ? IssueCode.REQUIRED : IssueCode.INVALID_COST_CATEGORY_ID,
    `cost category ${index + 1}: id must be some text, got ${quoteValue(value)}`,
    `費目 ${index + 1} 件目: id を文字で指定してください（${quoteValue(value)} は指定できません）`,
  );
  return null;
}

function readType(value: unknown, path: string, index: number, issues: IssueList) {
  if (typeof value === "string" && (COST_CATEGORY_TYPES as readonly string[]).includes(value)) {
    return value as CostCategoryType;
  }
  issues.add(
    path,
    value === undefined ? IssueCode.REQUIRED : IssueCode.INVALID_COST_CATEGORY_TYPE,
    `cost category ${index + 1}: type ${quoteValue(value)} is not allowed: use one of ${COST_CATEGORY_TYPES.join(", ")}`,
    `費目 ${index + 1} 件目: 種別 ${quoteValue(value)} は指定できません。${COST_CATEGORY_TYPES.join(", ")} のいずれかを指定してください`,
  );
  return null;
}

export function validateCategories(value: unknown, issues: IssueList): CategoryCheck {
  const byId = new Map<string, CategoryRef>();
  const categories: ValidCategory[] = [];
  const list = readList(
    value,
    true,
    "costCategories",
    { en: "costCategories", ja: "費目" },
    issues,
  );
  if (list === null) return { categories, byId };
  if (list.length === 0) {
    issues.add(
      "costCategories",
      IssueCode.NO_COST_CATEGORIES,
      "costCategories is empty: give at least one cost category",
      "費目が登録されていません。1件以上指定してください",
    );
  }
  list.forEach((item, index) => {
    const path = `costCategories.${index}`;
    if (!isRecord(item)) {
      issues.add(
        path,
        IssueCode.INVALID_TYPE,
        `cost category ${index + 1} must be an object with id, type and its prices`,
        `費目 ${index + 1} 件目は id, type と単価を持つオブジェクトで指定してください`,
      );
      return;
    }
    const id = readId(field(item, "id"), `${path}.id`, index, issues);
    const type = readType(field(item, "type"), `${path}.type`, index, issues);
    const rawName = field(item, "name");
    const name =
      rawName === undefined
        ? id
        : readName(
            rawName,
            `${path}.name`,
            { en: `cost category ${index + 1}: name`, ja: `費目 ${index + 1} 件目の名前` },
            issues,
          );
    if (id !== null) {
      const first = byId.get(id);
      if (first === undefined) byId.set(id, { index, type });
      else {
        issues.add(
          `${path}.id`,
          IssueCode.DUPLICATE_COST_CATEGORY_ID,
          `cost category ${index + 1}: id ${quoteValue(id)} is already used by cost category ${first.index + 1}; ids must be unique`,
          `費目 ${index + 1} 件目: id ${quoteValue(id)} は費目 ${first.index + 1} 件目と重複しています`,
        );
      }
    }
    if (type === "monthlyRange" && list.length > 1) {
      issues.add(
        `${path}.type`,
        IssueCode.MONTHLY_RANGE_NOT_ALONE,
        `cost category ${index + 1}: a monthlyRange category (hour range with excess/deduction) must be the only cost category, but there are ${list.length}`,
        `費目 ${index + 1} 件目: 時間幅・超過/控除を設定した月額固定の費目は、他の費目と一緒に登録できません（現在 ${list.length} 件）`,
      );
    }
    let price: number | null = null;
    let range: RangeConditions | null = null;
    if (type === "hourly" || type === "quantity") {
      price = readYen(
        field(item, "unitPrice"),
        `${path}.unitPrice`,
        { en: "unitPrice", ja: "単価" },
        issues,
      );
    } else if (type === "monthly") {
      price = readYen(
        field(item, "monthlyFee"),
        `${path}.monthlyFee`,
        { en: "monthlyFee", ja: "月額固定費" },
        issues,
      );
    } else if (type === "monthlyRange") {
      range = readRange(item, path, issues);
      price = range === null ? null : range.base.monthlyFee;
    }
    if (id !== null && type !== null && name !== null && price !== null) {
      categories.push({ index, id, name, type, price, range });
    }
  });
  return { categories, byId };
}
