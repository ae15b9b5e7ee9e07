import type { SidebarState } from "../server/sidebar";
import { button, el, note, onAction } from "./dom";
import { clearError, showError } from "./errors";
import { serverCalls as server } from "./gas";
import { w } from "./words";

// The API's URL: built into a production build; otherwise each user's own (https:// only),
// never a setting of the spreadsheet that another editor could change.

export function settingsSection(state: SidebarState): HTMLElement {
  const builtIn = state.settings.source === "default";
  const input = el("input", {
    type: "url",
    value: builtIn ? "" : state.settings.apiBaseUrl,
    id: "api-url",
    placeholder: "https://",
  });
  const out = el("div", { id: "settings-result" });
  const save = button(w("save"), "api-url-save");
  onAction(save, () =>
    server.saveSettings({ apiBaseUrl: input.value }).then(
      () => {
        clearError(out);
        out.appendChild(note(`✓ ${w("saved")}`, "ok"));
      },
      (error) => showError(error, out, { apiBaseUrl: input }),
    ),
  );
  return el(
    "details",
    { id: "settings" },
    el("summary", {}, w("settings")),
    ...(builtIn
      ? [note(w("apiUrlBuiltIn"), "muted", "api-url-built-in")]
      : [el("label", { htmlFor: "api-url" }, w("apiUrl")), input, save, out]),
  );
}
