import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { jstDateOf, workingMonthOfDate } from "../../shared";
import { type Role, seesDocument } from "../authorization";
import { conditionVersions, contracts, purchaseOrders, users } from "../db/schema";
import type { Deps } from "../deps";
import {
  billedVersion,
  orderMonthsColumn,
  parseOrderMonths,
  pendingVersion,
} from "./billedConditions";
import { contractStatusOf, orderCoverage, workingMonthsOfContract } from "./rules";
import type { ContractBody, ContractListItem } from "./schemas";
import type { Contract } from "./service";

// Contracts as the API answers them: one contract, and the lists with their derived status,
// partner, the conditions the month is billed by (and a change awaiting its order's approval)
// and orders, in four queries whatever the list's length.

type Version = typeof conditionVersions.$inferSelect;

/** The contract's working month nearest today: this one, kept within the contract's months. */
function monthShown(contract: Contract, today: string): string {
  const now = workingMonthOfDate(today, contract.closingDay);
  const months = workingMonthsOfContract(contract);
  const first = months[0];
  const last = months.at(-1);
  if (first !== undefined && now < first) return first;
  if (last !== undefined && now > last && !contract.autoRenewal) return last;
  return now;
}

const conditionsBody = (version: Version | null) =>
  version && {
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    costCategories: version.costCategories,
  };

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
      frozenMonths: orderMonthsColumn,
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
    const pairs = own.flatMap((o) => {
      const version = ownVersions.find((v) => v.id === o.conditionVersionId);
      return version
        ? [{ version, orderStatus: o.status, orderMonths: parseOrderMonths(o.frozenMonths) }]
        : [];
    });
    const billed = billedVersion(pairs, monthShown(contract, today));
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
          workingMonths: coverage?.months ?? parseOrderMonths(o.frozenMonths) ?? [],
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
      conditions: conditionsBody(billed),
      pendingConditions: conditionsBody(pendingVersion(ownVersions, pairs, billed)),
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
