import {
  CHOICES,
  CONTRACT_COLUMNS,
  CONTRACT_SUMMARIES,
  CONTRACT_TEXTS,
  type ColumnKey,
  columnOf,
} from "./contractSheetTexts";
import type { Lang } from "./i18n";
import { dateText, typedDate } from "./rows";

// One row of the 契約一括作成 sheet to the body of POST /v1/groups/{id}/contracts, accepting
// what a person types: ８２０ and 1,200,000 (全角 digits, commas, 円), 2026/12/01 or a Date
// the sheet parsed, 末日, 翌月. What cannot be read is sent as typed, so the API, which holds
// every rule, names the field; only the partner's email is resolved here (to the user id).

export type ContractBody = Record<string, unknown>;

export interface SheetIssue {
  column: ColumnKey;
  message: string;
}

export interface ContractRow {
  /** The sheet row (1-based; row 1 is the header). */
  sheetRow: number;
  /** The contract made from this row before: the row is skipped. */
  contractId: string;
  body: ContractBody;
  /** What the add-on itself found (an unknown partner). */
  issues: SheetIssue[];
}

const INPUT_KEYS = CONTRACT_COLUMNS.map((c) => c.key).filter(
  (key) => key !== "contractId" && key !== "result",
);

const blank = (value: unknown) => value === "" || value === null || value === undefined;

/** NFKC (全角 to half-width), without the separators people type in numbers. */
const plain = (value: unknown) =>
  String(value ?? "")
    .normalize("NFKC")
    .replace(/[,\s円¥]/g, "")
    .replace(/(時間|分|日|h|min|yen)$/i, "");

/** A number from what was typed, or the text itself for the API to refuse by name. */
function numberOf(value: unknown): unknown {
  if (blank(value)) return undefined;
  if (typeof value === "number") return value;
  const text = plain(value);
  const number = Number(text);
  return text !== "" && Number.isFinite(number) ? number : String(value).trim();
}

/** A labelled choice (準委任, Monthly fee, 翌月...) in either language, or its value. */
function choiceOf(choices: readonly { ja: string; en: string; value: unknown }[], value: unknown) {
  if (blank(value)) return undefined;
  const text = String(value).normalize("NFKC").trim().toLowerCase();
  const found = choices.find(
    (c) =>
      c.ja.normalize("NFKC").toLowerCase() === text ||
      c.en.toLowerCase() === text ||
      String(c.value).toLowerCase() === text,
  );
  return found ? found.value : numberOf(value);
}

/** A day of the month, 末日 (or Month end) as 31. */
const dayOf = (value: unknown) => choiceOf(CHOICES.monthEnd, value);

function isoDate(value: unknown, timeZone: string): unknown {
  if (blank(value)) return undefined;
  if (value instanceof Date) return dateText(value, timeZone);
  return typedDate(String(value), timeZone);
}

function yearMonth(value: unknown, timeZone: string): string | undefined {
  if (blank(value)) return undefined;
  if (value instanceof Date) return Utilities.formatDate(value, timeZone, "yyyy-MM");
  const text = String(value).normalize("NFKC").trim().replace(/月$/, "");
  const match = /^(\d{4})[-/.年](\d{1,2})$/.exec(text);
  return match ? `${match[1]}-${String(Number(match[2])).padStart(2, "0")}` : text;
}

/** Drops the keys left undefined, so the API sees them as left out. */
const defined = (object: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

/** Whether a row has nothing typed in its input columns. */
export function isBlankRow(row: readonly unknown[]): boolean {
  return INPUT_KEYS.every((key) => blank(String(row[columnOf(key) - 1] ?? "").trim()));
}

/** The contract's body from one row; `partners` maps lower-case email to user id. */
export function contractRowOf(
  row: readonly unknown[],
  sheetRow: number,
  partners: ReadonlyMap<string, string>,
  lang: Lang,
  timeZone: string,
): ContractRow {
  const cell = (key: ColumnKey) => row[columnOf(key) - 1];
  const text = (key: ColumnKey) => {
    const value = String(cell(key) ?? "").trim();
    return value === "" ? undefined : value;
  };
  const issues: SheetIssue[] = [];
  const email = (text("partnerEmail") ?? "").normalize("NFKC").toLowerCase();
  const partnerUserId = partners.get(email);
  if (!email) issues.push({ column: "partnerEmail", message: CONTRACT_TEXTS.partnerMissing[lang] });
  else if (!partnerUserId)
    issues.push({ column: "partnerEmail", message: CONTRACT_SUMMARIES.notPartner(lang, email) });

  const chosen = (key: "type" | "contractType") => {
    const value = choiceOf(CHOICES[key], cell(key));
    if (!CHOICES[key].some((c) => c.value === value))
      issues.push({ column: key, message: CONTRACT_SUMMARIES.choose(lang, CHOICES[key]) });
    return value;
  };
  const type = chosen("type");
  const ranged = type === "monthlyRange";
  const fixed = type === "monthly" || ranged;
  const price = numberOf(cell("price"));
  const typeLabel = CHOICES.type.find((c) => c.value === type)?.[lang];
  const category = defined({
    id: "main",
    name: text("categoryName") ?? typeLabel,
    type,
    unitPrice: fixed ? undefined : price,
    monthlyFee: fixed ? price : undefined,
    lowerHours: ranged ? numberOf(cell("lowerHours")) : undefined,
    upperHours: ranged ? numberOf(cell("upperHours")) : undefined,
    excessRate: ranged ? numberOf(cell("excessRate")) : undefined,
    deductionRate: ranged ? numberOf(cell("deductionRate")) : undefined,
  });
  const body = defined({
    title: text("title"),
    // Unknown: the API checks the rest of the row, and the add-on names the email.
    partnerUserId: partnerUserId ?? "unknown-partner",
    contractType: chosen("contractType"),
    scope: text("scope"),
    workPlace: text("workPlace"),
    startDate: isoDate(cell("startDate"), timeZone),
    endDate: isoDate(cell("endDate"), timeZone),
    closingDay: dayOf(cell("closingDay")),
    paymentTerms: defined({
      monthsAfter: choiceOf(CHOICES.payMonth, cell("payMonth")),
      day: dayOf(cell("payDay")),
    }),
    settlementUnit: numberOf(cell("settlementUnit")) ?? 0,
    conditions: defined({
      effectiveFrom: yearMonth(cell("effectiveFrom"), timeZone),
      costCategories: [category],
    }),
  });
  return { sheetRow, contractId: String(cell("contractId") ?? "").trim(), body, issues };
}

/** The column of an API path within a row (`conditions.costCategories.0.monthlyFee`). */
export function columnOfPath(path: string): ColumnKey {
  const field = path.replace(/^conditions\.costCategories\.\d+\.?/, "category.");
  const exact: Record<string, ColumnKey> = {
    title: "title",
    partnerUserId: "partnerEmail",
    contractType: "contractType",
    scope: "scope",
    workPlace: "workPlace",
    startDate: "startDate",
    endDate: "endDate",
    closingDay: "closingDay",
    paymentTerms: "payMonth",
    "paymentTerms.monthsAfter": "payMonth",
    "paymentTerms.day": "payDay",
    settlementUnit: "settlementUnit",
    "conditions.effectiveFrom": "effectiveFrom",
    "category.type": "type",
    "category.name": "categoryName",
    "category.unitPrice": "price",
    "category.monthlyFee": "price",
    "category.lowerHours": "lowerHours",
    "category.upperHours": "upperHours",
    "category.excessRate": "excessRate",
    "category.deductionRate": "deductionRate",
  };
  return exact[field] ?? "result";
}

/** A problem as a sentence for the row's 結果/エラー cell: the column's header first. */
export function columnSentence(column: ColumnKey, message: string, lang: Lang): string {
  const header =
    column === "result"
      ? CONTRACT_TEXTS.whole[lang]
      : (CONTRACT_COLUMNS.find((c) => c.key === column)?.[lang] ?? "");
  return lang === "ja" ? `${header}：${message}` : `${header}: ${message}`;
}

/**
 * An API issue as a sentence for the row's cell, without the API's field name in English
 * (`title: ` or `（startDate）`), which the sheet does not show.
 */
export function issueSentence(
  path: string,
  message: string,
  lang: Lang,
  /** The field as the API's message names it (`rows.3.closingDay`), left out of the sentence. */
  said = path,
): string {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const text = message
    .replace(new RegExp(`^(${literal(said)}|${literal(path)})(: | )`), "")
    .replace(/（[A-Za-z.]+）/g, "")
    .trim();
  const column = columnOfPath(path);
  // zod's English reads on from the field's name: "Closing day is required".
  if (lang === "en" && column !== "result" && /^(is|must|has) /.test(text))
    return `${CONTRACT_COLUMNS.find((c) => c.key === column)?.en} ${text}`;
  return columnSentence(column, text, lang);
}
