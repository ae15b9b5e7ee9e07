// The request's settings around the entries: working month, closing day, settlement unit,
// partner, taxes, extra items and expenses. Defaults are those of spec/quote-api.md.

import { parseYearMonth, type YearMonth } from "./calendar";
import {
  type Fields,
  field,
  isRecord,
  type Label,
  readBoolean,
  readChoice,
  readList,
  readName,
  readOptionalRecord,
  readYen,
} from "./fields";
import { IssueCode, type IssueList, quoteValue } from "./issues";
import { ROUNDING_MODES, type RoundingMode } from "./money";
import { DEFAULT_SETTLEMENT_UNIT, isSettlementUnit, type SettlementUnit } from "./settlement";
import {
  DEFAULT_CONSUMPTION_TAX_RATE,
  DEFAULT_CONSUMPTION_TAX_ROUNDING,
  DEFAULT_WITHHOLDING_BASE,
  isTaxRate,
  WITHHOLDING_BASES,
  type WithholdingBase,
} from "./tax";
import { isLineTaxRate, LINE_TAX_RATES, type LineTaxRate } from "./taxByRate";
import type { PartnerKind } from "./types";
import { DEFAULT_CLOSING_DAY, isClosingDay } from "./workingMonth";

export const PARTNER_KINDS: readonly PartnerKind[] = ["individual", "corporation"];

export interface Settings {
  month: YearMonth | null;
  closingDay: number | null;
  settlementUnit: SettlementUnit;
  partnerKind: PartnerKind;
  nonResident: boolean;
  taxEnabled: boolean;
  taxRate: number;
  taxRounding: RoundingMode;
  withholdingEnabled: boolean;
  withholdingBase: WithholdingBase;
  extraItems: SettingsItem[];
  expenses: SettingsItem[];
}

/** An extra item or expense: its amount and the rate it carries (null: left out). */
export interface SettingsItem {
  amount: number;
  taxRate: LineTaxRate | null;
}

function readMonth(value: unknown, issues: IssueList): YearMonth | null {
  if (value === undefined) {
    issues.add(
      "month",
      IssueCode.REQUIRED,
      "month (the working month, YYYY-MM) is required",
      "稼働月（YYYY-MM）を指定してください",
    );
    return null;
  }
  const month = parseYearMonth(value);
  if (month === null) {
    issues.add(
      "month",
      IssueCode.INVALID_MONTH,
      `month ${quoteValue(value)} is not a month: use YYYY-MM, such as 2025-08`,
      `稼働月 ${quoteValue(value)} は正しい年月ではありません。2025-08 のように YYYY-MM で指定してください`,
    );
  }
  return month;
}

function readClosingDay(value: unknown, issues: IssueList): number | null {
  if (value === undefined) return DEFAULT_CLOSING_DAY;
  if (isClosingDay(value)) return value;
  issues.add(
    "closingDay",
    IssueCode.INVALID_CLOSING_DAY,
    `closingDay ${quoteValue(value)} is not allowed: use 1 to 28, or 31 for month end`,
    `締め日 ${quoteValue(value)} は指定できません。1〜28、または月末締めの 31 を指定してください`,
  );
  return null;
}

function readSettlementUnit(value: unknown, issues: IssueList): SettlementUnit {
  if (value === undefined) return DEFAULT_SETTLEMENT_UNIT;
  if (isSettlementUnit(value)) return value;
  issues.add(
    "settlementUnit",
    IssueCode.INVALID_SETTLEMENT_UNIT,
    `settlementUnit ${quoteValue(value)} is not allowed: use 0 (none), 15, 30 or 60 minutes`,
    `精算時間単位 ${quoteValue(value)} は指定できません。0（指定なし）、15、30、60（分）のいずれかを指定してください`,
  );
  return DEFAULT_SETTLEMENT_UNIT;
}

function readTaxRate(value: unknown, issues: IssueList): number {
  if (value === undefined) return DEFAULT_CONSUMPTION_TAX_RATE;
  if (isTaxRate(value)) return value;
  issues.add(
    "consumptionTax.rate",
    IssueCode.INVALID_TAX_RATE,
    `consumption tax rate ${quoteValue(value)} is not allowed: use a whole percent from 0 to 100`,
    `消費税率 ${quoteValue(value)} は指定できません。0〜100 の整数（%）を指定してください`,
  );
  return DEFAULT_CONSUMPTION_TAX_RATE;
}

function readLineTaxRate(value: unknown, path: string, label: Label, issues: IssueList) {
  if (value === undefined) return null;
  if (isLineTaxRate(value)) return value;
  const list = LINE_TAX_RATES.join(" or ");
  issues.add(
    path,
    IssueCode.INVALID_TAX_RATE,
    `${label.en}: tax rate ${quoteValue(value)} is not allowed: use ${list} (8 is the reduced rate)`,
    `${label.ja}の税率 ${quoteValue(value)} は指定できません。10 または 8（軽減税率）を指定してください`,
  );
  return null;
}

/**
 * extraItems or expenses: each { name, amount, taxRate? } with whole yen, 0 or more, and
 * 10 or 8 (軽減税率) as the rate when given.
 */
function readNamedAmounts(
  value: unknown,
  key: "extraItems" | "expenses",
  issues: IssueList,
): SettingsItem[] {
  const what =
    key === "extraItems" ? { en: "extra item", ja: "追加項目" } : { en: "expense", ja: "立替経費" };
  const list = readList(value, false, key, { en: key, ja: what.ja }, issues) ?? [];
  const amounts: SettingsItem[] = [];
  list.forEach((item, index) => {
    const path = `${key}.${index}`;
    const label = { en: `${what.en} ${index + 1}`, ja: `${what.ja} ${index + 1}件目` };
    if (!isRecord(item)) {
      issues.add(
        path,
        IssueCode.INVALID_TYPE,
        `${label.en} must be an object with name and amount`,
        `${label.ja}は name と amount を持つオブジェクトで指定してください`,
      );
      return;
    }
    readName(
      field(item, "name"),
      `${path}.name`,
      { en: `${label.en}: name`, ja: `${label.ja}の名前` },
      issues,
    );
    const amount = readYen(
      field(item, "amount"),
      `${path}.amount`,
      { en: `${label.en}: amount`, ja: `${label.ja}の金額` },
      issues,
    );
    const taxRate = readLineTaxRate(field(item, "taxRate"), `${path}.taxRate`, label, issues);
    if (amount !== null) amounts.push({ amount, taxRate });
  });
  return amounts;
}

export function validateSettings(request: Fields, issues: IssueList): Settings {
  const partner =
    readOptionalRecord(
      field(request, "partner"),
      "partner",
      { en: "partner", ja: "取引先" },
      issues,
    ) ?? {};
  const tax =
    readOptionalRecord(
      field(request, "consumptionTax"),
      "consumptionTax",
      { en: "consumptionTax", ja: "消費税" },
      issues,
    ) ?? {};
  const withholding =
    readOptionalRecord(
      field(request, "withholding"),
      "withholding",
      { en: "withholding", ja: "源泉徴収" },
      issues,
    ) ?? {};
  return {
    month: readMonth(field(request, "month"), issues),
    closingDay: readClosingDay(field(request, "closingDay"), issues),
    settlementUnit: readSettlementUnit(field(request, "settlementUnit"), issues),
    partnerKind:
      readChoice(
        field(partner, "kind"),
        PARTNER_KINDS,
        "corporation",
        "partner.kind",
        { en: "partner kind", ja: "取引先の区分" },
        issues,
      ) ?? "corporation",
    nonResident:
      readBoolean(
        field(partner, "nonResident"),
        false,
        "partner.nonResident",
        { en: "partner nonResident", ja: "非居住者の指定" },
        issues,
      ) ?? false,
    taxEnabled:
      readBoolean(
        field(tax, "enabled"),
        true,
        "consumptionTax.enabled",
        { en: "consumption tax enabled", ja: "消費税の有無" },
        issues,
      ) ?? true,
    taxRate: readTaxRate(field(tax, "rate"), issues),
    taxRounding:
      readChoice(
        field(tax, "rounding"),
        ROUNDING_MODES,
        DEFAULT_CONSUMPTION_TAX_ROUNDING,
        "consumptionTax.rounding",
        { en: "consumption tax rounding", ja: "消費税の端数処理" },
        issues,
      ) ?? DEFAULT_CONSUMPTION_TAX_ROUNDING,
    withholdingEnabled:
      readBoolean(
        field(withholding, "enabled"),
        false,
        "withholding.enabled",
        { en: "withholding enabled", ja: "源泉徴収の有無" },
        issues,
      ) ?? false,
    withholdingBase:
      readChoice(
        field(withholding, "base"),
        WITHHOLDING_BASES,
        DEFAULT_WITHHOLDING_BASE,
        "withholding.base",
        { en: "withholding base", ja: "源泉徴収の計算対象" },
        issues,
      ) ?? DEFAULT_WITHHOLDING_BASE,
    extraItems: readNamedAmounts(field(request, "extraItems"), "extraItems", issues),
    expenses: readNamedAmounts(field(request, "expenses"), "expenses", issues),
  };
}
