import { and, desc, eq } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { transitionOrder } from "../contracts/rules";
import { bankAccounts, purchaseOrders, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { notify } from "../notifications/service";
import { loadParts, type PurchaseOrder } from "./drafts";
import { recordEvent, refuse } from "./events";
import { expireOrder } from "./expiry";
import { orderApprovedText, orderReturnedText } from "./notificationTexts";

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
  await notify(
    deps,
    parts.contract.createdBy,
    orderReturnedText(order, parts.partner.fullName ?? parts.partner.email, reason),
  );
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
    ...(address
      ? []
      : [
          {
            path: "address",
            message: "Save your address to approve the order",
            messageJa: "発注を承認するには住所を保存してください",
          },
        ]),
    ...(phone
      ? []
      : [
          {
            path: "phone",
            message: "Save your phone number to approve the order",
            messageJa: "発注を承認するには電話番号を保存してください",
          },
        ]),
    ...(account
      ? []
      : [
          {
            path: "bankAccountId",
            message: input.bankAccountId
              ? "No such bank account of yours"
              : "Register a bank account to approve the order",
            messageJa: input.bankAccountId
              ? "この銀行口座はあなたの口座として登録されていません"
              : "発注を承認するには銀行口座を登録してください",
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
  await notify(deps, parts.contract.createdBy, orderApprovedText(order, confirmation.fullName));
  return updated;
}
