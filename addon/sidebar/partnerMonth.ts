import type { ContractSummary } from "../server/contracts";
import type { Estimate, EstimateChoices } from "../server/estimate";
import type { SidebarState } from "../server/sidebar";
import type { SyncState } from "../server/syncState";
import { button, el, note, onAction } from "./dom";
import { clearError, showError } from "./errors";
import { figures } from "./figures";
import { serverCalls as server } from "./gas";
import { lang, w } from "./words";

// The partner's month: make the timesheet of a contract and month; then check it, sync it and
// see the estimate from the sheet (the bundled engine, offline) beside the server's, and
// whether the sheet and the server agree, row by row.

function contractStatus(status: ContractSummary["status"]): string {
  if (typeof status === "string") return status;
  return lang() === "ja" ? status.labelJa : status.label;
}

/** "2026年12月" / "2026-12": the words of the sidebar, never the browser's month picker. */
function monthSelect(chosen: string): HTMLSelectElement {
  const [year = 2000, month = 1] = chosen.split("-").map(Number);
  const select = el("select", { id: "month" });
  for (let offset = -12; offset <= 12; offset++) {
    const day = new Date(Date.UTC(year, month - 1 + offset, 1));
    const value = day.toISOString().slice(0, 7);
    const label = lang() === "ja" ? `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月` : value;
    select.appendChild(el("option", { value }, label));
  }
  select.value = chosen;
  return select;
}

/** Contract and month, and 勤務表を作成; `made` runs once the sheet exists. */
export function createSection(state: SidebarState, made: () => void): HTMLElement {
  const select = el("select", { id: "contract" });
  const month = monthSelect(state.timesheet?.month ?? state.thisMonth);
  const out = el("div", { id: "create-result" });
  const fields = { contractId: select, month };
  const load = () =>
    server.listContracts().then(
      (contracts) => {
        select.replaceChildren(
          ...contracts.map((c) =>
            el(
              "option",
              { value: c.id },
              lang() === "ja"
                ? `${c.title}（${contractStatus(c.status)}）`
                : `${c.title} (${contractStatus(c.status)})`,
            ),
          ),
        );
        if (state.timesheet) select.value = state.timesheet.contractId;
      },
      (error) => showError(error, out, fields),
    );
  const reload = button(w("load"), "contracts-reload", true);
  onAction(reload, load);
  const create = button(w("create"), "create");
  onAction(create, () =>
    server.createTimesheet(select.value, month.value).then(
      () => {
        clearError(out);
        made();
      },
      (error) => showError(error, out, fields),
    ),
  );
  void load();
  return el(
    "section",
    { id: "create-section" },
    el("h2", {}, w("create")),
    el("label", { htmlFor: "contract" }, w("contract")),
    select,
    el("label", { htmlFor: "month" }, w("month")),
    month,
    el("div", { className: "buttons" }, create, reload),
    out,
  );
}

const rowList = (rows: number[]) =>
  rows.map((n) => w("rowName", { n })).join(lang() === "ja" ? "、" : ", ");

/** Whether the sheet and the server agree: rows refused, rows not synced, rows deleted. */
export function syncStateNode(sync: SyncState): HTMLElement {
  const node = el("div", { id: "sync-state" });
  if (sync.agrees) {
    node.appendChild(note(w("agree"), "ok", "agreement"));
    return node;
  }
  const items: HTMLElement[] = [];
  if (sync.refusal) items.push(el("li", {}, sync.refusal));
  for (const row of sync.refusedRows) {
    const name = w("rowName", { n: row.row });
    const message = row.message.replace(/\n/g, " ");
    const named = message.toLowerCase().includes(name.toLowerCase());
    items.push(el("li", {}, named ? message : `${name}: ${message}`));
  }
  if (sync.unsyncedRows.length > 0)
    items.push(el("li", {}, `${w("unsyncedRows")}: ${rowList(sync.unsyncedRows)}`));
  if (sync.removedRows > 0) items.push(el("li", {}, `${sync.removedRows} ${w("removedRows")}`));
  node.replaceChildren(
    note(sync.syncedAt ? w("differ") : w("neverSynced"), "warn", "agreement"),
    ...(items.length ? [el("ul", { className: "rows" }, ...items)] : []),
  );
  return node;
}

function renderEstimate(estimate: Estimate, into: HTMLElement) {
  // The rows at fault are listed in the sync state above; what belongs to no row, here.
  const listed = new Set(estimate.sync.refusedRows.map((r) => r.message));
  const loose = estimate.offline.ok
    ? []
    : estimate.offline.issues.filter(
        (i) => !listed.has(i.message) && i.message !== estimate.sync.refusal,
      );
  const offline = estimate.offline.ok
    ? figures(estimate.offline.quote, "offline")
    : el(
        "div",
        { id: "offline-issues" },
        note(w("noEstimate"), "warn"),
        ...(loose.length
          ? [el("ul", { className: "rows error" }, ...loose.map((i) => el("li", {}, i.message)))]
          : []),
      );
  const serverSide = estimate.server?.estimate;
  into.replaceChildren(
    el("h2", {}, `${w("estimate")} ${estimate.month}`),
    syncStateNode(estimate.sync),
    el("p", { className: "muted" }, w("offline")),
    offline,
    el(
      "details",
      {},
      el("summary", {}, w("serverSide")),
      serverSide ? figures(serverSide, "server") : "-",
    ),
  );
}

export interface MonthSection {
  node: HTMLElement;
  /** The estimate and the sync state again; `clear` also clears the last check's note. */
  refresh(clear?: boolean): Promise<void>;
}

/**
 * Check, sync, the estimate. `choices` gives the invoice's choices (withholding, extra items,
 * expenses) so the estimate is the invoice's; `synced` runs after every sync.
 */
export function monthSection(
  state: SidebarState,
  choices: () => EstimateChoices | undefined,
  synced: () => Promise<void>,
): MonthSection {
  const out = el("div", { id: "timesheet-result" });
  const estimate = el("div", { id: "estimate" });
  const refresh = (clear = false) =>
    server.getEstimate(choices()).then(
      (e) => {
        if (clear) clearError(out);
        renderEstimate(e, estimate);
      },
      (error) => showError(error, out),
    );
  const check = button(w("check"), "check");
  onAction(check, () =>
    server.checkTimesheet().then(
      (result) => {
        clearError(out);
        if (!result) out.appendChild(note(w("noTimesheet"), "warn"));
        else
          out.appendChild(
            note(
              result.badRows
                ? `⚠ ${w("checked", { n: result.rows })}　${w("badRows", { n: result.badRows })}`
                : `✓ ${w("checked", { n: result.rows })}`,
              result.badRows ? "warn" : "ok",
            ),
          );
        return refresh();
      },
      (error) => showError(error, out),
    ),
  );
  const sync = button(w("sync"), "sync");
  // The invoice drawn again after a sync clears the notes here: the sync's own is written last.
  onAction(sync, () =>
    server
      .syncTimesheet()
      .then(
        (result) => () => {
          clearError(out);
          out.appendChild(note(`✓ ${w("synced", { n: result.rows })}`, "ok"));
        },
        (error) => () => showError(error, out),
      )
      .then((say) =>
        synced()
          .then(() => refresh())
          .then(say),
      ),
  );
  const recalc = button(w("refresh"), "recalculate", true);
  onAction(recalc, () => refresh(true));
  void refresh();
  return {
    node: el(
      "section",
      { id: "month-section" },
      el("h2", { id: "sheet-title" }, state.timesheet?.sheetName ?? ""),
      el("div", { className: "buttons" }, check, sync, recalc),
      out,
      estimate,
    ),
    refresh,
  };
}
