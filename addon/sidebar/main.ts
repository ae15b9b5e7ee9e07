import { formatYen, type QuoteResult } from "../../shared";
import type { Estimate } from "../server/estimate";
import type { SidebarState } from "../server/sidebar";
import { serverCalls as server } from "./gas";

// A minimal sidebar: settings, a new timesheet, and the month's estimate offline (the bundled
// engine) beside the API's after a sync. The full invoice screens come in a later slice.

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
  payable: { ja: "お支払い金額", en: "Payable" },
  agree: {
    ja: "オフラインとサーバーの金額は一致しています",
    en: "Offline and server figures agree",
  },
  differ: {
    ja: "シートが前回の同期から変わっています",
    en: "The sheet changed since the last sync",
  },
  noTimesheet: { ja: "勤務表のシートを開いてください", en: "Open a timesheet" },
} as const;

let lang: "ja" | "en" = "ja";
const w = (key: keyof typeof WORDS) => WORDS[key][lang];
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

function figures(result: QuoteResult): HTMLTableElement {
  const row = (label: string, yen: number, className = "") =>
    el("tr", { className }, el("td", {}, label), el("td", { className: "yen" }, formatYen(yen)));
  return el(
    "table",
    {},
    ...result.lines.map((line) => row(line.name, line.amount)),
    ...result.adjustments.map((a) => row(`${a.kind} ${a.hours}h`, a.amount)),
    row(w("subtotal"), result.subtotal),
    row(w("tax"), result.consumptionTax),
    row(w("total"), result.total, "total"),
    row(w("withholding"), result.withholdingTax),
    row(w("payable"), result.payable, "total"),
  );
}

function renderEstimate(estimate: Estimate, into: HTMLElement) {
  const offline = estimate.offline.ok
    ? figures(estimate.offline.quote)
    : el("pre", { className: "error" }, estimate.offline.issues.map((i) => i.message).join("\n"));
  const server = estimate.server?.estimate;
  const same =
    estimate.offline.ok && server ? estimate.offline.quote.payable === server.payable : null;
  into.replaceChildren(
    el("h2", {}, `${w("estimate")} ${estimate.month}`),
    el("p", { className: "muted" }, w("offline")),
    offline,
    el("p", { className: "muted" }, w("serverSide")),
    server ? figures(server) : el("p", {}, "-"),
    same === null ? "" : el("p", { className: "muted" }, same ? w("agree") : w("differ")),
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
    "section",
    {},
    el("h2", {}, w("settings")),
    el("label", {}, w("apiUrl")),
    input,
    save,
    out,
  );
}

function createSection(state: SidebarState): HTMLElement {
  const select = el("select", { id: "contract" });
  const month = el("input", { type: "month", value: state.thisMonth, id: "month" });
  const out = el("div");
  const load = el("button", { textContent: w("load") });
  load.onclick = () =>
    server.listContracts().then(
      (contracts) =>
        select.replaceChildren(
          ...contracts.map((c) => el("option", { value: c.id }, `${c.title} (${c.status})`)),
        ),
      (error) => showError(error, out),
    );
  const create = el("button", { textContent: w("create") });
  create.onclick = () =>
    server.createTimesheet(select.value, month.value).then(
      () => start(),
      (error) => showError(error, out),
    );
  return el(
    "section",
    {},
    el("h2", {}, w("create")),
    load,
    el("label", {}, w("contract")),
    select,
    el("label", {}, w("month")),
    month,
    create,
    out,
  );
}

function timesheetSection(state: SidebarState): HTMLElement {
  const out = el("div");
  const estimate = el("div", { id: "estimate" });
  const refresh = () =>
    server.getEstimate().then(
      (e) => renderEstimate(e, estimate),
      (error) => showError(error, out),
    );
  const check = el("button", { textContent: w("check") });
  check.onclick = () => server.checkTimesheet().then(refresh, (error) => showError(error, out));
  const sync = el("button", { textContent: w("sync") });
  sync.onclick = () =>
    server.syncTimesheet().then(
      (result) => {
        if (result.error) showError(result.error, out);
        else out.replaceChildren(`✓ ${result.rows}`);
        return refresh();
      },
      (error) => showError(error, out),
    );
  const recalc = el("button", { textContent: w("refresh") });
  recalc.onclick = () => refresh();
  void refresh();
  return el(
    "section",
    {},
    el("h2", {}, state.timesheet?.sheetName ?? ""),
    check,
    sync,
    recalc,
    out,
    estimate,
  );
}

function start(): Promise<void> {
  return server.getSidebarState().then(
    (state) => {
      lang = state.lang;
      document.documentElement.lang = lang;
      const view = (globalThis as { __SHIMEBI_VIEW__?: string }).__SHIMEBI_VIEW__;
      const sections =
        state.timesheet && view !== "create"
          ? [timesheetSection(state), createSection(state)]
          : [createSection(state), el("p", { className: "muted" }, w("noTimesheet"))];
      app.replaceChildren(...sections, settingsSection(state));
    },
    (error) => showError(error, app),
  );
}

void start();
