import {
  formatYen,
  INVOICE_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  type QuoteResult,
} from "../../shared";
import type { Attachment, AttachmentPurpose } from "../server/attachments";
import type { ContractSummary } from "../server/contracts";
import type { Estimate } from "../server/estimate";
import type {
  Account,
  Invoice,
  InvoiceInput,
  InvoiceListItem,
  InvoicePanel,
  InvoiceStatus,
  NamedAmount,
} from "../server/invoice";
import type { NotificationList } from "../server/notifications";
import type { OrderListItem, OrderResult } from "../server/orders";
import type { SidebarState } from "../server/sidebar";
import { serverCalls as server } from "./gas";

// The sidebar, Japanese first: partners pick a contract and month, make the timesheet, check
// it, see the estimate offline (the bundled engine) beside the API's after a sync, and build,
// save and submit the month's invoice; companies approve or return invoices under review.

const WORDS = {
  settings: { ja: "設定", en: "Settings" },
  apiUrl: { ja: "API の URL", en: "API URL" },
  save: { ja: "保存", en: "Save" },
  create: { ja: "勤務表を作成", en: "Create timesheet" },
  contract: { ja: "契約", en: "Contract" },
  month: { ja: "稼働月", en: "Working month" },
  load: { ja: "契約を読み込む", en: "Load contracts" },
  estimate: { ja: "概算請求額", en: "Estimate" },
  offline: { ja: "シートから（オフライン）", en: "From the sheet (offline)" },
  serverSide: { ja: "サーバー（前回の同期）", en: "Server (last sync)" },
  check: { ja: "チェック", en: "Check" },
  sync: { ja: "同期", en: "Sync" },
  refresh: { ja: "再計算", en: "Recalculate" },
  subtotal: { ja: "小計", en: "Subtotal" },
  tax: { ja: "消費税", en: "Consumption tax" },
  total: { ja: "合計", en: "Total" },
  withholding: { ja: "源泉徴収税", en: "Withholding tax" },
  expensesTotal: { ja: "立替経費", en: "Expenses" },
  payable: { ja: "お支払い金額", en: "Payable" },
  deduction: { ja: "控除", en: "Deduction" },
  excess: { ja: "超過", en: "Excess" },
  agree: {
    ja: "オフラインとサーバーの金額は一致しています",
    en: "Offline and server figures agree",
  },
  differ: {
    ja: "シートが前回の同期から変わっています",
    en: "The sheet changed since the last sync",
  },
  noTimesheet: { ja: "勤務表のシートを開いてください", en: "Open a timesheet" },
  checked: { ja: "行をチェックしました", en: "Rows checked" },
  badRows: { ja: "件のエラー", en: " rows with errors" },
  synced: { ja: "行を同期しました", en: "rows synced" },
  invoice: { ja: "請求書", en: "Invoice" },
  status: { ja: "状態", en: "Status" },
  noInvoice: { ja: "未作成", en: "Not made yet" },
  returnReason: { ja: "差し戻し理由", en: "Reason returned" },
  applyWithholding: { ja: "源泉徴収する", en: "Withhold income tax" },
  baseIncluding: { ja: "税込金額から計算", en: "From the amount with tax" },
  baseExcluding: { ja: "税抜金額から計算", en: "From the amount without tax" },
  applyTax: { ja: "消費税を請求する", en: "Charge consumption tax" },
  expenses: {
    ja: "立替経費（1 行に「名前 金額」）",
    en: 'Expenses (one "name amount" a line)',
  },
  badExpense: {
    ja: "立替経費は「交通費 1240」のように 1 行に名前と金額を入力してください",
    en: 'Enter each expense as a name and an amount, such as "Train 1240"',
  },
  bank: { ja: "振込先", en: "Bank account" },
  dueDate: { ja: "支払期日", en: "Due date" },
  remarks: { ja: "備考", en: "Remarks" },
  saveDraft: { ja: "下書きを保存", en: "Save draft" },
  confirmMonth: {
    ja: "確認のため稼働月を入力（YYYY-MM）",
    en: "Type the working month to confirm (YYYY-MM)",
  },
  submit: { ja: "請求書を提出", en: "Submit invoice" },
  review: { ja: "確認待ちの請求書", en: "Invoices to review" },
  reload: { ja: "再読み込み", en: "Reload" },
  none: { ja: "確認待ちの請求書はありません", en: "Nothing to review" },
  approve: { ja: "承認", en: "Approve" },
  return: { ja: "差し戻し", en: "Return" },
  reasonNeeded: { ja: "差し戻し理由を入力してください", en: "Give the reason" },
  selectOne: { ja: "請求書を選んでください", en: "Select an invoice" },
  orders: { ja: "発注書", en: "Purchase orders" },
  noOrders: { ja: "確認待ちの発注書はありません", en: "No purchase orders to review" },
  address: { ja: "住所", en: "Address" },
  phone: { ja: "電話番号", en: "Phone" },
  useNextTime: { ja: "次回も使う", en: "Use next time" },
  orderReason: { ja: "差し戻し理由", en: "Reason to return" },
  notifications: { ja: "お知らせ", en: "Notifications" },
  unread: { ja: "未読", en: "unread" },
  markRead: { ja: "既読にする", en: "Mark read" },
  attachments: { ja: "添付ファイル", en: "Attachments" },
  noAttachments: { ja: "添付ファイルはありません", en: "No files attached" },
  attachAs: { ja: "種類", en: "Kind" },
  purposeReport: { ja: "業務報告書", en: "Business report" },
  purposeOther: { ja: "その他", en: "Other" },
  attachFile: {
    ja: "ファイルを添付（JPEG・PNG・PDF・Excel）",
    en: "Attach a file (JPEG, PNG, PDF, Excel)",
  },
  attached: { ja: "を添付しました", en: " attached" },
  previewInvoice: { ja: "請求書をプレビュー", en: "Preview invoice" },
  previewReport: { ja: "業務報告書をプレビュー", en: "Preview business report" },
} as const;

let lang: "ja" | "en" = "ja";
const w = (key: keyof typeof WORDS) => WORDS[key][lang];
const statusText = (status: InvoiceStatus) => INVOICE_STATUS_LABELS[status]?.[lang] ?? status;
const app = document.getElementById("app") as HTMLElement;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) {
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function showError(error: unknown, into: HTMLElement) {
  const body =
    error && typeof error === "object" && "code" in error
      ? { error }
      : { error: { message: error instanceof Error ? error.message : String(error) } };
  into.replaceChildren(el("pre", { className: "error" }, JSON.stringify(body, null, 2)));
}

/** The figures as a table; `id` names the payable cell (`{id}-payable`). */
function figures(result: QuoteResult, id: string): HTMLTableElement {
  const row = (label: string, yen: number, className = "", cellId = "") =>
    el(
      "tr",
      { className },
      el("td", {}, label),
      el("td", { className: "yen", ...(cellId ? { id: cellId } : {}) }, formatYen(yen)),
    );
  return el(
    "table",
    { id },
    ...result.lines.map((line) => row(line.name, line.amount)),
    ...result.adjustments.map((a) => row(`${w(a.kind)} ${a.hours}h`, a.amount)),
    row(w("subtotal"), result.subtotal),
    row(w("tax"), result.consumptionTax),
    row(w("total"), result.total, "total"),
    ...(result.withholdingTax ? [row(w("withholding"), -result.withholdingTax)] : []),
    ...(result.expensesTotal ? [row(w("expensesTotal"), result.expensesTotal)] : []),
    row(w("payable"), result.payable, "total", `${id}-payable`),
  );
}

function renderEstimate(estimate: Estimate, into: HTMLElement) {
  const offline = estimate.offline.ok
    ? figures(estimate.offline.quote, "offline")
    : el("pre", { className: "error" }, estimate.offline.issues.map((i) => i.message).join("\n"));
  const server = estimate.server?.estimate;
  const same =
    estimate.offline.ok && server ? estimate.offline.quote.payable === server.payable : null;
  into.replaceChildren(
    el("h2", {}, `${w("estimate")} ${estimate.month}`),
    el("p", { className: "muted" }, w("offline")),
    offline,
    el("p", { className: "muted" }, w("serverSide")),
    server ? figures(server, "server") : el("p", {}, "-"),
    same === null
      ? ""
      : el(
          "p",
          { id: "agreement", className: same ? "ok" : "warn" },
          same ? w("agree") : w("differ"),
        ),
  );
}

function settingsSection(state: SidebarState): HTMLElement {
  const input = el("input", { type: "url", value: state.settings.apiBaseUrl, id: "api-url" });
  const out = el("div");
  const save = el("button", { textContent: w("save") });
  save.onclick = () =>
    server.saveSettings({ apiBaseUrl: input.value }).then(
      () => out.replaceChildren("✓"),
      (error) => showError(error, out),
    );
  return el(
    "details",
    {},
    el("summary", {}, w("settings")),
    el("label", {}, w("apiUrl")),
    input,
    save,
    out,
  );
}

function contractStatus(status: ContractSummary["status"]): string {
  if (typeof status === "string") return status;
  return lang === "ja" ? status.labelJa : status.label;
}

function createSection(state: SidebarState): HTMLElement {
  const select = el("select", { id: "contract" });
  const month = el("input", {
    type: "month",
    value: state.timesheet?.month ?? state.thisMonth,
    id: "month",
  });
  const out = el("div");
  const load = () =>
    server.listContracts().then(
      (contracts) => {
        select.replaceChildren(
          ...contracts.map((c) =>
            el("option", { value: c.id }, `${c.title}（${contractStatus(c.status)}）`),
          ),
        );
        if (state.timesheet) select.value = state.timesheet.contractId;
      },
      (error) => showError(error, out),
    );
  const reload = el("button", { textContent: w("load"), className: "secondary" });
  reload.onclick = () => load();
  const create = el("button", { textContent: w("create"), id: "create" });
  create.onclick = () =>
    server.createTimesheet(select.value, month.value).then(
      () => start(),
      (error) => showError(error, out),
    );
  void load();
  return el(
    "section",
    {},
    el("h2", {}, w("create")),
    el("label", {}, w("contract")),
    select,
    el("label", {}, w("month")),
    month,
    create,
    reload,
    out,
  );
}

function timesheetSection(state: SidebarState, onSynced: () => void): HTMLElement {
  const out = el("div", { id: "timesheet-result" });
  const estimate = el("div", { id: "estimate" });
  const refresh = () =>
    server.getEstimate().then(
      (e) => renderEstimate(e, estimate),
      (error) => showError(error, out),
    );
  const check = el("button", { textContent: w("check"), id: "check" });
  check.onclick = () =>
    server.checkTimesheet().then(
      (result) => {
        out.replaceChildren(
          result
            ? `✓ ${w("checked")}（${result.rows}）${result.badRows ? ` ${result.badRows}${w("badRows")}` : ""}`
            : w("noTimesheet"),
        );
        return refresh();
      },
      (error) => showError(error, out),
    );
  const sync = el("button", { textContent: w("sync"), id: "sync" });
  sync.onclick = () =>
    server.syncTimesheet().then(
      (result) => {
        if (result.error) showError(result.error, out);
        else out.replaceChildren(`✓ ${result.rows} ${w("synced")}`);
        onSynced();
        return refresh();
      },
      (error) => showError(error, out),
    );
  const recalc = el("button", { textContent: w("refresh"), className: "secondary" });
  recalc.onclick = () => refresh();
  void refresh();
  return el(
    "section",
    {},
    el("h2", {}, state.timesheet?.sheetName ?? ""),
    el("div", { className: "buttons" }, check, sync, recalc),
    out,
    estimate,
  );
}

/** "交通費 1,240" lines to expenses; null when a line is not a name and an amount. */
export function parseExpenses(text: string): NamedAmount[] | null {
  const out: NamedAmount[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const match = /^(.+?)[\s,，、:：]+([\d,]+)\s*円?$/.exec(line.trim());
    if (!match) return null;
    out.push({ name: (match[1] ?? "").trim(), amount: Number((match[2] ?? "").replace(/,/g, "")) });
  }
  return out;
}

function invoiceSection(month: string): { node: HTMLElement; reload: () => void } {
  const node = el("section", { id: "invoice" });
  const reload = () => {
    server.getInvoice().then(
      (panel) => renderInvoice(panel, node, month, reload),
      (error) => showError(error, node),
    );
  };
  reload();
  return { node, reload };
}

/** The file as base64, without the data: URL's prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsDataURL(file);
  });
}

/** The API's message as the user reads it, in red. */
function showMessage(error: { message: string }, into: HTMLElement) {
  into.replaceChildren(el("p", { className: "error" }, error.message));
}

/** The invoice's attached files, a file input to add one, and the previews of its documents. */
function attachmentsPart(invoice: Invoice, editable: boolean): HTMLElement {
  const list = el("ul", { id: "invoice-attachments" });
  const out = el("div", { id: "attach-result" });
  const purposeLabel = (p: AttachmentPurpose) =>
    p === "report" ? w("purposeReport") : w("purposeOther");
  const render = (items: Attachment[]) =>
    list.replaceChildren(
      ...(items.length === 0
        ? [el("li", { className: "muted" }, w("noAttachments"))]
        : items.map((a) =>
            el(
              "li",
              { className: "attachment" },
              `${purposeLabel(a.purpose)}: ${a.filename}（${Math.ceil(a.size / 1024)} KB）`,
            ),
          )),
    );
  const load = () =>
    server.listAttachments(invoice.id).then(render, (error) => showError(error, list));
  const purpose = el(
    "select",
    { id: "attach-purpose", disabled: !editable },
    el("option", { value: "report" }, w("purposeReport")),
    el("option", { value: "other" }, w("purposeOther")),
  );
  const input = el("input", { type: "file", id: "attach-file", disabled: !editable });
  input.onchange = () => {
    const file = input.files?.[0];
    if (!file) return;
    out.replaceChildren("…");
    readBase64(file)
      .then((base64) =>
        server.attachFile(
          invoice.id,
          purpose.value as AttachmentPurpose,
          file.name,
          file.type || "application/octet-stream",
          base64,
        ),
      )
      .then(
        (result) => {
          input.value = "";
          if (!result.ok) return showMessage(result.error, out);
          out.replaceChildren(`✓ ${result.attachment.filename}${w("attached")}`);
          return load();
        },
        (error) => showError(error, out),
      );
  };
  const preview = (which: "invoice" | "report", id: string, label: string) => {
    const button = el("button", { textContent: label, id, className: "secondary" });
    button.onclick = () =>
      server.previewInvoice(invoice.id, which).then(
        () => undefined,
        (error) => showError(error, out),
      );
    return button;
  };
  void load();
  return el(
    "div",
    { id: "invoice-files" },
    el("h3", {}, w("attachments")),
    list,
    el("label", {}, w("attachAs")),
    purpose,
    el("label", {}, w("attachFile")),
    input,
    out,
    el(
      "div",
      { className: "buttons" },
      preview("invoice", "invoice-preview", w("previewInvoice")),
      preview("report", "report-preview", w("previewReport")),
    ),
  );
}

function renderInvoice(panel: InvoicePanel, node: HTMLElement, month: string, reload: () => void) {
  const invoice = panel.invoice;
  const inputs: Partial<Invoice["inputs"]> = invoice?.inputs ?? {};
  const out = el("div", { id: "invoice-result" });
  const status = el(
    "p",
    { id: "invoice-status", className: "status" },
    `${w("status")}: ${invoice ? statusText(invoice.status) : w("noInvoice")}${invoice?.number ? `（${invoice.number}）` : ""}`,
  );
  const reason =
    invoice?.status === "returned" && invoice.returnReason
      ? el(
          "p",
          { id: "invoice-reason", className: "error" },
          `${w("returnReason")}: ${invoice.returnReason}`,
        )
      : "";
  const withholding = el("input", {
    type: "checkbox",
    id: "invoice-withholding",
    checked: inputs.withholding?.enabled ?? false,
  });
  const base = el(
    "select",
    { id: "invoice-withholding-base" },
    el("option", { value: "includingTax" }, w("baseIncluding")),
    el("option", { value: "excludingTax" }, w("baseExcluding")),
  );
  base.value = inputs.withholding?.base ?? "includingTax";
  const tax = el("input", {
    type: "checkbox",
    id: "invoice-tax",
    checked: inputs.consumptionTax?.enabled ?? true,
  });
  const expenses = el("textarea", {
    id: "invoice-expenses",
    rows: 2,
    value: (inputs.expenses ?? []).map((e) => `${e.name} ${e.amount}`).join("\n"),
  });
  const bank = el(
    "select",
    { id: "invoice-bank" },
    ...panel.bankAccounts.map((a) =>
      el(
        "option",
        { value: a.id },
        [a.bankName, a.branchName, a.accountNumber, a.holderName].filter(Boolean).join(" "),
      ),
    ),
  );
  const chosen = inputs.bankAccountId ?? panel.bankAccounts.find((a) => a.isDefault)?.id;
  if (chosen) bank.value = chosen;
  const due = el("input", { type: "date", id: "invoice-due", value: invoice?.dueDate ?? "" });
  const remarks = el("textarea", {
    id: "invoice-remarks",
    rows: 3,
    maxLength: 2000,
    value: inputs.remarks ?? "",
  });
  const editable = !invoice || invoice.status === "draft" || invoice.status === "returned";
  const save = el("button", {
    textContent: w("saveDraft"),
    id: "invoice-save",
    disabled: !editable,
  });
  save.onclick = () => {
    const list = parseExpenses(expenses.value);
    if (list === null) return showError(new Error(w("badExpense")), out);
    const input: InvoiceInput = {
      withholding: {
        enabled: withholding.checked,
        base: base.value as "includingTax" | "excludingTax",
      },
      consumptionTax: { enabled: tax.checked },
      expenses: list,
      remarks: remarks.value,
      ...(bank.value ? { bankAccountId: bank.value } : {}),
      ...(due.value ? { dueDate: due.value } : {}),
    };
    server.saveInvoice(input).then(reload, (error) => showError(error, out));
  };
  const confirm = el("input", { type: "text", id: "invoice-confirm", placeholder: month });
  const submit = el("button", {
    textContent: w("submit"),
    id: "invoice-submit",
    disabled: !invoice || !editable,
  });
  submit.onclick = () => {
    if (!invoice) return;
    server
      .submitInvoice(invoice.id, confirm.value.trim())
      .then(reload, (error) => showError(error, out));
  };
  node.replaceChildren(
    el("h2", {}, `${w("invoice")} ${panel.month}`),
    status,
    reason,
    invoice?.figures ? figures(invoice.figures, "invoice-figures") : "",
    el("label", { className: "check" }, withholding, w("applyWithholding")),
    base,
    el("label", { className: "check" }, tax, w("applyTax")),
    el("label", {}, w("expenses")),
    expenses,
    el("label", {}, w("bank")),
    bank,
    el("label", {}, w("dueDate")),
    due,
    el("label", {}, w("remarks")),
    remarks,
    save,
    el("label", {}, w("confirmMonth")),
    confirm,
    submit,
    out,
    invoice ? attachmentsPart(invoice, editable) : "",
  );
}

function companySection(account: Account): HTMLElement {
  const node = el("section", { id: "review" });
  const list = el("div", { id: "review-list" });
  const reason = el("textarea", { id: "review-reason", rows: 3, maxLength: 2000 });
  const out = el("p", { id: "review-result", className: "status" });
  const selected = () =>
    (list.querySelector("input[name=invoice]:checked") as HTMLInputElement | null)?.value ?? "";
  const load = () =>
    server.listCompanyInvoices("underReview").then(
      (items) => renderList(items),
      (error) => showError(error, list),
    );
  const renderList = (items: InvoiceListItem[]) =>
    list.replaceChildren(
      ...(items.length === 0
        ? [el("p", { className: "muted" }, w("none"))]
        : items.map((item, i) =>
            el(
              "label",
              { className: "invoice-item" },
              el("input", { type: "radio", name: "invoice", value: item.id, checked: i === 0 }),
              `${item.partnerName} ／ ${item.contractTitle} ／ ${item.month} ／ ${formatYen(item.total)}`,
            ),
          )),
    );
  const decided = (invoice: Invoice) => {
    out.replaceChildren(
      `${invoice.number ?? invoice.id}: ${w("status")} ${statusText(invoice.status)}`,
    );
    reason.value = "";
    return load();
  };
  const approve = el("button", { textContent: w("approve"), id: "review-approve" });
  approve.onclick = () => {
    const id = selected();
    if (!id) return showError(new Error(w("selectOne")), out);
    server.approveInvoice(id).then(decided, (error) => showError(error, out));
  };
  const giveBack = el("button", {
    textContent: w("return"),
    id: "review-return",
    className: "secondary",
  });
  giveBack.onclick = () => {
    const id = selected();
    if (!id) return showError(new Error(w("selectOne")), out);
    if (!reason.value.trim()) return showError(new Error(w("reasonNeeded")), out);
    server.returnInvoice(id, reason.value.trim()).then(decided, (error) => showError(error, out));
  };
  const reload = el("button", { textContent: w("reload"), className: "secondary" });
  reload.onclick = () => load();
  void load();
  node.replaceChildren(
    el("h2", {}, `${w("review")}（${account.companies.map((c) => c.name).join("、")}）`),
    list,
    reload,
    el("label", {}, w("returnReason")),
    reason,
    el("div", { className: "buttons" }, approve, giveBack),
    out,
  );
  return node;
}

/** 発注書 under review: approve with the 発注請書 details, or return with a reason. */
function ordersSection(): HTMLElement {
  const node = el("section", { id: "orders" });
  const list = el("div", { id: "orders-list" });
  const out = el("div", { id: "orders-result" });
  const address = el("input", { type: "text", id: "order-address" });
  const phone = el("input", { type: "tel", id: "order-phone" });
  const keep = el("input", { type: "checkbox", id: "order-use-next-time", checked: true });
  const reason = el("textarea", { id: "order-reason", rows: 2, maxLength: 2000 });
  const done = (result: OrderResult) => {
    if (!result.ok) return showError(result.error, out);
    const status = ORDER_STATUS_LABELS[result.order.status]?.[lang] ?? result.order.status;
    out.replaceChildren(`${result.order.number ?? result.order.id}: ${w("status")} ${status}`);
    load();
  };
  const item = (order: OrderListItem) => {
    const approve = el("button", { textContent: w("approve"), className: "order-approve" });
    approve.onclick = () =>
      server
        .approveOrder(order.id, {
          ...(address.value.trim() ? { address: address.value.trim() } : {}),
          ...(phone.value.trim() ? { phone: phone.value.trim() } : {}),
          useNextTime: keep.checked,
        })
        .then(done, (error) => showError(error, out));
    const giveBack = el("button", {
      textContent: w("return"),
      className: "secondary order-return",
    });
    giveBack.onclick = () => {
      if (!reason.value.trim()) return showError(new Error(w("reasonNeeded")), out);
      server
        .returnOrder(order.id, reason.value.trim())
        .then(done, (error) => showError(error, out));
    };
    return el(
      "div",
      { className: "order-item" },
      el("p", {}, `${order.number ?? ""} ${order.contractTitle} ${order.subject ?? ""}`),
      el("div", { className: "buttons" }, approve, giveBack),
    );
  };
  const load = () =>
    void server.listMyOrders().then(
      (orders) => {
        const open = orders.filter((o) => o.status === "underReview");
        list.replaceChildren(
          ...(open.length ? open.map(item) : [el("p", { className: "muted" }, w("noOrders"))]),
        );
      },
      (error) => showError(error, list),
    );
  load();
  node.replaceChildren(
    el("h2", {}, w("orders")),
    list,
    el("label", {}, w("address")),
    address,
    el("label", {}, w("phone")),
    phone,
    el("label", { className: "check" }, keep, w("useNextTime")),
    el("label", {}, w("orderReason")),
    reason,
    out,
  );
  return node;
}

/** The bell: unread count and the items, each marked read on a click. */
function notificationsSection(): HTMLElement {
  const node = el("details", { id: "notifications" });
  const render = (list: NotificationList) =>
    node.replaceChildren(
      el(
        "summary",
        { id: "notifications-count" },
        `${w("notifications")}（${w("unread")} ${list.unreadCount}）`,
      ),
      ...list.items.map((n) => {
        const read = el("button", {
          textContent: w("markRead"),
          className: "secondary",
          disabled: n.readAt !== null,
        });
        read.onclick = () =>
          server.markNotificationRead(n.id).then(load, (error) => showError(error, node));
        return el(
          "div",
          { className: n.readAt ? "notification muted" : "notification" },
          el("strong", {}, n.title),
          el("p", {}, n.body),
          read,
        );
      }),
    );
  const load = () =>
    void server.listNotifications().then(render, (error) => showError(error, node));
  load();
  return node;
}

function partnerSections(state: SidebarState): HTMLElement[] {
  const view = (globalThis as { __SHIMEBI_VIEW__?: string }).__SHIMEBI_VIEW__;
  if (!state.timesheet || view === "create") {
    return [createSection(state), el("p", { className: "muted" }, w("noTimesheet"))];
  }
  const invoice = invoiceSection(state.timesheet.month);
  return [timesheetSection(state, invoice.reload), invoice.node, createSection(state)];
}

function start(): Promise<void> {
  return server.getSidebarState().then(
    (state) => {
      lang = state.lang;
      document.documentElement.lang = lang;
      // Company reviewers see their invoices; anyone else (or no API yet) the partner's view.
      return server.getAccount().then(
        (account) => {
          const sections =
            account.companies.length > 0
              ? [companySection(account)]
              : [...partnerSections(state), ordersSection()];
          app.replaceChildren(notificationsSection(), ...sections, settingsSection(state));
        },
        () => app.replaceChildren(...partnerSections(state), settingsSection(state)),
      );
    },
    (error) => showError(error, app),
  );
}

void start();
