import { ApiError, type ApiErrorBody, callApi } from "./api";
import type { Order, OrderStatus } from "./apiModels";

// 発注書 for partners: the purchase orders of the caller's contracts, and approving (with the
// details the 発注請書 needs) or returning one with a reason. The API's refusal (422
// approval_incomplete, say) comes back as its error object, unchanged, for the sidebar.

export type { Order, OrderStatus };

export interface OrderListItem extends Order {
  contractTitle: string;
}

export interface ApprovalDetails {
  address?: string;
  phone?: string;
  bankAccountId?: string;
  /** Keep these details for the next approval. */
  useNextTime: boolean;
}

export type OrderResult =
  | { ok: true; order: Order }
  | { ok: false; status: number; error: ApiErrorBody };

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

function decide(path: string, body: unknown): OrderResult {
  try {
    return { ok: true, order: callApi<Order>("post", path, body) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, status: error.status, error: error.error };
    throw error;
  }
}

export function approveOrder(orderId: string, details: ApprovalDetails): OrderResult {
  return decide(`/v1/orders/${enc(orderId)}/approve`, details);
}

export function returnOrder(orderId: string, reason: string): OrderResult {
  return decide(`/v1/orders/${enc(orderId)}/return`, { reason });
}
