import { asc, desc, eq, inArray } from "drizzle-orm";
import { contracts, purchaseOrders } from "../db/schema";
import type { Deps } from "../deps";
import { contractStatusOf } from "./rules";
import type { ContractBody } from "./schemas";
import type { Contract } from "./service";

// Contracts as the API answers them: one contract, and the lists with their derived status.

/** Contracts with their derived status (契約ステータス), newest first. */
export async function listContracts(
  deps: Deps,
  where: { groupId?: string; partnerUserId?: string },
) {
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
  const orders = await deps.db
    .select({
      contractId: purchaseOrders.contractId,
      status: purchaseOrders.status,
      number: purchaseOrders.number,
    })
    .from(purchaseOrders)
    .where(
      inArray(
        purchaseOrders.contractId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(purchaseOrders.createdAt), asc(purchaseOrders.number));
  const latest = new Map<string, string>();
  for (const order of orders) latest.set(order.contractId, order.status);
  return rows.map((contract) =>
    serializeContract(contract, latest.get(contract.id) ?? null, deps.now()),
  );
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
