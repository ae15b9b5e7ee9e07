import { eq } from "drizzle-orm";
import { type CostCategory, formatYearMonthJa, lastWorkingMonth } from "../../shared";
import type { User } from "../accounts/sessions";
import { companies, conditionVersions } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { createDraftOrder } from "../orders/drafts";
import { supersedeOpenOrders } from "../orders/expiry";
import { type Contract, conditionIssues, latestConditions } from "./service";

// 稼働条件変更: new working conditions from a working month, and the order that carries them.

/** A change of conditions from a working month: a new version, and a new order to send. */
export async function changeConditions(
  deps: Deps,
  actor: User,
  contract: Contract,
  input: { effectiveFrom: string; costCategories: unknown[] },
  ja = false,
) {
  const [company] = await deps.db
    .select()
    .from(companies)
    .where(eq(companies.id, contract.companyId));
  const issues = conditionIssues(
    input.costCategories,
    input.effectiveFrom,
    contract,
    company?.hourRangeEnabled ?? false,
    ja,
  );
  const current = await latestConditions(deps, contract.id);
  if (input.effectiveFrom < current.effectiveFrom) {
    issues.push({
      path: "effectiveFrom",
      message: `A change must start in or after ${current.effectiveFrom}, where the current conditions start`,
      messageJa: `変更は現在の条件が始まる ${current.effectiveFrom} 以降に始めてください`,
    });
  }
  // A change after the last working month would govern no month, yet supersede the open order
  // and leave the contract's conditions starting where no change can reach back from.
  const last = lastWorkingMonth(
    { start: contract.startDate, end: contract.endDate },
    contract.closingDay,
  );
  if (input.effectiveFrom > last) {
    issues.push({
      path: "effectiveFrom",
      message: `A change must start in a working month of the contract, by ${last}`,
      messageJa: `変更はこの契約の稼働月（${formatYearMonthJa(last)}まで）から始めてください`,
    });
  }
  if (issues.length > 0)
    throw new ApiError(
      422,
      "invalid_conditions",
      `The conditions have ${issues.length} problem(s)`,
      issues,
    );
  const versionId = crypto.randomUUID();
  await supersedeOpenOrders(deps, actor, contract.id);
  await deps.db.insert(conditionVersions).values({
    id: versionId,
    contractId: contract.id,
    version: current.version + 1,
    effectiveFrom: input.effectiveFrom,
    costCategories: input.costCategories as CostCategory[],
    createdBy: actor.id,
    createdAt: deps.now(),
  });
  return createDraftOrder(deps, contract, versionId, {});
}
