import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { ApprovalRecord } from "../../shared";
import type { User } from "../accounts/sessions";
import { approvalView } from "../approvals/service";
import { type Role, seesDocument } from "../authorization";
import {
  type OrderEvent,
  orderDocumentContent,
  rangeMonthIssues,
  transitionOrder,
} from "../contracts/rules";
import {
  bankAccounts,
  companies,
  companySettings,
  conditionVersions,
  contracts,
  purchaseOrders,
  users,
} from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { notify } from "../notifications/service";
import {
  appendHistory,
  contentHashOf,
  type HistoryKeyHolder,
  historyKeyOf,
} from "../platform/history";
import type { OrderBody } from "./schemas";

export type PurchaseOrder = typeof purchaseOrders.$inferSelect;
type Contract = typeof contracts.$inferSelect;

const pad = (n: number) => String(n).padStart(6, "0");

/** A new draft order for a condition version, numbered per company without gaps. */
export async function createDraftOrder(
  deps: Pick<Deps, "db" | "now">,
  contract: Contract,
  conditionVersionId: string,
  input: { subject?: string; remarks?: string; hideRangeTerms?: boolean },
): Promise<PurchaseOrder> {
  return deps.db.transaction(async (tx) => {
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
        createdAt: deps.now(),
      })
      .returning();
    if (!order) throw new Error("order not stored");
    return order;
  });
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

async function loadParts(deps: Pick<Deps, "db">, order: PurchaseOrder) {
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

function refuse(
  result: ReturnType<typeof transitionOrder>,
): asserts result is { ok: true; status: PurchaseOrder["status"] } {
  if (!result.ok)
    throw new ApiError(409, result.issue.code, result.issue.message, [
      { path: result.issue.path, code: result.issue.code, message: result.issue.message },
    ]);
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

export type OrderHistoryEvent =
  | "sent"
  | "resent"
  | "returned"
  | "approved"
  | "expired"
  | "superseded"
  // The company's own approval route before sending (approvals/).
  | "approvalRequested"
  | "stepApproved"
  | "approvalReturned";

export async function recordEvent(
  tx: Parameters<Parameters<Deps["db"]["transaction"]>[0]>[0],
  deps: Pick<Deps, "now"> & HistoryKeyHolder,
  order: PurchaseOrder,
  document: Record<string, unknown>,
  event: OrderHistoryEvent,
  actor: User | null,
  details: Record<string, unknown> = {},
) {
  await appendHistory(tx, historyKeyOf(deps), {
    companyId: order.companyId,
    documentType: "purchaseOrder",
    documentId: order.id,
    documentNumber: order.number,
    event,
    actorUserId: actor?.id ?? null,
    actorName: actor ? (actor.fullName ?? actor.email) : "system",
    occurredAt: deps.now(),
    transactionDate: String(document.issuedOn ?? ""),
    amount: Number(document.totalAmount ?? 0),
    counterparty: String((document.partner as { name?: string } | undefined)?.name ?? ""),
    contentHash: await contentHashOf(document),
    details,
  });
}

/** What sending needs: the per-month terms right and the status and deadline allowing it. */
export async function sendCheck(deps: Pick<Deps, "db" | "now">, order: PurchaseOrder) {
  const parts = await loadParts(deps, order);
  const monthIssues = rangeMonthIssues(
    parts.version.costCategories,
    parts.contract,
    parts.version.effectiveFrom,
  );
  if (monthIssues.length > 0) {
    throw new ApiError(
      422,
      "wrong_working_months",
      "The per-month terms do not match the contract's working months",
      monthIssues,
    );
  }
  const event: OrderEvent = order.status === "returned" ? "resend" : "send";
  const next = transitionOrder(order.status, event, {
    now: deps.now(),
    endDate: parts.contract.endDate,
  });
  refuse(next);
  return { parts, event, status: next.status };
}

/**
 * Send (or resend after a return): freezes the document, records it, tells the partner. With
 * `lastStep`, the last step of the order's approval route sends it: the step's approval and
 * the sending land in one transaction, on the approval the step read. The actor is null when
 * the system sends (the order of an automatic renewal).
 */
export async function sendOrder(
  deps: Deps,
  actor: User | null,
  order: PurchaseOrder,
  lastStep?: { approval: ApprovalRecord; details: Record<string, unknown> },
) {
  const { parts, event, status } = await sendCheck(deps, order);
  const document = orderDocumentContent({ ...parts, order, issuedOn: deps.now() });
  const hash = await contentHashOf(document);
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchaseOrders)
      .set({
        status,
        document,
        contentHash: hash,
        sentAt: deps.now(),
        revision: order.revision + 1,
        returnReason: null,
        // Sent without a route, the order carries no approval (not one of an earlier sending).
        approval: lastStep?.approval ?? null,
        approvalVersion: order.approvalVersion + 1,
      })
      .where(
        and(
          eq(purchaseOrders.id, order.id),
          eq(purchaseOrders.status, order.status),
          eq(purchaseOrders.approvalVersion, order.approvalVersion),
        ),
      )
      .returning();
    if (!row)
      throw new ApiError(409, "order_changed", "The purchase order changed meanwhile: reload it");
    if (lastStep)
      await recordEvent(tx, deps, row, document, "stepApproved", actor, lastStep.details);
    await recordEvent(tx, deps, row, document, event === "resend" ? "resent" : "sent", actor);
    return row;
  });
  await notify(
    deps,
    parts.partner.id,
    {
      kind: "order.sent",
      title: `Confirm the purchase order ${order.number} / 発注書をご確認ください`,
      body: `${parts.company.name} sent the purchase order "${updated.subject}". Approve or return it by ${parts.contract.endDate}.`,
      link: `/v1/orders/${order.id}`,
    },
    { mail: { to: parts.partner.email } },
  );
  return updated;
}

/** The partner returns the order with a reason; the company revises and resends. */
export async function returnOrder(deps: Deps, actor: User, order: PurchaseOrder, reason: string) {
  const parts = await loadParts(deps, order);
  const next = transitionOrder(order.status, "return", {
    now: deps.now(),
    endDate: parts.contract.endDate,
    reason,
  });
  refuse(next);
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchaseOrders)
      .set({ status: next.status, returnReason: reason, decidedAt: deps.now() })
      .where(and(eq(purchaseOrders.id, order.id), eq(purchaseOrders.status, order.status)))
      .returning();
    if (!row)
      throw new ApiError(409, "order_changed", "The purchase order changed meanwhile: reload it");
    await recordEvent(tx, deps, row, order.document ?? {}, "returned", actor, { reason });
    return row;
  });
  await notify(deps, parts.contract.createdBy, {
    kind: "order.returned",
    title: `${order.number} was returned / 発注書が差し戻されました`,
    body: `${parts.partner.fullName ?? parts.partner.email}: ${reason}`,
    link: `/v1/orders/${order.id}`,
  });
  return updated;
}

export type Approval = {
  address?: string;
  phone?: string;
  bankAccountId?: string;
  useNextTime: boolean;
};

/**
 * Approval (発注請書): needs the partner's address, phone and a bank account, from the request
 * or from settings, and is possible until 23:59 JST of the contract's end date.
 */
export async function approveOrder(deps: Deps, actor: User, order: PurchaseOrder, input: Approval) {
  const parts = await loadParts(deps, order);
  const next = transitionOrder(order.status, "approve", {
    now: deps.now(),
    endDate: parts.contract.endDate,
  });
  if (!next.ok && next.issue.code === "order_expired" && order.status === "underReview") {
    await expireOrder(deps, order, parts.contract.endDate);
  }
  refuse(next);
  const address = input.address || parts.partner.address;
  const phone = input.phone || parts.partner.phone;
  const accounts = await deps.db
    .select()
    .from(bankAccounts)
    .where(eq(bankAccounts.userId, actor.id))
    .orderBy(desc(bankAccounts.isDefault));
  const account = input.bankAccountId
    ? accounts.find((a) => a.id === input.bankAccountId)
    : accounts[0];
  const missing = [
    ...(address ? [] : [{ path: "address", message: "Save your address to approve the order" }]),
    ...(phone ? [] : [{ path: "phone", message: "Save your phone number to approve the order" }]),
    ...(account
      ? []
      : [
          {
            path: "bankAccountId",
            message: input.bankAccountId
              ? "No such bank account of yours"
              : "Register a bank account to approve the order",
          },
        ]),
  ];
  if (missing.length > 0)
    throw new ApiError(422, "approval_incomplete", "The order confirmation is incomplete", missing);
  const confirmation = {
    fullName: parts.partner.fullName ?? parts.partner.email,
    address,
    phone,
    registrationNumber: parts.partner.registrationNumber,
    bankAccount: account && {
      kind: account.kind,
      bankName: account.bankName,
      branchName: account.branchName,
      accountType: account.accountType,
      accountNumber: account.accountNumber,
      holderName: account.holderName,
    },
    approvedAt: deps.now().toISOString(),
  };
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchaseOrders)
      .set({ status: next.status, confirmation, decidedAt: deps.now() })
      .where(and(eq(purchaseOrders.id, order.id), eq(purchaseOrders.status, order.status)))
      .returning();
    if (!row)
      throw new ApiError(409, "order_changed", "The purchase order changed meanwhile: reload it");
    if (input.useNextTime) {
      await tx.update(users).set({ address, phone }).where(eq(users.id, actor.id));
    }
    await recordEvent(
      tx,
      deps,
      row,
      { ...(order.document ?? {}), confirmation },
      "approved",
      actor,
    );
    return row;
  });
  await notify(deps, parts.contract.createdBy, {
    kind: "order.approved",
    title: `${order.number} was approved / 発注書が承認されました`,
    body: `${confirmation.fullName} approved "${order.subject}".`,
    link: `/v1/orders/${order.id}`,
  });
  return updated;
}

async function expireOrder(
  deps: Pick<Deps, "db" | "now"> & HistoryKeyHolder,
  order: PurchaseOrder,
  endDate: string,
) {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchaseOrders)
      .set({ status: "expired", decidedAt: deps.now() })
      .where(and(eq(purchaseOrders.id, order.id), eq(purchaseOrders.status, "underReview")))
      .returning();
    if (row) await recordEvent(tx, deps, row, order.document ?? {}, "expired", null, { endDate });
  });
}

/**
 * A change of conditions: orders still open on the old ones give way (superseded); approved
 * and expired ones stay as they were. One the partner had been sent is recorded in the history.
 */
export async function supersedeOpenOrders(
  deps: Pick<Deps, "db" | "now"> & HistoryKeyHolder,
  actor: User | null,
  contractId: string,
) {
  await deps.db.transaction(async (tx) => {
    const open = await tx
      .update(purchaseOrders)
      .set({ status: "superseded", decidedAt: deps.now() })
      .where(
        and(
          eq(purchaseOrders.contractId, contractId),
          inArray(purchaseOrders.status, ["draft", "underReview", "returned"]),
        ),
      )
      .returning();
    for (const order of open) {
      if (order.sentAt)
        await recordEvent(tx, deps, order, order.document ?? {}, "superseded", actor);
    }
  });
}

/** The scheduled sweep: orders still under review after their contract ended expire. */
export async function expireOverdueOrders(
  deps: Pick<Deps, "db" | "now"> & HistoryKeyHolder,
): Promise<number> {
  const open = await deps.db
    .select({ order: purchaseOrders, endDate: contracts.endDate })
    .from(purchaseOrders)
    .innerJoin(contracts, eq(contracts.id, purchaseOrders.contractId))
    .where(inArray(purchaseOrders.status, ["underReview"]));
  let expired = 0;
  for (const { order, endDate } of open) {
    const check = transitionOrder("underReview", "expire", { now: deps.now(), endDate });
    if (check.ok) {
      await expireOrder(deps, order, endDate);
      expired++;
    }
  }
  return expired;
}

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
