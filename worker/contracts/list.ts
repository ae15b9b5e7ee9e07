import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { jstDateOf, workingMonthOfDate } from "../../shared";
import { type Role, seesDocument } from "../authorization";
import { conditionVersions, contracts, purchaseOrders, users } from "../db/schema";
import type { Deps } from "../deps";
import { contractStatusOf, orderCoverage } from "./rules";
import type { ContractBody, ContractListItem } from "./schemas";
import type { Contract } from "./service";

// Contracts as the API answers them: one contract, and the lists with their derived status,
// partner, conditions in force and orders, in four queries whatever the list's length.

type Version = typeof conditionVersions.$inferSelect;

/** The newest version in force in `month`; before the first version starts, the first. */
function versionInForce(versions: Version[], month: string): Version | undefined {
  const started = versions.filter((v) => v.effectiveFrom <= month);
  const newest = (a: Version, b: Version) =>
    b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version;
  return started.sort(newest)[0] ?? versions.sort(newest).at(-1);
}

/** Contracts with their derived status (契約ステータス), newest first. */
export async function listContracts(
  deps: Deps,
  where: { groupId?: string; partnerUserId?: string },
  roles: readonly Role[],
): Promise<ContractListItem[]> {
  const rows = await deps.db
    .select()
    .from(contracts)
    .where(
      where.groupId
        ? eq(contracts.groupId, where.groupId)
        : eq(contracts.partnerUserId, where.partnerUserId ?? ""),
    )
    .orderBy(desc(contracts.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const orders = await deps.db
    .select({
      id: purchaseOrders.id,
      contractId: purchaseOrders.contractId,
      conditionVersionId: purchaseOrders.conditionVersionId,
      status: purchaseOrders.status,
      number: purchaseOrders.number,
      subject: purchaseOrders.subject,
      sentAt: purchaseOrders.sentAt,
      createdAt: purchaseOrders.createdAt,
      // What a sent order froze; a draft's coverage is worked out below, as its document would.
      frozenMonths: sql<string | null>`json_extract(${purchaseOrders.document}, '$.workingMonths')`,
      frozenTotal: sql<number | null>`json_extract(${purchaseOrders.document}, '$.totalAmount')`,
    })
    .from(purchaseOrders)
    .where(inArray(purchaseOrders.contractId, ids))
    .orderBy(asc(purchaseOrders.createdAt), asc(purchaseOrders.number));
  const versions = await deps.db
    .select()
    .from(conditionVersions)
    .where(inArray(conditionVersions.contractId, ids));
  const partners = await deps.db
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      kind: users.partnerKind,
      lookup: users.registrationLookup,
    })
    .from(users)
    .where(inArray(users.id, [...new Set(rows.map((r) => r.partnerUserId))]));

  const now = deps.now();
  const today = jstDateOf(now.getTime());
  return rows.map((contract) => {
    const own = orders.filter((o) => o.contractId === contract.id);
    const ownVersions = versions.filter((v) => v.contractId === contract.id);
    const inForce = versionInForce(ownVersions, workingMonthOfDate(today, contract.closingDay));
    const partner = partners.find((p) => p.id === contract.partnerUserId);
    const listed = own
      .filter((o) => seesDocument("order", o.status, roles))
      .reverse()
      .map((o) => {
        const version = ownVersions.find((v) => v.id === o.conditionVersionId);
        const coverage =
          o.frozenMonths !== null || !version ? null : orderCoverage(contract, version);
        return {
          id: o.id,
          number: o.number,
          status: o.status,
          subject: o.subject,
          sentAt: o.sentAt?.toISOString() ?? null,
          createdAt: o.createdAt.toISOString(),
          workingMonths: coverage?.months ?? (JSON.parse(o.frozenMonths ?? "[]") as string[]),
          totalAmount: coverage?.totalAmount ?? o.frozenTotal ?? 0,
        };
      });
    return {
      ...serializeContract(contract, own.at(-1)?.status ?? null, now),
      partner: {
        id: contract.partnerUserId,
        name: partner?.fullName ?? partner?.email ?? "",
        kind: partner?.kind ?? null,
        registeredName: partner?.lookup?.name ?? null,
      },
      conditions: {
        version: inForce?.version ?? 0,
        effectiveFrom: inForce?.effectiveFrom ?? "",
        costCategories: inForce?.costCategories ?? [],
      },
      orders: listed,
    };
  });
}

export function serializeContract(
  contract: Contract,
  latestOrderStatus: string | null,
  now: Date,
): ContractBody {
  return {
    id: contract.id,
    companyId: contract.companyId,
    groupId: contract.groupId,
    partnerUserId: contract.partnerUserId,
    title: contract.title,
    contractType: contract.contractType,
    scope: contract.scope,
    deliverables: contract.deliverables,
    workPlace: contract.workPlace,
    startDate: contract.startDate,
    endDate: contract.endDate,
    closingDay: contract.closingDay,
    paymentTerms: contract.paymentTerms,
    autoRenewal: contract.autoRenewal,
    billingMode: contract.billingMode,
    confirmationDays: contract.confirmationDays,
    settlementUnit: contract.settlementUnit,
    status: contractStatusOf(latestOrderStatus, contract, now),
    createdAt: contract.createdAt.toISOString(),
  };
}
