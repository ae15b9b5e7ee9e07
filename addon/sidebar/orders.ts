import { formatYen, ORDER_STATUS_LABELS } from "../../shared";
import type { OrderListItem, OrderView } from "../server/orders";
import { button, el, note, onAction } from "./dom";
import { clearError, showError } from "./errors";
import { serverCalls as server } from "./gas";
import { lang, w } from "./words";

// 発注書 for the partner: each order under review opens in a dialog showing the document
// (amounts, months, period, remarks with the hour range); approving there needs the address,
// phone and bank account the 発注請書 carries, and a confirmation; returning needs a reason.

const statusOf = (status: OrderListItem["status"]) =>
  ORDER_STATUS_LABELS[status]?.[lang()] ?? status;

const dateJa = (iso?: string) => {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return lang() === "ja" ? `${y}年${m}月${d}日` : iso.slice(0, 10);
};

function documentPart(view: OrderView): HTMLElement {
  const doc = view.document;
  const row = (label: string, value: string) =>
    el("tr", {}, el("th", {}, label), el("td", {}, value));
  const months = (n: number) => (lang() === "ja" ? `${n}か月` : `${n} months`);
  const lines = (doc.lines ?? []).flatMap((line) => [
    el(
      "tr",
      {},
      el("td", {}, line.name),
      el("td", { className: "yen" }, line.amount === null ? "—" : formatYen(line.amount)),
    ),
    el(
      "tr",
      { className: "detail" },
      el("td", { colSpan: 2 }, `${formatYen(line.unitPrice)} × ${months(line.months)}`),
    ),
  ]);
  return el(
    "div",
    { id: "order-document", className: "document" },
    el(
      "table",
      {},
      row(w("orders"), doc.number ?? view.order.number ?? ""),
      row(w("contract"), view.contractTitle),
      row(w("orderPeriod"), `${dateJa(doc.period?.start)}〜${dateJa(doc.period?.end)}`),
      row(
        w("orderMonths"),
        (doc.lines ?? []).map((l) => `${l.name} ${months(l.months)}`).join("、"),
      ),
    ),
    el("h3", {}, w("orderAmounts")),
    el(
      "table",
      { id: "order-lines" },
      ...lines,
      ...(doc.totalAmount !== undefined
        ? [
            el(
              "tr",
              { className: "total" },
              el("td", {}, w("total")),
              el("td", { className: "yen" }, formatYen(doc.totalAmount)),
            ),
          ]
        : []),
    ),
    ...(doc.remarks?.length
      ? [
          el("h3", {}, w("remarks")),
          el("ul", { id: "order-remarks" }, ...doc.remarks.map((r) => el("li", {}, r))),
        ]
      : []),
  );
}

/** The dialog: the document, the approval details, approve (after a confirmation) or return. */
function openOrder(view: OrderView, decided: (text: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const out = el("div", { id: "order-dialog-result" });
    const address = el("input", {
      type: "text",
      id: "order-address",
      value: view.profile.address ?? "",
    });
    const phone = el("input", { type: "tel", id: "order-phone", value: view.profile.phone ?? "" });
    const bank = el(
      "select",
      { id: "order-bank" },
      ...view.bankAccounts.map((a) =>
        el(
          "option",
          { value: a.id },
          [a.bankName, a.branchName, a.accountNumber, a.holderName].filter(Boolean).join(" "),
        ),
      ),
    );
    const keep = el("input", { type: "checkbox", id: "order-use-next-time", checked: true });
    const agree = el("input", { type: "checkbox", id: "order-agree" });
    const reason = el("textarea", { id: "order-reason", rows: 2, maxLength: 2000 });
    const fields = { address, phone, bankAccountId: bank, reason };
    const approve = button(w("approve"), "order-approve");
    const giveBack = button(w("return"), "order-return", true);
    const close = button(w("cancel"), "order-close", true);
    approve.disabled = true;
    agree.onchange = () => {
      approve.disabled = !agree.checked;
    };
    const box = el(
      "div",
      { className: "dialog", id: "order-dialog", role: "dialog" },
      el("h3", {}, `${w("orders")} ${view.order.number ?? ""}`),
      documentPart(view),
      note(w("approvalDetails"), "muted"),
      el("label", { htmlFor: "order-address" }, w("address")),
      address,
      el("label", { htmlFor: "order-phone" }, w("phone")),
      phone,
      el("label", { htmlFor: "order-bank" }, w("bank")),
      view.bankAccounts.length ? bank : note(w("noBank"), "warn"),
      el("label", { className: "check" }, keep, w("useNextTime")),
      el("label", { className: "check confirm" }, agree, w("confirmApproveOrder")),
      el("div", { className: "buttons" }, approve),
      el("label", { htmlFor: "order-reason" }, w("orderReason")),
      reason,
      el("div", { className: "buttons" }, giveBack, close),
      out,
    );
    const overlay = el("div", { className: "overlay" }, box);
    const finish = () => {
      overlay.remove();
      resolve();
    };
    const done = (order: {
      number: string | null;
      id: string;
      status: OrderListItem["status"];
    }) => {
      decided(`${order.number ?? order.id}: ${w("status")} ${statusOf(order.status)}`);
      finish();
    };
    onAction(approve, () =>
      server
        .approveOrder(view.order.id, {
          ...(address.value.trim() ? { address: address.value.trim() } : {}),
          ...(phone.value.trim() ? { phone: phone.value.trim() } : {}),
          ...(bank.value ? { bankAccountId: bank.value } : {}),
          useNextTime: keep.checked,
        })
        .then(done, (error) => showError(error, out, fields)),
    );
    onAction(giveBack, () => {
      if (!reason.value.trim()) {
        clearError(out);
        out.appendChild(el("p", { className: "field-error" }, w("reasonNeeded")));
        return undefined;
      }
      return server
        .returnOrder(view.order.id, reason.value.trim())
        .then(done, (error) => showError(error, out, fields));
    });
    close.onclick = finish;
    document.body.appendChild(overlay);
  });
}

/** The partner's orders under review, each opening its dialog. */
export function ordersSection(): HTMLElement {
  const node = el("section", { id: "orders" });
  const list = el("div", { id: "orders-list" });
  const out = el("div", { id: "orders-result" });
  const decided = (text: string) => {
    clearError(out);
    out.appendChild(note(text, "ok"));
    void load();
  };
  const item = (order: OrderListItem) => {
    const open = button(w("openOrder"), "", false);
    open.className = "order-open";
    onAction(open, () =>
      server.getOrder(order.id).then(
        (view) => {
          void openOrder(view, decided);
        },
        (error) => showError(error, out),
      ),
    );
    return el(
      "div",
      { className: "order-item" },
      el("p", {}, `${order.number ?? ""} ${order.contractTitle}`),
      el("p", { className: "muted" }, `${order.subject ?? ""}（${statusOf(order.status)}）`),
      open,
    );
  };
  const load = () =>
    server.listMyOrders().then(
      (orders) => {
        const open = orders.filter((o) => o.status === "underReview");
        list.replaceChildren(...(open.length ? open.map(item) : [note(w("noOrders"))]));
      },
      (error) => showError(error, out),
    );
  void load();
  node.replaceChildren(el("h2", {}, w("orders")), list, out);
  return node;
}
