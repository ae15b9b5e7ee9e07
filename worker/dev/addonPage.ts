// The dev add-on page (addonHost.ts serves it): the editable grid of the in-memory
// spreadsheet beside the real sidebar, its fonts, and the google.script.run stand-in.

/**
 * Noto Sans JP from node_modules for the dev page, so Japanese renders in a browser (or a CI
 * Chromium) without CJK system fonts; Sheets' own sidebar uses the system's fonts.
 */
export const FONT_FACES = `<style>
@font-face { font-family: "Noto Sans JP"; font-weight: 400; src: url(/dev/addon/fonts/400) format("truetype"); }
@font-face { font-family: "Noto Sans JP"; font-weight: 700; src: url(/dev/addon/fonts/700) format("truetype"); }
body { font-family: "Noto Sans JP", sans-serif !important; }
</style>`;
export const FONT_FILES: Record<string, string> = {
  "400": "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  "700": "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
};

const script = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** google.script.run for the dev page: each call a POST, the reply to the handlers. */
export function runStandIn(as: string, lang: string): string {
  return `<script>
(() => {
  const query = "?as=" + encodeURIComponent(${script(as)}) + "&lang=" + ${script(lang)};
  function runner(success, failure) {
    const own = {
      withSuccessHandler: (f) => runner(f, failure),
      withFailureHandler: (f) => runner(success, f),
      withUserObject: () => runner(success, failure),
    };
    return new Proxy(own, {
      get(target, name) {
        if (name in target || typeof name !== "string") return target[name];
        return (...args) => {
          fetch("/dev/addon/run/" + encodeURIComponent(name) + query, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(args),
          })
            .then((response) => response.json())
            .then((body) => {
              if (body.ok) success && success(body.value);
              else failure && failure(new Error(body.error));
            }, (error) => failure && failure(error))
            .finally(() => window.parent.postMessage({ shimebi: "ran", fn: name }, "*"));
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();
</script>`;
}

export function page(as: string, lang: string): string {
  const query = `?as=${encodeURIComponent(as)}&lang=${encodeURIComponent(lang)}`;
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8">${FONT_FACES}<title>Shimebi add-on (dev): ${as.replace(/[<&"]/g, "")}</title>
<style>
body { margin: 0; font: 13px "Noto Sans JP", Arial, sans-serif; display: flex; height: 100vh; }
#grid { flex: 1; overflow: auto; padding: 8px; }
#grid table { border-collapse: collapse; }
#grid th, #grid td { border: 1px solid #dadce0; padding: 0; }
#grid th { background: #f1f3f4; padding: 2px 6px; font-weight: 600; }
#grid td.num { background: #f8f9fa; color: #5f6368; padding: 0 4px; text-align: right; }
#grid input { border: 0; width: 72px; padding: 3px 4px; font: inherit; }
#grid table.timesheet td.c1 input { width: 92px; }
#grid table.timesheet td.c8 input { width: 150px; }
#grid table.timesheet td.c9 input { width: 240px; color: #b3261e; }
#grid input.number { text-align: right; }
#grid .sheetname { font-weight: 600; margin-bottom: 6px; }
#tabs { margin: 0 0 6px; display: flex; gap: 4px; flex-wrap: wrap; }
#tabs button { font: inherit; border: 1px solid #dadce0; background: #f8f9fa; padding: 2px 10px; border-radius: 4px 4px 0 0; cursor: pointer; }
#tabs button.active { background: #fff; border-bottom-color: #fff; font-weight: 600; color: #188038; }
#grid .error { color: #b3261e; }
iframe { width: 300px; flex: none; border: 0; border-left: 1px solid #dadce0; height: 100vh; }
</style></head>
<body>
<div id="grid"><div id="tabs" role="tablist"></div><p class="sheetname" id="sheet-name"></p><p id="grid-error" class="error"></p><table id="sheet"></table></div>
<iframe id="sidebar" title="Shimebi sidebar" src="/dev/addon/sidebar${query}"></iframe>
<script>
const query = ${script(query)};
const table = document.getElementById("sheet");
// A column as wide as its longest text: Japanese characters take about twice a Latin one's.
function widthOf(texts) {
  const longest = Math.max(0, ...texts.map((t) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 13 : 7.5), 0)));
  return Math.min(280, Math.max(56, Math.ceil(longest) + 12)) + "px";
}
function render(view) {
  document.getElementById("sheet-name").textContent = view.name;
  const tabs = document.getElementById("tabs");
  tabs.replaceChildren(...view.sheets.map((name) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.role = "tab";
    tab.textContent = name;
    tab.className = name === view.name ? "active" : "";
    tab.addEventListener("click", () => load(name));
    return tab;
  }));
  const hidden = new Set(view.hiddenColumns);
  table.className = view.isTimesheet ? "timesheet" : "";
  const widths = view.isTimesheet ? [] : (view.values[0] || []).map((_, c) => widthOf(view.display.map((line) => line[c] || "")));
  table.replaceChildren();
  view.values.forEach((line, r) => {
    const tr = table.insertRow();
    const num = tr.insertCell();
    num.className = "num";
    num.textContent = String(r + 1);
    line.forEach((value, c) => {
      if (hidden.has(c + 1)) return;
      const shown = view.display[r] ? view.display[r][c] : String(value);
      if (r === 0) {
        const th = document.createElement("th");
        th.textContent = shown;
        tr.appendChild(th);
        return;
      }
      const td = tr.insertCell();
      td.className = "c" + (c + 1);
      const input = document.createElement("input");
      input.id = "cell-R" + (r + 1) + "C" + (c + 1);
      input.value = shown;
      input.title = input.value;
      if (typeof value === "number") input.className = "number";
      if (widths[c]) input.style.width = widths[c];
      input.addEventListener("change", () => edit(r + 1, c + 1, input.value));
      td.appendChild(input);
    });
  });
}
async function load(name) {
  const response = await fetch("/dev/addon/sheet" + query + (name ? "&sheet=" + encodeURIComponent(name) : ""));
  render(await response.json());
}
async function edit(row, column, value) {
  const response = await fetch("/dev/addon/sheet" + query, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ row, column, value }),
  });
  const body = await response.json();
  document.getElementById("grid-error").textContent = response.ok ? "" : body.error;
  if (response.ok) render(body);
  else load();
}
window.addEventListener("message", (event) => {
  if (event.data && event.data.shimebi === "ran") load();
});
load();
</script>
</body></html>`;
}
