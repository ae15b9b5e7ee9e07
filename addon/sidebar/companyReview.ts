import { formatYen, INVOICE_STATUS_LABELS } from "../../shared";
import type { Account, Invoice, InvoiceListItem } from "../server/invoice";
import { attachmentItems, previewButton } from "./attachments";
import { askInDialog, button, el, note, onAction } from "./dom";
import { clearError, showError } from "./errors";
import { figures } from "./figures";
import { serverCalls as server } from "./gas";
import { lang, monthText, w } from "./words";

// The company's review of invoices under review: nothing is chosen until the reviewer picks
// one; the chosen invoice shows its lines, adjustments, taxes, withholding, expenses and
// attachments, with its document and business report a click away. Approving asks for a
// confirmation; returning asks for the reason.

const statusText = (invoice: Pick<Invoice, "status">) =>
  INVOICE_STATUS_LABELS[invoice.status]?.[lang()] ?? invoice.status;

export function companyReviewSection(account: Account): HTMLElement {
  const node = el("section", { id: "review" });
  const list = el("div", { id: "review-list" });
  const detail = el("div", { id: "review-detail" });
  const out = el("div", { id: "review-result" });
  let items: InvoiceListItem[] = [];

  const decided = (invoice: Invoice) => {
    clearError(out);
    out.appendChild(
      note(
        `${invoice.number ?? invoice.id}: ${w("status")} ${statusText(invoice)}`,
        "ok",
        "review-status",
      ),
    );
    detail.replaceChildren();
    return load();
  };

  const show = (item: InvoiceListItem) =>
    server.getInvoiceDetail(item.id).then(
      ({ invoice, attachments }) => {
        clearError(out);
        const approve = button(w("approve"), "review-approve");
        const giveBack = button(w("return"), "review-return", true);
        onAction(approve, () =>
          askInDialog({
            id: "approve-dialog",
            title: w("confirmApproveInvoice"),
            body: [
              el(
                "p",
                {},
                `${item.partnerName} ／ ${item.contractTitle} ／ ${monthText(item.month)} ／ ${formatYen(item.total)}`,
              ),
            ],
            confirm: w("approve"),
          }).then((answer) =>
            answer === null
              ? undefined
              : server.approveInvoice(invoice.id).then(decided, (error) => showError(error, out)),
          ),
        );
        onAction(giveBack, () =>
          askInDialog({
            id: "return-dialog",
            title: w("returnInvoiceTitle"),
            confirm: w("return"),
            reason: { label: w("returnReason"), required: w("reasonNeeded") },
          }).then((reason) =>
            reason === null
              ? undefined
              : server
                  .returnInvoice(invoice.id, reason)
                  .then(decided, (error) => showError(error, out)),
          ),
        );
        detail.replaceChildren(
          el("h3", {}, `${item.partnerName} ／ ${monthText(item.month)}`),
          el(
            "p",
            { className: "status" },
            `${w("status")}: ${statusText(invoice)}${invoice.number ? `（${invoice.number}）` : ""}`,
          ),
          el("h3", {}, w("lines")),
          invoice.figures ? figures(invoice.figures, "review-figures") : "",
          el("h3", {}, w("attachments")),
          el(
            "ul",
            { id: "review-attachments" },
            ...attachmentItems(attachments, { invoiceId: invoice.id, out }),
          ),
          el(
            "div",
            { className: "buttons" },
            previewButton(invoice.id, "invoice", out),
            previewButton(invoice.id, "report", out),
          ),
          el("div", { className: "buttons decide" }, approve, giveBack),
        );
      },
      (error) => showError(error, out),
    );

  const renderList = () => {
    if (items.length === 0) return list.replaceChildren(note(w("none")));
    const select = el(
      "select",
      { id: "review-select" },
      el("option", { value: "" }, `— ${w("chooseInvoice")} —`),
      ...items.map((item) =>
        el(
          "option",
          { value: item.id },
          `${item.partnerName} ／ ${item.contractTitle} ／ ${monthText(item.month)} ／ ${formatYen(item.total)}`,
        ),
      ),
    );
    select.onchange = () => {
      const item = items.find((i) => i.id === select.value);
      if (item) void show(item);
      else detail.replaceChildren();
    };
    list.replaceChildren(select);
  };
  const load = () =>
    server.listCompanyInvoices("underReview").then(
      (found) => {
        items = found;
        renderList();
      },
      (error) => showError(error, out),
    );
  const reload = button(w("reload"), "review-reload", true);
  onAction(reload, load);
  void load();
  node.replaceChildren(
    el("h2", {}, `${w("review")}（${account.companies.map((c) => c.name).join("、")}）`),
    list,
    reload,
    detail,
    out,
  );
  return node;
}
