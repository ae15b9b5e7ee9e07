import { and, eq } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { companies, contracts } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError, type IssueBody, type IssueInput } from "../http/errors";
import type { Locale } from "../http/locale";
import { zodIssues } from "../http/zodIssues";
import { insertDraftOrder } from "../orders/drafts";
import { newContractSchema } from "./schemas";
import { type CheckedContract, checkNewContract, insertContract } from "./service";

// Contracts in bulk (a sheet of rows): every row is checked by the rules of creating one
// (checkNewContract), and either all are stored, each with its purchase order drafted, in one
// transaction, or none is and every row's problems are answered at once, at `rows.{i}.{field}`.

type Scope = { companyId: string; groupId: string };

const at = (index: number, path: string) => (path ? `rows.${index}.${path}` : `rows.${index}`);

/**
 * Every row checked, the body's schema included, so a row missing a field and another with a
 * wrong first month are both reported in one answer. `rows` may hold anything the client sent.
 */
export async function checkRows(
  deps: Pick<Deps, "db">,
  scope: Scope,
  rows: readonly unknown[],
  locale: Locale,
): Promise<{ issues: IssueInput[]; checked: CheckedContract[] }> {
  const ja = locale === "ja";
  const [company] = await deps.db.select().from(companies).where(eq(companies.id, scope.companyId));
  const issues: IssueInput[] = [];
  const checked: CheckedContract[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const parsed = newContractSchema.safeParse(row);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, row, locale, at(index, "")));
      continue;
    }
    // A row pasted twice would make two contracts, two orders and, in the end, two payments.
    const key = JSON.stringify(parsed.data);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(sameAsRow(index, first));
      continue;
    }
    seen.set(key, index);
    const result = await checkNewContract(deps, scope, parsed.data, ja, company);
    for (const issue of result.issues) issues.push({ ...issue, path: at(index, issue.path) });
    if (result.checked) checked.push(result.checked);
  }
  return { issues, checked };
}

/** A row identical to an earlier one, named by its place among the rows sent (1 is the first). */
function sameAsRow(index: number, first: number): IssueInput {
  return {
    path: at(index, "title"),
    code: "duplicate_row",
    message: `The same contract as row ${first + 1}: delete one of the two, so it is not created twice`,
    messageJa: `${first + 1}件目と同じ内容の契約です。同じ契約を2件作らないよう、どちらかを削除してください`,
  };
}

/** The refusal of a batch with bad rows: nothing was created. */
export function rowsRefused(issues: IssueInput[], total: number): ApiError {
  const bad = new Set(issues.map((i) => i.path.split(".")[1])).size;
  return new ApiError(
    422,
    "invalid_contract",
    `${bad} of ${total} row(s) have problems: no contract was created`,
    issues,
    `${total}行中${bad}行に問題があるため、契約は1件も作成していません`,
  );
}

/** Checks every row; throws the refusal when any is bad, else answers them checked. */
export async function checkedRows(
  deps: Pick<Deps, "db">,
  scope: Scope,
  rows: readonly unknown[],
  locale: Locale,
): Promise<CheckedContract[]> {
  const { issues, checked } = await checkRows(deps, scope, rows, locale);
  if (issues.length > 0 || checked.length !== rows.length) throw rowsRefused(issues, rows.length);
  return checked;
}

/** Stores every checked contract with its first conditions and a draft order, all or none. */
export async function createContracts(
  deps: Pick<Deps, "db" | "now">,
  actor: User,
  scope: Scope,
  checked: readonly CheckedContract[],
) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const made = [];
    for (const row of checked) {
      const { contract, versionId } = await insertContract(tx, actor, scope, row, now);
      const order = await insertDraftOrder(tx, contract, versionId, {}, now);
      made.push({ contract, order });
    }
    return made;
  });
}

/**
 * Per row, a warning when the group already has a contract with the same partner, title and
 * period: a row created before, its contract id since lost from the sheet, would be created
 * twice. Only a warning: a second contract of the same name and period may be meant.
 */
export async function existingTwins(
  deps: Pick<Deps, "db">,
  scope: Scope,
  checked: readonly CheckedContract[],
  ja: boolean,
): Promise<IssueBody[][]> {
  return Promise.all(
    checked.map(async ({ input, partnerUserId }) => {
      const [twin] = await deps.db
        .select({ id: contracts.id })
        .from(contracts)
        .where(
          and(
            eq(contracts.groupId, scope.groupId),
            eq(contracts.partnerUserId, partnerUserId),
            eq(contracts.title, input.title),
            eq(contracts.startDate, input.startDate),
            eq(contracts.endDate, input.endDate),
          ),
        )
        .limit(1);
      if (!twin) return [];
      return [
        {
          path: "title",
          code: "contract_exists",
          message: ja
            ? `同じパートナー・契約名・契約期間の契約がすでにあります（契約ID ${twin.id}）。二重に作成しないか確認してください`
            : `A contract with the same partner, title and period exists already (contract ID ${twin.id}): check that this is not a second copy`,
        },
      ];
    }),
  );
}
