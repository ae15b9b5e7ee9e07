import { and, eq } from "drizzle-orm";
import {
  formatPeriod,
  parseIsoDate,
  parseYearMonth,
  workingMonthOfDate,
  workingMonthPeriod,
} from "../../shared";
import type { Db } from "../db/client";
import { workEntries } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError, type IssueBody } from "../http/errors";
import type { Locale } from "../http/locale";
import { monthEntryRows, monthQuoteRequest, toWorkEntry } from "./monthQuote";
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
  refuse,
  relabel,
  serializeEntry,
  storedFields,
} from "./rules";

// 業務登録 one entry at a time: create, edit, delete, and the month's list. Each entry is
// checked by the engine together with the rest of its working month (entryRules.ts).

const ENTRY_PATH = /^entries\.(\d+)(?:\.(.*))?$/;

/**
 * One entry checked with the rest of its month: the candidate goes first, so the engine's
 * "Entry 1" is this entry. Only issues about it are reported (stored entries were accepted
 * when they were written); an overlap names the stored entry it hits.
 */
async function checkSingle(
  db: Db,
  contract: Contract,
  month: string,
  input: EntryInput,
  others: EntryRow[],
  locale: Locale,
) {
  const entries = [asWorkEntry(input), ...others.map(toWorkEntry)];
  const request = await monthQuoteRequest(db, contract, month, {}, entries);
  const label: Labeler = (index, capital) => {
    if (index === 0)
      return capital
        ? { en: "This entry", ja: "この業務登録" }
        : { en: "this entry", ja: "この業務登録" };
    const other = others[index - 1];
    const times = other ? serializeEntry(other) : undefined;
    const what = times
      ? `${times.date} ${times.start ?? ""}-${times.end ?? ""} (id ${other?.id})`
      : "";
    return { en: `${capital ? "The" : "the"} entry of ${what}`, ja: `登録済みの業務 ${what}` };
  };
  const issues: IssueBody[] = [];
  for (const issue of monthIssues(request, contract)) {
    const match = ENTRY_PATH.exec(issue.path);
    const index = Number(match?.[1] ?? -1);
    const aboutThis =
      index === 0 || (issue.code === "overlapping_entries" && / entry 1 /.test(issue.message));
    if (!aboutThis) continue;
    const field = issue.code === "overlapping_entries" ? "start" : (match?.[2] ?? "");
    issues.push({ path: field, code: issue.code, message: relabel(issue, label, locale) });
  }
  if (issues.length > 0) throw invalid(issues, locale);
}

/**
 * The working month the entry goes into: the one the partner names, whose period must hold
 * the date (as the month sync requires), or else the one holding the date, answered back as
 * the entry's `workingMonth`.
 */
function monthOfInput(contract: Contract, input: EntryInput): string {
  if (parseIsoDate(input.date) === null) {
    throw refuse(
      "date",
      `date ${JSON.stringify(input.date)} is not a real date: use YYYY-MM-DD, such as 2025-08-01`,
      "invalid_date",
      `日付 ${JSON.stringify(input.date)} は暦にある日付を YYYY-MM-DD の形で入力してください（例: 2025-08-01）`,
    );
  }
  if (input.date < contract.startDate || input.date > contract.endDate) {
    throw refuse(
      "date",
      `${input.date} is outside the contract period ${contract.startDate} to ${contract.endDate}`,
      "date_outside_period",
      `${input.date} は契約期間（${contract.startDate}〜${contract.endDate}）の外です`,
    );
  }
  const month = workingMonthOfDate(input.date, contract.closingDay);
  const named = input.workingMonth;
  if (named == null) return month;
  checkContractMonth(contract, named, "workingMonth");
  if (month === named) return month;
  const parsed = parseYearMonth(named);
  const period = parsed ? formatPeriod(workingMonthPeriod(parsed, contract.closingDay)) : null;
  throw refuse(
    "date",
    `${input.date} is outside the working month ${named} (${period?.from} to ${period?.to}): it belongs to ${month}`,
    "date_outside_period",
    `${input.date} は稼働月 ${named}（${period?.from}〜${period?.to}）の期間外です。この日は稼働月 ${month} に入ります`,
  );
}

async function checkClientRowId(db: Db, contract: Contract, input: EntryInput, exceptId?: string) {
  if (!input.clientRowId) return;
  const [taken] = await db
    .select({ id: workEntries.id })
    .from(workEntries)
    .where(
      and(eq(workEntries.contractId, contract.id), eq(workEntries.clientRowId, input.clientRowId)),
    );
  if (taken && taken.id !== exceptId) {
    throw refuse(
      "clientRowId",
      `client row id ${JSON.stringify(input.clientRowId)} is already used by entry ${taken.id}`,
      "duplicate_client_row_id",
      `行の ID ${JSON.stringify(input.clientRowId)} は業務登録 ${taken.id} で使われています`,
    );
  }
}

export async function getEntry(db: Db, contract: Contract, entryId: string): Promise<EntryRow> {
  const [row] = await db
    .select()
    .from(workEntries)
    .where(and(eq(workEntries.id, entryId), eq(workEntries.contractId, contract.id)));
  if (!row) throw new ApiError(404, "not_found", "No such entry in this contract");
  return row;
}

export async function createEntry(
  deps: Pick<Deps, "db" | "now">,
  contract: Contract,
  input: EntryInput,
  locale: Locale,
) {
  const month = monthOfInput(contract, input);
  await guardWritable(deps.db, contract, month);
  const others = await monthEntryRows(deps.db, contract.id, month);
  await checkSingle(deps.db, contract, month, input, others, locale);
  await checkClientRowId(deps.db, contract, input);
  const [row] = await deps.db
    .insert(workEntries)
    .values({
      contractId: contract.id,
      clientRowId: input.clientRowId ?? null,
      ...storedFields(input, month),
      createdAt: deps.now(),
      updatedAt: deps.now(),
    })
    .returning();
  if (!row) throw new Error("entry not stored");
  return serializeEntry(row);
}

/** An edit may move the entry to another working month: both months must be open. */
export async function updateEntry(
  deps: Pick<Deps, "db" | "now">,
  contract: Contract,
  entryId: string,
  input: EntryInput,
  locale: Locale,
) {
  const entry = await getEntry(deps.db, contract, entryId);
  await guardWritable(deps.db, contract, entry.workingMonth);
  const month = monthOfInput(contract, input);
  if (month !== entry.workingMonth) await guardWritable(deps.db, contract, month);
  const others = (await monthEntryRows(deps.db, contract.id, month)).filter(
    (row) => row.id !== entry.id,
  );
  await checkSingle(deps.db, contract, month, input, others, locale);
  await checkClientRowId(deps.db, contract, input, entry.id);
  const [row] = await deps.db
    .update(workEntries)
    .set({
      clientRowId: input.clientRowId ?? entry.clientRowId,
      ...storedFields(input, month),
      updatedAt: deps.now(),
    })
    .where(eq(workEntries.id, entry.id))
    .returning();
  if (!row) throw new Error("entry not stored");
  return serializeEntry(row);
}

export async function deleteEntry(deps: Pick<Deps, "db">, contract: Contract, entryId: string) {
  const entry = await getEntry(deps.db, contract, entryId);
  await guardWritable(deps.db, contract, entry.workingMonth);
  await deps.db.delete(workEntries).where(eq(workEntries.id, entry.id));
}

export async function listMonthEntries(db: Db, contract: Contract, month: string) {
  checkContractMonth(contract, month);
  return (await monthEntryRows(db, contract.id, month)).map(serializeEntry);
}
