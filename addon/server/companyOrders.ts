import { callApi } from "./api";
import type { Contract, ContractDetail, Order } from "./apiModels";
import { getAccount } from "./invoice";
import type { OrderDocument } from "./orders";

// 発注書の送付 for the company: the purchase orders of its contracts not yet sent (drafts, and
// returned ones to send again), each with what the sidebar shows before sending (number,
// partner, months, amounts), and sending one (POST /v1/orders/{id}/send). With an approval
// route for the group's orders, the API puts the order into the route instead.

export interface OrderToSend {
  id: string;
  number: string;
  status: Order["status"];
  /** In the group's approval route: sent by its last step, not by this button. */
  inApproval: boolean;
  returnReason: string | null;
  contractTitle: string;
  partnerName: string;
  workingMonths: string[];
  /** 合計（税抜）of the fixed lines. */
  totalAmount: number;
  lines: { name: string; unitPrice: number; months: number; amount: number | null }[];
}

const enc = encodeURIComponent;
/** The contract statuses whose latest order is still the company's to send. */
const TO_SEND = new Set(["orderNotSent", "orderReturned"]);
const UNSENT = new Set<Order["status"]>(["draft", "returned"]);

type OrderWithDocument = Order & { document: OrderDocument & { workingMonths?: string[] } };

/** Every order of the caller's companies waiting to be sent, oldest contract first. */
export function listOrdersToSend(): OrderToSend[] {
  const found: OrderToSend[] = [];
  for (const company of getAccount().companies) {
    const groups = callApi<{ id: string }[]>("get", `/v1/companies/${enc(company.id)}/groups`);
    for (const group of groups) {
      const contracts = callApi<Contract[]>("get", `/v1/groups/${enc(group.id)}/contracts`);
      for (const contract of contracts.filter((c) => TO_SEND.has(c.status.code)).reverse()) {
        const detail = callApi<ContractDetail>("get", `/v1/contracts/${enc(contract.id)}`);
        for (const order of detail.orders.filter((o) => UNSENT.has(o.status))) {
          const { document } = callApi<OrderWithDocument>("get", `/v1/orders/${enc(order.id)}`);
          found.push({
            id: order.id,
            number: order.number,
            status: order.status,
            inApproval: order.approval?.status === "pending",
            returnReason: order.returnReason,
            contractTitle: contract.title,
            partnerName: document.partner?.name ?? "",
            workingMonths: document.workingMonths ?? [],
            totalAmount: document.totalAmount ?? 0,
            lines: (document.lines ?? []).map(({ name, unitPrice, months, amount }) => ({
              name,
              unitPrice,
              months,
              amount,
            })),
          });
        }
      }
    }
  }
  return found;
}

/** Sends the order to its partner (or into the approval route): the order as it now stands. */
export function sendPurchaseOrder(orderId: string): Order {
  return callApi<Order>("post", `/v1/orders/${enc(orderId)}/send`);
}
