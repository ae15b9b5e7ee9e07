import type { NamedAmount } from "../server/invoice";
import { button, el } from "./dom";
import { w } from "./words";

// Extra items (追加項目) and expenses (立替経費) as rows of a name and an amount in yen, with a
// row added or removed by a button: never free text read by a pattern.

export interface AmountRows {
  node: HTMLElement;
  /** The rows filled in; a row with neither name nor amount is left out. */
  values(): NamedAmount[];
}

export function amountRows(id: string, initial: NamedAmount[], editable: boolean): AmountRows {
  const body = el("tbody");
  const add = (item?: NamedAmount) => {
    const name = el("input", {
      type: "text",
      className: "item-name",
      value: item?.name ?? "",
      maxLength: 100,
      disabled: !editable,
    });
    name.setAttribute("aria-label", w("itemName"));
    const amount = el("input", {
      type: "number",
      className: "item-amount",
      min: "0",
      step: "1",
      inputMode: "numeric",
      value: item ? String(item.amount) : "",
      disabled: !editable,
    });
    amount.setAttribute("aria-label", w("itemAmount"));
    const remove = button("×", "", true);
    remove.title = w("removeRow");
    remove.className = "secondary remove";
    remove.disabled = !editable;
    const row = el("tr", {}, el("td", {}, name), el("td", {}, amount), el("td", {}, remove));
    remove.onclick = () => row.remove();
    body.appendChild(row);
  };
  for (const item of initial) add(item);
  const more = button(`＋ ${w("addRow")}`, `${id}-add`, true);
  more.disabled = !editable;
  more.onclick = () => add();
  const table = el(
    "table",
    { id, className: "amount-rows" },
    el(
      "thead",
      {},
      el("tr", {}, el("th", {}, w("itemName")), el("th", {}, w("itemAmount")), el("th")),
    ),
    body,
  );
  return {
    node: el("div", {}, table, more),
    values() {
      const out: NamedAmount[] = [];
      for (const row of Array.from(body.rows)) {
        const [name, amount] = Array.from(row.querySelectorAll("input"));
        const text = name?.value.trim() ?? "";
        const yen = amount?.value.trim() ?? "";
        if (text === "" && yen === "") continue;
        out.push({ name: text, amount: yen === "" ? Number.NaN : Number(yen) });
      }
      return out;
    },
  };
}
