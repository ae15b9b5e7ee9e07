import { and, eq, inArray, sql } from "drizzle-orm";
import { quote } from "../../shared";
import { workEntries } from "../db/schema";
import type { Deps } from "../deps";
import type { IssueBody } from "../http/errors";
import type { Locale } from "../http/locale";
import { estimateChoices } from "../invoices/estimateChoices";
import { type Estimate, estimateOf } from "./estimate";
import { monthQuoteRequest } from "./monthQuote";
import {
  asWorkEntry,
  type Contract,
  checkContractMonth,
  type EntryInput,
  type EntryRow,
  guardWritable,
  invalid,
  type Labeler,
  monthIssues,
  relabel,
  storedFields,
} from "./rules";

// The add-on's one call per month: the timesheet replaces the working month. Rows are
// matched by their client row id, so sending the same sheet twice changes nothing; the
// whole month is checked by the engine first and written in one batch (one transaction),
// so a bad row leaves every stored entry as it was.

export type SyncRow = EntryInput & { clientRowId: string; sheetRow?: number };

// 12 bound values a row: 1,000 rows stay well below SQLite's 32,766 variables a statement.
const CHUNK = 1000;

/** Rows by their number on the timesheet when it is sent, else by their place in the list. */
const rowLabeler =
  (rows: SyncRow[]): Labeler =>
  (index, capital) => {
    const n = rows[index]?.sheetRow ?? index + 1;
    return { en: `${capital ? "Row" : "row"} ${n}`, ja: `${n}行目` };
  };

function duplicateIssues(rows: SyncRow[], locale: Locale): IssueBody[] {
  const label = rowLabeler(rows);
  const first = new Map<string, number>();
  const issues: IssueBody[] = [];
  rows.forEach((row, index) => {
    const seen = first.get(row.clientRowId);
    if (seen === undefined) {
      first.set(row.clientRowId, index);
      return;
    }
    const id = JSON.stringify(row.clientRowId);
    issues.push({
      path: `rows.${index}.clientRowId`,
      code: "duplicate_client_row_id",
      message:
        locale === "ja"
          ? `${label(index, true).ja}: 行ID ${id} は ${label(seen, false).ja}と重複しています`
          : `${label(index, true).en}: client row id ${id} is also used by ${label(seen, false).en}`,
    });
  });
  return issues;
}

type Stored = ReturnType<typeof storedFields>;

function unchanged(row: EntryRow, next: Stored): boolean {
  return (
    row.workingMonth === next.workingMonth &&
    row.date === next.date &&
    row.costCategoryId === next.costCategoryId &&
    row.startMinutes === next.startMinutes &&
    row.endMinutes === next.endMinutes &&
    row.breakMinutes === next.breakMinutes &&
    row.quantityHundredths === next.quantityHundredths &&
    row.skipHours === next.skipHours &&
    row.details === next.details
  );
}

const excluded = (column: string) => sql.raw(`excluded.${column}`);

export async function syncMonth(
  deps: Pick<Deps, "db" | "now">,
  contract: Contract,
  month: string,
  rows: SyncRow[],
  locale: Locale,
): Promise<{ rows: { clientRowId: string; id: string }[]; estimate: Estimate | null }> {
  const { db } = deps;
  checkContractMonth(contract, month);
  const duplicates = duplicateIssues(rows, locale);
  if (duplicates.length > 0) throw invalid(duplicates, locale);
  await guardWritable(db, contract, month);

  const { choices, source } = await estimateChoices(deps, contract, month);
  const request = await monthQuoteRequest(db, contract, month, choices, rows.map(asWorkEntry));
  const issues: IssueBody[] = monthIssues(request, contract).map((issue) => ({
    path: issue.path.replace(/^entries\./, "rows."),
    code: issue.code,
    message: relabel(issue, rowLabeler(rows), locale),
  }));

  // This month's entries by row id; a row id new to the month must not belong to another.
  const existing = await db
    .select()
    .from(workEntries)
    .where(and(eq(workEntries.contractId, contract.id), eq(workEntries.workingMonth, month)));
  const byClientRow = new Map<string, EntryRow>();
  for (const row of existing) if (row.clientRowId) byClientRow.set(row.clientRowId, row);
  const ids = rows.map((row) => row.clientRowId);
  const fresh = ids.filter((id) => !byClientRow.has(id));
  const elsewhere = new Map<string, string>();
  if (fresh.length > 0) {
    const found = await db
      .select({ clientRowId: workEntries.clientRowId, workingMonth: workEntries.workingMonth })
      .from(workEntries)
      .where(and(eq(workEntries.contractId, contract.id), inArray(workEntries.clientRowId, fresh)));
    for (const row of found) if (row.clientRowId) elsewhere.set(row.clientRowId, row.workingMonth);
  }
  rows.forEach((row, index) => {
    const other = elsewhere.get(row.clientRowId);
    if (other === undefined) return;
    const id = JSON.stringify(row.clientRowId);
    issues.push({
      path: `rows.${index}.clientRowId`,
      code: "client_row_id_in_other_month",
      message:
        locale === "ja"
          ? `${rowLabeler(rows)(index, true).ja}: 行ID ${id} は ${other} の業務登録で使われています`
          : `${rowLabeler(rows)(index, true).en}: client row id ${id} belongs to an entry of ${other}; sync that month or use another id`,
    });
  });
  if (issues.length > 0) throw invalid(issues, locale);

  const now = deps.now();
  const answer: { clientRowId: string; id: string }[] = [];
  const writes: (typeof workEntries.$inferInsert)[] = [];
  for (const row of rows) {
    const fields = storedFields(row, month);
    const current = byClientRow.get(row.clientRowId);
    const id = current?.id ?? crypto.randomUUID();
    answer.push({ clientRowId: row.clientRowId, id });
    if (current && unchanged(current, fields)) continue;
    writes.push({
      id,
      contractId: contract.id,
      clientRowId: row.clientRowId,
      ...fields,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    });
  }
  const kept = new Set(ids);
  const gone = existing
    .filter((row) => !(row.clientRowId && kept.has(row.clientRowId)))
    .map((row) => row.id);

  const statements = [];
  for (let at = 0; at < gone.length; at += CHUNK * 2) {
    statements.push(
      db.delete(workEntries).where(inArray(workEntries.id, gone.slice(at, at + CHUNK * 2))),
    );
  }
  for (let at = 0; at < writes.length; at += CHUNK) {
    statements.push(
      db
        .insert(workEntries)
        .values(writes.slice(at, at + CHUNK))
        .onConflictDoUpdate({
          target: [workEntries.contractId, workEntries.clientRowId],
          set: {
            workingMonth: excluded("working_month"),
            date: excluded("date"),
            costCategoryId: excluded("cost_category_id"),
            startMinutes: excluded("start_minutes"),
            endMinutes: excluded("end_minutes"),
            breakMinutes: excluded("break_minutes"),
            quantityHundredths: excluded("quantity_hundredths"),
            skipHours: excluded("skip_hours"),
            details: excluded("details"),
            updatedAt: excluded("updated_at"),
          },
        }),
    );
  }
  const [head, ...tail] = statements;
  // db.batch runs every statement in one transaction: all of them land or none does.
  if (head) await db.batch([head, ...tail]);

  const outcome = quote(request);
  return { rows: answer, estimate: outcome.ok ? estimateOf(outcome.quote, choices, source) : null };
}
