import { callApi } from "./api";
import type { ContractListItem, Order } from "./apiModels";
import { getAccount } from "./invoice";
import { partnerName } from "./reviewRows";

// 発注書の送付 for the company: the purchase orders of its contracts not yet sent (drafts, and
// returned ones to send again), each with what the sidebar shows before sending (number,
// partner, months, amounts), and sending one (POST /v1/orders/{id}/send). With an approval
// route for the group's orders, the API puts the order into the route instead.

export interface OrderToSend {
  id: string;
  number: string;
  status: Order["status"];
  /** Why the partner returned it, for a returned order. */
  returnReason: string | null;
  contractTitle: string;
  partnerName: string;
  workingMonths: string[];
  /** 合計（税抜）of the fixed lines; 0 when every line is priced by the hour or unit. */
  totalAmount: number;
  /** The unit prices of the conditions, shown when there is no fixed total. */
  unitPrices: { name: string; unitPrice: number }[];
}

const enc = encodeURIComponent;
const UNSENT = new Set<Order["status"]>(["draft", "returned"]);

/** Every order of the caller's companies waiting to be sent, oldest contract first. */
export function listOrdersToSend(): OrderToSend[] {
  const found: OrderToSend[] = [];
  for (const company of getAccount().companies) {
    const groups = callApi<{ id: string }[]>("get", `/v1/companies/${enc(company.id)}/groups`);
    for (const group of groups) {
      const contracts = callApi<ContractListItem[]>("get", `/v1/groups/${enc(group.id)}/contracts`);
      // An ended contract's order can no longer be sent: it is not listed.
      const open = contracts.filter((c) => c.status.code !== "ended").reverse();
      for (const contract of open) {
        for (const order of contract.orders.filter((o) => UNSENT.has(o.status))) {
          const returned =
            order.status === "returned"
              ? callApi<Order>("get", `/v1/orders/${enc(order.id)}`).returnReason
              : null;
          found.push({
            id: order.id,
            number: order.number,
            status: order.status,
            returnReason: returned,
            contractTitle: contract.title,
            partnerName: partnerName(contract.partner),
            workingMonths: order.workingMonths,
            totalAmount: order.totalAmount,
            // An unsent order is of the conditions awaiting approval, not those billed now.
            unitPrices: (
              (contract.pendingConditions ?? contract.conditions)?.costCategories ?? []
            ).flatMap((c) =>
              c.unitPrice === undefined ? [] : [{ name: c.name ?? "", unitPrice: c.unitPrice }],
            ),
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
