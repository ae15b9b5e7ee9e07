import { and, count, desc, eq, inArray } from "drizzle-orm";
import { approvalView } from "../approvals/service";
import { type Role, seesDocument } from "../authorization";
import { orderDocumentContent } from "../contracts/rules";
import {
  companies,
  companySettings,
  conditionVersions,
  contracts,
  purchaseOrders,
  users,
} from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import type { OrderBody } from "./schemas";

export type PurchaseOrder = typeof purchaseOrders.$inferSelect;
type Contract = typeof contracts.$inferSelect;

const pad = (n: number) => String(n).padStart(6, "0");

type Tx = Parameters<Parameters<Deps["db"]["transaction"]>[0]>[0];
type DraftInput = { subject?: string; remarks?: string; hideRangeTerms?: boolean };

/** A new draft order for a condition version, numbered per company without gaps. */
export async function createDraftOrder(
  deps: Pick<Deps, "db" | "now">,
  contract: Contract,
  conditionVersionId: string,
  input: DraftInput,
): Promise<PurchaseOrder> {
  const now = deps.now();
  return deps.db.transaction((tx) =>
    insertDraftOrder(tx, contract, conditionVersionId, input, now),
  );
}

/** The draft order written inside the caller's transaction (with the contract it drafts for). */
export async function insertDraftOrder(
  tx: Tx,
  contract: Contract,
  conditionVersionId: string,
  input: DraftInput,
  now: Date,
): Promise<PurchaseOrder> {
  const [open] = await tx
    .select({ number: purchaseOrders.number })
    .from(purchaseOrders)
    .where(
      and(
        eq(purchaseOrders.conditionVersionId, conditionVersionId),
        inArray(purchaseOrders.status, ["draft", "underReview", "returned", "approved"]),
      ),
    );
  if (open) {
    throw new ApiError(
      409,
      "order_exists",
      `These working conditions already have purchase order ${open.number}`,
    );
  }
  const [existing] = await tx
    .select({ n: count() })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.companyId, contract.companyId));
  const [order] = await tx
    .insert(purchaseOrders)
    .values({
      companyId: contract.companyId,
      contractId: contract.id,
      conditionVersionId,
      number: `PO-${pad((existing?.n ?? 0) + 1)}`,
      status: "draft",
      subject: input.subject ?? contract.title,
      remarks: input.remarks ?? "",
      hideRangeTerms: input.hideRangeTerms ?? false,
      createdAt: now,
    })
    .returning();
  if (!order) throw new Error("order not stored");
  return order;
}

export async function getOrder(deps: Pick<Deps, "db">, orderId: string): Promise<PurchaseOrder> {
  const [order] = await deps.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, orderId));
  if (!order) throw new ApiError(404, "not_found", "No such purchase order");
  return order;
}

/** The contract's orders the caller sees (a draft is hidden from the partner), newest first. */
export async function listOrders(deps: Pick<Deps, "db">, contractId: string, roles: Role[]) {
  const rows = await deps.db
    .select()
    .from(purchaseOrders)
    .where(eq(purchaseOrders.contractId, contractId))
    .orderBy(desc(purchaseOrders.createdAt), desc(purchaseOrders.number));
  return rows.filter((o) => seesDocument("order", o.status, roles));
}

export async function patchOrder(
  deps: Pick<Deps, "db">,
  order: PurchaseOrder,
  patch: { subject?: string; remarks?: string; hideRangeTerms?: boolean },
) {
  if (order.status !== "draft" && order.status !== "returned") {
    throw new ApiError(
      409,
      "order_locked",
      `A purchase order that is ${order.status} cannot be edited`,
    );
  }
  if (order.approval?.outcome === "pending") throw inApproval();
  const [updated] = await deps.db
    .update(purchaseOrders)
    .set(patch)
    .where(eq(purchaseOrders.id, order.id))
    .returning();
  return updated ?? order;
}

export async function loadParts(deps: Pick<Deps, "db">, order: PurchaseOrder) {
  const [parts] = await deps.db
    .select({
      contract: contracts,
      version: conditionVersions,
      company: companies,
      partner: users,
      payer: companySettings.payer,
    })
    .from(contracts)
    .innerJoin(conditionVersions, eq(conditionVersions.id, order.conditionVersionId))
    .innerJoin(companies, eq(companies.id, contracts.companyId))
    .innerJoin(users, eq(users.id, contracts.partnerUserId))
    .leftJoin(companySettings, eq(companySettings.companyId, contracts.companyId))
    .where(eq(contracts.id, order.contractId));
  if (!parts) throw new Error(`order ${order.id} has lost its contract`);
  return parts;
}

/** The document as it stands (frozen into the order when sent). */
export async function documentFor(deps: Pick<Deps, "db" | "now">, order: PurchaseOrder) {
  if (order.document && order.status !== "draft" && order.status !== "returned")
    return order.document;
  const parts = await loadParts(deps, order);
  return orderDocumentContent({ ...parts, order, issuedOn: deps.now() });
}

/** While the order waits in its approval route, neither edited nor sent around it. */
export const inApproval = () =>
  new ApiError(
    409,
    "order_in_approval",
    "The purchase order is in its approval route: it can be changed once it is returned",
    [],
    "発注書は承認中です。差し戻されると変更できます",
  );

export function serializeOrder(order: PurchaseOrder): OrderBody {
  return {
    id: order.id,
    contractId: order.contractId,
    number: order.number,
    status: order.status,
    subject: order.subject,
    remarks: order.remarks,
    hideRangeTerms: order.hideRangeTerms,
    revision: order.revision,
    contentHash: order.contentHash,
    sentAt: order.sentAt?.toISOString() ?? null,
    decidedAt: order.decidedAt?.toISOString() ?? null,
    returnReason: order.returnReason,
    confirmation: order.confirmation ?? null,
    approval: approvalView(order.approval),
    createdAt: order.createdAt.toISOString(),
  };
}
