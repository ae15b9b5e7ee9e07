import { formatYen, ORDER_STATUS_LABELS } from "../../shared";
import type { OrderToSend } from "../server/companyOrders";
import { ORDERS_CHANGED } from "./contractSheet";
import { askInDialog, button, el, note, onAction } from "./dom";
import { clearError, showError } from "./errors";
import { serverCalls as server } from "./gas";
import { lang, monthText, w } from "./words";

// 発注書の送付 for the company: the purchase orders not yet sent (drafts, returned ones), each
// with its number, partner, months and amounts, and a Send button that asks a confirmation
// first, shows progress and cannot run twice. A refusal is shown as sentences under the order.

const statusOf = (status: OrderToSend["status"]) => ORDER_STATUS_LABELS[status]?.[lang()] ?? status;

/** "（…）" in Japanese, " (…)" in English. */
const inParens = (text: string) => (lang() === "ja" ? `（${text}）` : ` (${text})`);

function monthsOf(order: OrderToSend): string {
  const first = order.workingMonths[0];
  const last = order.workingMonths.at(-1);
  if (!first || !last) return "";
  const span = first === last ? monthText(first) : `${monthText(first)}〜${monthText(last)}`;
  return `${span}${inParens(w("monthsCount", { n: order.workingMonths.length }))}`;
}

/** The order's money: the fixed total, else each line's unit price (hourly, per unit). */
function amountOf(order: OrderToSend): string {
  if (order.totalAmount > 0) return `${w("orderTotal")} ${formatYen(order.totalAmount)}`;
  return order.unitPrices
    .map((line) => `${line.name} ${w("perUnit", { price: formatYen(line.unitPrice) })}`)
    .join("、");
}

function summary(order: OrderToSend): HTMLElement[] {
  const row = (label: string, value: string) =>
    el("tr", {}, el("th", {}, label), el("td", {}, value));
  return [
    el(
      "table",
      { className: "order-summary" },
      row(w("contract"), order.contractTitle),
      row(w("partner"), order.partnerName),
      row(w("orderMonths"), monthsOf(order)),
      row(w("orderAmounts"), amountOf(order)),
    ),
  ];
}

export function companyOrdersSection(): HTMLElement {
  const node = el("section", { id: "send-orders" });
  const list = el("div", { id: "send-orders-list" });
  const out = el("div", { id: "send-orders-result" });

  const item = (order: OrderToSend) => {
    const problem = el("div", { className: "order-problem" });
    const send = button(w("send"), `send-order-${order.number}`);
    send.className = "order-send";
    onAction(send, () =>
      askInDialog({
        id: "send-order-dialog",
        title: w("confirmSendOrder"),
        body: [el("p", {}, `${order.number}`), ...summary(order)],
        confirm: w("send"),
      }).then((answer) => {
        if (answer === null) return undefined;
        clearError(problem);
        return server.sendPurchaseOrder(order.id).then(
          (sent) => {
            const pending = sent.approval?.status === "pending" && sent.status === "draft";
            const text = pending
              ? w("orderInApproval", { number: sent.number })
              : w("orderSent", { number: sent.number, status: statusOf(sent.status) });
            clearError(out);
            out.appendChild(note(text, "ok", "send-orders-status"));
            // The button stays disabled: the order is no longer the company's to send.
            send.remove();
            return load();
          },
          (error) => showError(error, problem),
        );
      }),
    );
    return el(
      "div",
      { className: "order-item", id: `order-${order.number}` },
      el("p", { className: "status" }, `${order.number}${inParens(statusOf(order.status))}`),
      ...summary(order),
      ...(order.returnReason
        ? [note(w("returnedBecause", { reason: order.returnReason }), "warn")]
        : []),
      send,
      problem,
    );
  };

  const load = () =>
    server.listOrdersToSend().then(
      (orders) => {
        list.replaceChildren(...(orders.length ? orders.map(item) : [note(w("noOrdersToSend"))]));
      },
      (error) => showError(error, out),
    );
  document.addEventListener(ORDERS_CHANGED, () => void load());
  const reload = button(w("reload"), "send-orders-reload", true);
  onAction(reload, load);
  void load();
  node.replaceChildren(el("h2", {}, w("sendOrders")), list, reload, out);
  return node;
}
