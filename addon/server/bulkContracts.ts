import { ORDER_STATUS_LABELS } from "../../shared";
import { ApiError, type ApiIssue, callApi } from "./api";
import type { BulkContracts, Member } from "./apiModels";
import { errorSentences } from "./companyTools";
import {
  type ContractRow,
  columnOfPath,
  columnSentence,
  contractRowOf,
  isBlankRow,
  issueSentence,
} from "./contractRows";
import {
  CONTRACT_COLUMNS,
  CONTRACT_SHEET,
  columnOf,
  CONTRACT_SUMMARIES as S,
  CONTRACT_TEXTS as T,
} from "./contractSheetTexts";
import { type Lang, userLang } from "./i18n";

// 会社: 契約一括作成. A sheet of one contract a row (its working conditions in the same row),
// and "create from sheet": every row is sent to the API's dry run, each row's problems are
// written beside it in 結果/エラー (nothing is created while any row has one), and only then,
// after a confirmation, all are created at once (POST /v1/groups/{id}/contracts/bulk, all or
// none), each row getting its contract id. Rows with a contract id are skipped, so running it
// twice creates nothing twice.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = CONTRACT_COLUMNS.length;
const enc = encodeURIComponent;

interface Group {
  id: string;
  name: string;
}

/** The group contracts are created in: the one the caller owns, else the company's first. */
function ownedGroup(lang: Lang): Group {
  type Membership = { companyId: string; groupId: string | null; groupName: string | null };
  const me = callApi<{ memberships: (Membership & { role: string })[] }>("get", "/v1/me");
  const groupOwner = me.memberships.find((m) => m.role === "groupOwner" && m.groupId);
  if (groupOwner?.groupId) return { id: groupOwner.groupId, name: groupOwner.groupName ?? "" };
  const owner = me.memberships.find((m) => m.role === "companyOwner");
  const groups = owner
    ? callApi<Group[]>("get", `/v1/companies/${enc(owner.companyId)}/groups`)
    : [];
  const first = groups[0];
  if (!first) throw new ApiError(403, { code: "forbidden", message: T.notOwner[lang], issues: [] });
  return first;
}

export interface SheetOutcome {
  /** Contracts created by this run (0 when refused, cancelled or only checked). */
  created: number;
  /** Sheet rows with problems, written beside them. */
  badRows: number[];
  /** Whether the user declined the confirmation. */
  cancelled: boolean;
}

/** The data rows not yet created, with what the add-on found itself. */
function pendingRows(sheet: Sheet, groupId: string, lang: Lang): ContractRow[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const values = sheet.getRange(2, 1, last - 1, WIDTH).getValues();
  const members = callApi<Member[]>("get", `/v1/groups/${enc(groupId)}/members`);
  const partners = new Map(
    members.filter((m) => m.role === "partner").map((m) => [m.email.toLowerCase(), m.userId]),
  );
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const rows = values
    .map((row, index) => ({ row, sheetRow: index + 2 }))
    .filter(({ row }) => !isBlankRow(row))
    .map(({ row, sheetRow }) => contractRowOf(row, sheetRow, partners, lang, timeZone))
    .filter((row) => row.contractId === "");
  markRepeatedRows(rows, lang);
  return rows;
}

/**
 * A row that repeats an earlier one (a paste done twice) names that row: the API refuses it too,
 * but can only count the rows it was sent, not the sheet's rows.
 */
function markRepeatedRows(rows: ContractRow[], lang: Lang): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(row.body);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.sheetRow);
    else row.issues.push({ column: "title", message: S.sameAsRow(lang, first) });
  }
}

/** Each pending row's problems: its own, then the API's at `rows.{i}`. */
function problemsOf(rows: ContractRow[], issues: ApiIssue[], lang: Lang): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  const add = (sheetRow: number, line: string) =>
    problems.set(sheetRow, [...(problems.get(sheetRow) ?? []), line]);
  for (const row of rows)
    for (const issue of row.issues)
      add(row.sheetRow, columnSentence(issue.column, issue.message, lang));
  for (const issue of issues) {
    const match = /^rows\.(\d+)\.?(.*)$/.exec(issue.path);
    const row = match ? rows[Number(match[1])] : undefined;
    if (!row || !match) continue;
    const field = match[2] ?? "";
    // The add-on already said what is wrong with that cell, in the sheet's own words.
    if (row.issues.some((own) => own.column === columnOfPath(field))) continue;
    add(row.sheetRow, issueSentence(field, issue.message, lang, issue.path));
  }
  return problems;
}

/** One sentence a line, each ended, so they read apart even where a cell shows one line. */
function sentences(lines: string[], lang: Lang): string {
  const ended = lines.map((line) =>
    /[。.!?]$/.test(line) ? line : `${line}${lang === "ja" ? "。" : "."}`,
  );
  return ended.join(lang === "ja" ? "\n" : " \n");
}

/** The 契約ID and 結果/エラー cells of the data rows, changed in memory and written in one call. */
function resultCells(sheet: Sheet) {
  const range = sheet.getRange(2, columnOf("contractId"), Math.max(sheet.getLastRow() - 1, 1), 2);
  const cells = range.getValues();
  return {
    set(sheetRow: number, contractId: string, result: string) {
      cells[sheetRow - 2] = [contractId, result];
    },
    write: () => range.setValues(cells),
  };
}

/** The dry run: its refusal's issues, or each row's warnings (a period already over, say). */
function dryRun(group: Group, rows: ContractRow[]): { issues: ApiIssue[]; warnings: string[][] } {
  try {
    const checked = callApi<BulkContracts>(
      "post",
      `/v1/groups/${enc(group.id)}/contracts/bulk?dryRun=true`,
      { rows: rows.map((r) => r.body) },
    );
    const warnings = rows.map((_, i) => (checked.rows[i]?.warnings ?? []).map((w) => w.message));
    return { issues: [], warnings };
  } catch (error) {
    if (error instanceof ApiError && error.status === 422)
      return { issues: error.error.issues, warnings: [] };
    throw error;
  }
}

/**
 * The same rows of the same sheet make the same key: when a run created them but ended before
 * writing their ids (the script's time ran out), the next run is answered the same contracts
 * instead of creating them again. A row copied elsewhere is another row, so another key.
 */
function creationKey(rows: ContractRow[]): string {
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  const text = JSON.stringify([id, rows.map((r) => [r.sheetRow, r.body])]);
  const digest = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    text,
    Utilities.Charset.UTF_8,
  );
  return `sheet-${digest.map((b) => (b & 0xff).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Checks every pending row (dry run), writes each row's problems beside it, and when there
 * are none and `confirm` agrees, creates them all, writing each contract's id and order.
 */
export function createContractsFromSheet(
  confirm: (message: string, rows: number) => boolean,
): SheetOutcome {
  const lang = userLang();
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CONTRACT_SHEET);
  if (!sheet) throw new ApiError(0, { code: "no_sheet", message: T.noSheet[lang], issues: [] });
  const group = ownedGroup(lang);
  const rows = pendingRows(sheet, group.id, lang);
  if (rows.length === 0) {
    throw new ApiError(0, { code: "nothing", message: T.nothingToCreate[lang], issues: [] });
  }
  const { issues, warnings } = dryRun(group, rows);
  const problems = problemsOf(rows, issues, lang);
  const results = resultCells(sheet);
  for (const [index, row] of rows.entries()) {
    const bad = problems.get(row.sheetRow);
    const warned = warnings[index] ?? [];
    const text = bad
      ? sentences(bad, lang)
      : warned.length > 0
        ? sentences([T.checkedOk[lang], ...warned], lang)
        : T.checkedOk[lang];
    results.set(row.sheetRow, "", text);
  }
  results.write();
  const badRows = [...problems.keys()].sort((a, b) => a - b);
  if (badRows.length > 0) return { created: 0, badRows, cancelled: false };
  if (!confirm(S.confirm(lang, rows.length, group.name), rows.length)) {
    return { created: 0, badRows: [], cancelled: true };
  }
  const made = callApi<BulkContracts>(
    "post",
    `/v1/groups/${enc(group.id)}/contracts/bulk`,
    { rows: rows.map((r) => r.body) },
    { "Idempotency-Key": creationKey(rows) },
  );
  for (const [index, row] of rows.entries()) {
    const answer = made.rows[index];
    if (!answer?.contract || !answer.order) continue;
    const status = ORDER_STATUS_LABELS[answer.order.status][lang];
    results.set(row.sheetRow, answer.contract.id, S.createdAs(lang, answer.order.number, status));
  }
  results.write();
  return { created: made.rows.length, badRows: [], cancelled: false };
}

/** The sidebar's チェック: every pending row checked, its problems written; nothing created. */
export function checkContractSheet(): { rows: number; badRows: number[] } {
  let rows = 0;
  const { badRows } = createContractsFromSheet((_message, count) => {
    rows = count;
    return false;
  });
  return { rows: badRows.length > 0 ? 0 : rows, badRows };
}

/** The sidebar's 作成, after its own confirmation: checked again, then all created or none. */
export function createFromContractSheet(): SheetOutcome {
  return createContractsFromSheet(() => true);
}

/** The menu's 会社: シートから契約を作成: the outcome in an alert, as sentences. */
export function menuCreateContracts(): SheetOutcome | null {
  const lang = userLang();
  const ui = SpreadsheetApp.getUi();
  const confirm = (message: string) =>
    ui.alert(T.title[lang], message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  try {
    const outcome = createContractsFromSheet(confirm);
    if (outcome.badRows.length > 0)
      ui.alert(T.title[lang], S.badRows(lang, outcome.badRows), ui.ButtonSet.OK);
    else if (outcome.cancelled)
      SpreadsheetApp.getActiveSpreadsheet().toast(T.cancelled[lang], T.title[lang]);
    else ui.alert(T.title[lang], S.done(lang, outcome.created), ui.ButtonSet.OK);
    return outcome;
  } catch (error) {
    ui.alert(errorSentences(error).join("\n"));
    return null;
  }
}
