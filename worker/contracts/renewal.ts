import { and, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import {
  type CostCategory,
  jstDateOf,
  orderFixedTotal,
  orderLines,
  renewalOf,
  renewedConditions,
  termMonths,
} from "../../shared";
import {
  conditionVersions,
  contractRenewals,
  contracts,
  purchaseOrders,
  users,
} from "../db/schema";
import type { Deps } from "../deps";
import { notify } from "../notifications/service";
import { createDraftOrder } from "../orders/drafts";
import { supersedeOpenOrders } from "../orders/expiry";
import { sendOrder } from "../orders/sending";
import { appendHistory, contentHashOf, historyKeyOf } from "../platform/history";

// 自動更新: the scheduled job renews a contract with auto-renewal the day after it ends, for
// the same term, with the base terms of an hour range (shared/renewal.ts). The renewed months
// need an order the partner approves, like any months: the job sends it (the base terms are
// what the company chose auto-renewal for; other terms are a change of conditions, which
// supersedes it), and until the partner approves it no work is recorded in those months.

type Contract = typeof contracts.$inferSelect;
type Renewal = typeof contractRenewals.$inferSelect;

/** A job that has not run for a long time catches up, within reason. */
const MAX_RENEWALS_PER_RUN = 24;

/** The conditions in force when the contract ended: the latest ones the partner approved. */
async function approvedConditions(deps: Pick<Deps, "db">, contractId: string) {
  const [row] = await deps.db
    .select({ version: conditionVersions })
    .from(conditionVersions)
    .innerJoin(
      purchaseOrders,
      and(
        eq(purchaseOrders.conditionVersionId, conditionVersions.id),
        eq(purchaseOrders.status, "approved"),
      ),
    )
    .where(eq(conditionVersions.contractId, contractId))
    .orderBy(desc(conditionVersions.version))
    .limit(1);
  return row?.version;
}

async function orderStatus(deps: Pick<Deps, "db">, orderId: string) {
  const [order] = await deps.db
    .select({ status: purchaseOrders.status })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.id, orderId));
  return order?.status;
}

/**
 * One renewal: the period extended, the conditions of the renewed months, the renewal row and
 * its history event, in one transaction that only the first run wins. Null when there is
 * nothing to renew: never approved, renewed meanwhile, or the partner let the order of the
 * last renewal expire unanswered (the contract then ends there).
 */
async function renewOnce(deps: Deps, contract: Contract): Promise<Contract | null> {
  const base = await approvedConditions(deps, contract.id);
  if (!base) return null;
  const [previous] = await deps.db
    .select()
    .from(contractRenewals)
    .where(eq(contractRenewals.contractId, contract.id))
    .orderBy(desc(contractRenewals.sequence))
    .limit(1);
  if (previous?.orderId && (await orderStatus(deps, previous.orderId)) === "expired") return null;
  const term =
    previous?.termMonths ??
    termMonths({ start: contract.startDate, end: contract.endDate }, contract.closingDay);
  const next = renewalOf(
    { start: contract.startDate, end: contract.endDate },
    contract.closingDay,
    term,
  );
  const [latest] = await deps.db
    .select({ version: conditionVersions.version })
    .from(conditionVersions)
    .where(eq(conditionVersions.contractId, contract.id))
    .orderBy(desc(conditionVersions.version))
    .limit(1);
  const [partner] = await deps.db.select().from(users).where(eq(users.id, contract.partnerUserId));
  const costCategories = renewedConditions(base.costCategories as CostCategory[]);
  const sequence = (previous?.sequence ?? 0) + 1;
  const versionId = crypto.randomUUID();
  const now = deps.now();
  const record = {
    contractId: contract.id,
    sequence,
    previousEndDate: contract.endDate,
    period: next.period,
    months: next.months,
    costCategories,
  };
  return deps.db.transaction(async (tx) => {
    const [renewed] = await tx
      .update(contracts)
      .set({ endDate: next.period.end })
      .where(and(eq(contracts.id, contract.id), eq(contracts.endDate, contract.endDate)))
      .returning();
    if (!renewed) return null;
    await tx.insert(conditionVersions).values({
      id: versionId,
      contractId: contract.id,
      version: (latest?.version ?? 0) + 1,
      effectiveFrom: next.months[0] ?? "",
      costCategories,
      createdBy: contract.createdBy,
      createdAt: now,
    });
    await tx.insert(contractRenewals).values({
      contractId: contract.id,
      sequence,
      previousEndDate: contract.endDate,
      startDate: next.period.start,
      endDate: next.period.end,
      termMonths: term,
      conditionVersionId: versionId,
      createdAt: now,
    });
    await appendHistory(tx, historyKeyOf(deps), {
      companyId: contract.companyId,
      documentType: "contract",
      documentId: contract.id,
      documentNumber: `${contract.title} #${sequence}`,
      event: "renewed",
      actorUserId: null,
      actorName: "system",
      occurredAt: now,
      transactionDate: next.period.start,
      amount: orderFixedTotal(orderLines(costCategories, next.months)),
      counterparty: partner?.fullName ?? partner?.email ?? "",
      contentHash: await contentHashOf(record),
      details: {
        previousEndDate: contract.endDate,
        startDate: next.period.start,
        endDate: next.period.end,
        months: next.months,
      },
    });
    return renewed;
  });
}

/**
 * The order of a renewal, sent by the system, and the notices: once, however often it runs
 * (a run stopped between the renewal and its order is finished by the next).
 */
async function sendRenewalOrder(deps: Deps, renewal: Renewal) {
  const [contract] = await deps.db
    .select()
    .from(contracts)
    .where(eq(contracts.id, renewal.contractId));
  if (!contract) return;
  let [order] = await deps.db
    .select()
    .from(purchaseOrders)
    .where(
      and(
        eq(purchaseOrders.conditionVersionId, renewal.conditionVersionId),
        inArray(purchaseOrders.status, ["draft", "underReview", "returned", "approved"]),
      ),
    );
  if (!order) {
    await supersedeOpenOrders(deps, null, contract.id);
    order = await createDraftOrder(deps, contract, renewal.conditionVersionId, {
      subject: `${contract.title}（自動更新 ${renewal.startDate}〜${renewal.endDate}）`,
    });
  }
  if (order.status === "draft") order = await sendOrder(deps, null, order);
  const [claimed] = await deps.db
    .update(contractRenewals)
    .set({ orderId: order.id })
    .where(and(eq(contractRenewals.id, renewal.id), isNull(contractRenewals.orderId)))
    .returning();
  if (!claimed) return;
  const [partner] = await deps.db.select().from(users).where(eq(users.id, contract.partnerUserId));
  const [owner] = await deps.db.select().from(users).where(eq(users.id, contract.createdBy));
  const period = `${renewal.startDate}〜${renewal.endDate}`;
  const link = `/v1/orders/${order.id}`;
  if (partner) {
    await notify(
      deps,
      partner.id,
      {
        kind: "contract.renewed",
        title: {
          ja: `契約が自動更新されました: ${contract.title}`,
          en: `Your contract renewed: ${contract.title}`,
        },
        body: {
          ja: `「${contract.title}」は ${period} の期間で自動更新されました。更新後の月の業務登録は、発注書 ${order.number} の承認後に行えます。`,
          en: `"${contract.title}" renewed for ${period}. Approve purchase order ${order.number} to record work in the renewed months.`,
        },
        link,
      },
      { mail: { to: partner.email } },
    );
  }
  if (owner) {
    await notify(
      deps,
      owner.id,
      {
        kind: "contract.renewed",
        title: {
          ja: `契約が自動更新されました: ${contract.title}`,
          en: `A contract renewed: ${contract.title}`,
        },
        body: {
          ja: `「${contract.title}」は ${period} の期間で自動更新され、基準条件の発注書 ${order.number} をパートナーに送付しました。基準条件と異なる場合は、稼働条件を変更して発注書を送付してください。`,
          en: `"${contract.title}" renewed for ${period}; purchase order ${order.number} with the base terms was sent to the partner. For other terms, change the conditions and send that order.`,
        },
        link,
      },
      { mail: { to: owner.email } },
    );
  }
}

/** The scheduled sweep: contracts with auto-renewal whose end date has passed (JST). */
export async function renewEndedContracts(deps: Deps): Promise<number> {
  const today = jstDateOf(deps.now().getTime());
  const ended = await deps.db
    .select()
    .from(contracts)
    .where(and(eq(contracts.autoRenewal, true), lt(contracts.endDate, today)));
  let renewed = 0;
  for (let contract of ended) {
    for (let i = 0; i < MAX_RENEWALS_PER_RUN && contract.endDate < today; i++) {
      const next = await renewOnce(deps, contract);
      if (!next) break;
      contract = next;
      renewed++;
    }
  }
  const unsent = await deps.db
    .select()
    .from(contractRenewals)
    .where(isNull(contractRenewals.orderId))
    .orderBy(contractRenewals.contractId, contractRenewals.sequence);
  for (const renewal of unsent) await sendRenewalOrder(deps, renewal);
  return renewed;
}
