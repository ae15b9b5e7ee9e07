import { callApi } from "./api";
import type { Order, OrderStatus } from "./apiModels";
import type { BankAccount } from "./invoice";

// 発注書 for partners: the purchase orders of the caller's contracts, and approving (with the
// details the 発注請書 needs) or returning one with a reason. The API's refusal (422
// approval_incomplete, say) is thrown as its error object and reaches the sidebar whole.

export type { Order, OrderStatus };

export interface OrderListItem extends Order {
  contractTitle: string;
}

/** The order's document as the API froze it (worker/orders/pdf.ts OrderDocument), the parts shown. */
export interface OrderDocument {
  number?: string;
  subject?: string;
  issuedOn?: string;
  company?: { name?: string };
  partner?: { name?: string };
  contractTypeLabel?: string;
  scope?: string;
  period?: { start?: string; end?: string };
  deliverables?: string;
  workPlace?: string;
  paymentDeadline?: string;
  lines?: {
    name: string;
    unitPrice: number;
    quantity: number | null;
    months: number;
    amount: number | null;
    type: string;
  }[];
  totalAmount?: number;
  remarks?: string[];
}

/** What the approval dialog shows: the document, and the details approval needs as saved. */
export interface OrderView {
  order: Order;
  document: OrderDocument;
  contractTitle: string;
  profile: { fullName: string | null; address: string | null; phone: string | null };
  bankAccounts: BankAccount[];
}

export interface ApprovalDetails {
  address?: string;
  phone?: string;
  bankAccountId?: string;
  /** Keep these details for the next approval. */
  useNextTime: boolean;
}

const enc = encodeURIComponent;

/** Every order of the caller's contracts as a partner, newest contract first as the API lists. */
export function listMyOrders(): OrderListItem[] {
  const contracts = callApi<{ id: string }[]>("get", "/v1/me/contracts");
  return contracts.flatMap((c) => {
    const contract = callApi<{ title: string; orders?: Order[] }>(
      "get",
      `/v1/contracts/${enc(c.id)}`,
    );
    return (contract.orders ?? []).map((order) => ({ ...order, contractTitle: contract.title }));
  });
}

/** One order with its document, the partner's saved address and phone, and bank accounts. */
export function getOrder(orderId: string): OrderView {
  const found = callApi<Order & { document: OrderDocument | null }>(
    "get",
    `/v1/orders/${enc(orderId)}`,
  );
  const { document, ...order } = found;
  const contract = callApi<{ title: string }>("get", `/v1/contracts/${enc(order.contractId)}`);
  const me = callApi<OrderView["profile"]>("get", "/v1/me");
  const bankAccounts = callApi<BankAccount[]>("get", "/v1/me/bank-accounts");
  return {
    order,
    document: document ?? {},
    contractTitle: contract.title,
    profile: { fullName: me.fullName, address: me.address, phone: me.phone },
    bankAccounts,
  };
}

export function approveOrder(orderId: string, details: ApprovalDetails): Order {
  return callApi<Order>("post", `/v1/orders/${enc(orderId)}/approve`, details);
}

export function returnOrder(orderId: string, reason: string): Order {
  return callApi<Order>("post", `/v1/orders/${enc(orderId)}/return`, { reason });
}
