import { askInDialog, button, el, note, onAction } from "./dom";
import { clearError, showError } from "./errors";
import { serverCalls as server } from "./gas";
import { lang, w } from "./words";

// 契約一括作成 for the company, beside the menu items: open the sheet, check it (each row's
// problems written beside it), and create every row after a confirmation, all or none. The
// orders drafted are then listed under 発注書の送付, which this section tells to reload.

/** The event the send-orders section reloads on. */
export const ORDERS_CHANGED = "shimebi:orders-changed";

const rowsText = (rows: number[]) =>
  rows.map((n) => w("rowName", { n })).join(lang() === "ja" ? "、" : ", ");

export function contractSheetSection(): HTMLElement {
  const node = el("section", { id: "contract-sheet" });
  const out = el("div", { id: "contract-sheet-result" });
  const say = (text: string, kind: "ok" | "warn") => {
    clearError(out);
    out.appendChild(note(text, kind, "contract-sheet-status"));
  };
  const failed = (error: unknown) => showError(error, out);

  const open = button(w("bulkMake"), "contract-sheet-open", true);
  const check = button(w("bulkCheck"), "contract-sheet-check", true);
  const create = button(w("bulkCreate"), "contract-sheet-create");
  onAction(open, () => server.makeContractSheet().then(() => clearError(out), failed));
  onAction(check, () =>
    server.checkContractSheet().then(({ rows, badRows }) => {
      if (badRows.length > 0) say(w("bulkBad", { rows: rowsText(badRows) }), "warn");
      else say(w("bulkReady", { n: rows }), "ok");
    }, failed),
  );
  onAction(create, () =>
    server.checkContractSheet().then(({ rows, badRows }) => {
      if (badRows.length > 0) return say(w("bulkBad", { rows: rowsText(badRows) }), "warn");
      return askInDialog({
        id: "contract-sheet-dialog",
        title: w("bulkConfirm", { n: rows }),
        confirm: w("bulkCreate"),
      }).then((answer) =>
        answer === null
          ? undefined
          : server.createFromContractSheet().then((outcome) => {
              if (outcome.badRows.length > 0)
                return say(w("bulkBad", { rows: rowsText(outcome.badRows) }), "warn");
              say(w("bulkCreated", { n: outcome.created }), "ok");
              document.dispatchEvent(new Event(ORDERS_CHANGED));
            }, failed),
      );
    }, failed),
  );
  node.replaceChildren(
    el("h2", {}, w("bulkTitle")),
    note(w("bulkHint"), "muted"),
    el("div", { className: "buttons" }, open, check),
    create,
    out,
  );
  return node;
}
