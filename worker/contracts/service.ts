import type { z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import {
  type CostCategory,
  firstWorkingMonthIssue,
  type Issue,
  isClosingDay,
  validateQuoteRequest,
} from "../../shared";
import type { User } from "../accounts/sessions";
import { companies, conditionVersions, contracts, memberships, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError, type IssueBody, type IssueInput } from "../http/errors";
import { checkPaymentTerms, firstWorkingMonthOf, isIsoDate } from "./rules";
import type { newContractSchema } from "./schemas";

export type Contract = typeof contracts.$inferSelect;
export type ConditionVersion = typeof conditionVersions.$inferSelect;
export type NewContract = z.infer<typeof newContractSchema>;
/** A transaction of the database: writes that stand or fall together. */
export type Tx = Parameters<Parameters<Deps["db"]["transaction"]>[0]>[0];

const toBody = (issues: Issue[], prefix: string, ja: boolean): IssueBody[] =>
  issues.map((i) => ({
    path: i.path ? `${prefix}.${i.path}` : prefix,
    code: i.code,
    message: ja ? i.messageJa : i.message,
  }));

/**
 * The working conditions checked by the engine itself, as the quote of an empty month would
 * check them, so a contract can never hold conditions the engine would refuse later.
 */
export function conditionIssues(
  costCategories: unknown[],
  month: string,
  contract: { closingDay: number; settlementUnit: number },
  hourRangeEnabled: boolean,
  ja = false,
): IssueInput[] {
  const validation = validateQuoteRequest({
    month,
    closingDay: contract.closingDay,
    settlementUnit: contract.settlementUnit,
    costCategories,
    entries: [],
  });
  const issues: IssueInput[] = validation.ok ? [] : toBody(validation.issues, "conditions", ja);
  const ranged = costCategories.some((c) => (c as { type?: string })?.type === "monthlyRange");
  if (ranged && !hourRangeEnabled) {
    issues.push({
      path: "conditions.costCategories",
      code: "option_not_enabled",
      message:
        "Monthly fees with an hour range (時間幅・超過/控除) are a paid option not enabled for this company",
      messageJa:
        "時間幅（超過/控除）つきの月額は有料オプションで、この企業では有効になっていません",
    });
  }
  return issues.map((issue) => ({
    ...issue,
    path: issue.path.replace(/^conditions\.(closingDay|settlementUnit)$/, "$1"),
  }));
}

/** A new contract that passed every check: the partner found and its first working month. */
const FIRST_CONTRACT_DATE = "2000-01-01";
const LAST_CONTRACT_DATE = "2099-12-31";

export type CheckedContract = { input: NewContract; partnerUserId: string; effectiveFrom: string };

type CompanyRow = typeof companies.$inferSelect;

/**
 * Every rule a new contract must meet, as issues (paths relative to the contract), and the
 * contract ready to store when there are none. Creating one contract or many checks here.
 */
export async function checkNewContract(
  deps: Pick<Deps, "db">,
  scope: { companyId: string; groupId: string },
  input: NewContract,
  ja = false,
  company?: CompanyRow,
): Promise<{ issues: IssueInput[]; checked?: CheckedContract }> {
  const issues: IssueInput[] = [];
  const [partner] = await deps.db
    .select({ user: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, input.partnerUserId),
        eq(memberships.groupId, scope.groupId),
        eq(memberships.role, "partner"),
      ),
    );
  if (!partner) {
    issues.push({
      path: "partnerUserId",
      message: "Choose a partner of this group (invite them first)",
      messageJa: "このグループのパートナーを選んでください（先に招待してください）",
    });
  }
  if (!isIsoDate(input.startDate))
    issues.push({
      path: "startDate",
      message: "startDate must be a date, YYYY-MM-DD",
      messageJa: "開始日（startDate）は YYYY-MM-DD 形式の日付にしてください",
    });
  if (!isIsoDate(input.endDate))
    issues.push({
      path: "endDate",
      message: "endDate must be a date, YYYY-MM-DD",
      messageJa: "終了日（endDate）は YYYY-MM-DD 形式の日付にしてください",
    });
  // Payment days and working months are computed up to a year past the end: a date in 9999
  // has none to compute. No contract of this century needs one outside it.
  for (const path of ["startDate", "endDate"] as const) {
    const date = input[path];
    if (isIsoDate(date) && (date < FIRST_CONTRACT_DATE || date > LAST_CONTRACT_DATE)) {
      issues.push({
        path,
        message: `${path} must be from ${FIRST_CONTRACT_DATE} to ${LAST_CONTRACT_DATE}`,
        messageJa: `${path === "startDate" ? "開始日" : "終了日"}（${date}）は ${FIRST_CONTRACT_DATE}〜${LAST_CONTRACT_DATE} の日付にしてください`,
      });
    }
  }
  if (isIsoDate(input.startDate) && isIsoDate(input.endDate) && input.endDate < input.startDate) {
    issues.push({
      path: "endDate",
      message: `The contract cannot end (${input.endDate}) before it starts (${input.startDate})`,
      messageJa: `契約の終了日（${input.endDate}）を開始日（${input.startDate}）より前にすることはできません`,
    });
  }
  if (!isClosingDay(input.closingDay)) {
    issues.push({
      path: "closingDay",
      message: "closingDay must be 1 to 28, or 31 for the month's end (末日締め)",
      messageJa: "締め日（closingDay）は 1〜28、または末日締めの 31 にしてください",
    });
  }
  if (input.billingMode === "paymentNotice" && input.confirmationDays === undefined) {
    issues.push({
      path: "confirmationDays",
      message: "Payment notices need a confirmation deadline in days",
      messageJa: "支払通知書には確認期限の日数が必要です",
    });
  }
  const ranged = input.conditions.costCategories.some((c) => c.type === "monthlyRange");
  if (ranged && input.billingMode === "paymentNotice") {
    issues.push({
      path: "billingMode",
      message: "With an hour range the partner sends invoices: payment notices cannot be chosen",
      messageJa: "時間幅がある場合はパートナーが請求書を送ります。支払通知書は選べません",
    });
  }
  const [found] = company
    ? [company]
    : await deps.db.select().from(companies).where(eq(companies.id, scope.companyId));
  let effectiveFrom = input.conditions.effectiveFrom;
  if (issues.length === 0) {
    effectiveFrom ??= firstWorkingMonthOf(input.startDate, input.endDate, input.closingDay);
    const notFirst = firstWorkingMonthIssue(
      { start: input.startDate, end: input.endDate },
      input.closingDay,
      effectiveFrom,
    );
    if (notFirst) {
      issues.push({
        path: notFirst.path,
        code: notFirst.code,
        message: ja ? notFirst.messageJa : notFirst.message,
      });
    }
    issues.push(
      ...conditionIssues(
        input.conditions.costCategories,
        effectiveFrom,
        input,
        found?.hourRangeEnabled ?? false,
        ja,
      ),
      ...checkPaymentTerms(input, partner?.user.partnerKind ?? "individual", ja),
    );
  }
  if (issues.length > 0 || !partner || !effectiveFrom) return { issues };
  return { issues, checked: { input, partnerUserId: partner.user.id, effectiveFrom } };
}

/** Stores a checked contract and its first condition version, inside the caller's transaction. */
export async function insertContract(
  tx: Tx,
  actor: User,
  scope: { companyId: string; groupId: string },
  { input, partnerUserId, effectiveFrom }: CheckedContract,
  now: Date,
): Promise<{ contract: Contract; versionId: string }> {
  const versionId = crypto.randomUUID();
  const [contract] = await tx
    .insert(contracts)
    .values({
      id: crypto.randomUUID(),
      companyId: scope.companyId,
      groupId: scope.groupId,
      partnerUserId,
      title: input.title,
      contractType: input.contractType,
      scope: input.scope,
      deliverables: input.deliverables,
      workPlace: input.workPlace,
      startDate: input.startDate,
      endDate: input.endDate,
      closingDay: input.closingDay,
      paymentTerms: input.paymentTerms,
      autoRenewal: input.autoRenewal,
      billingMode: input.billingMode,
      confirmationDays:
        input.billingMode === "paymentNotice" ? (input.confirmationDays ?? null) : null,
      settlementUnit: input.settlementUnit,
      createdBy: actor.id,
      createdAt: now,
    })
    .returning();
  if (!contract) throw new Error("contract not stored");
  await tx.insert(conditionVersions).values({
    id: versionId,
    contractId: contract.id,
    version: 1,
    effectiveFrom,
    // Checked by the engine (conditionIssues): the categories it computes with.
    costCategories: input.conditions.costCategories as CostCategory[],
    createdBy: actor.id,
    createdAt: now,
  });
  return { contract, versionId };
}

export async function createContract(
  deps: Deps,
  actor: User,
  scope: { companyId: string; groupId: string },
  input: NewContract,
  ja = false,
) {
  const { issues, checked } = await checkNewContract(deps, scope, input, ja);
  if (!checked) {
    throw new ApiError(
      422,
      "invalid_contract",
      `The contract has ${issues.length} problem(s)`,
      issues,
    );
  }
  const now = deps.now();
  const { contract } = await deps.db.transaction((tx) =>
    insertContract(tx, actor, scope, checked, now),
  );
  return contract;
}

export async function getContract(deps: Deps, contractId: string): Promise<Contract> {
  const [contract] = await deps.db.select().from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw new ApiError(404, "not_found", "No such contract");
  return contract;
}

export async function latestConditions(
  deps: Pick<Deps, "db">,
  contractId: string,
): Promise<ConditionVersion> {
  const [version] = await deps.db
    .select()
    .from(conditionVersions)
    .where(eq(conditionVersions.contractId, contractId))
    .orderBy(desc(conditionVersions.version))
    .limit(1);
  if (!version) throw new Error(`contract ${contractId} has no conditions`);
  return version;
}
