import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { Hono } from "hono";
import { sidebarHtml } from "../../addon/build";
import { fromSameOrigin } from "../http/sameOrigin";
import type { SessionReply, SessionRequest } from "./addonSession";
import { devIdToken } from "./googleDevKey";

// The add-on in a browser, outside production only (mounted by worker/node.ts, never part of
// the Worker): GET /dev/addon?as=<email> shows the in-memory spreadsheet's active sheet as an
// editable grid beside the REAL sidebar (built as `npm run build` builds it), whose
// google.script.run is a stand-in posting to /dev/addon/run/{fn}. Each `as` user has one
// session: a worker thread (addonSession.ts) running the add-on's server functions over
// addon/testing's Apps Script stand-ins, with UrlFetchApp calling this same server over HTTP.

const EMAIL = /^[^\s@<>"']+@[^\s@<>"']+$/;

/** Sessions (worker threads) kept at once; past it the least recently used one is ended. */
export const MAX_SESSIONS = 6;

type Call =
  | { op: "run"; fn: string; args: unknown[] }
  | { op: "sheet" }
  | { op: "edit"; row: number; column: number; value: string };

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

class Session {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  constructor(
    code: string,
    readonly email: string,
    apiBase: string,
    locale: string,
  ) {
    this.worker = new Worker(code, { eval: true, workerData: { apiBase, locale } });
    this.worker.unref();
    this.worker.on("message", (reply: SessionReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(new Error(reply.error));
    });
    this.worker.on("error", (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  async call(request: Call): Promise<unknown> {
    const id = this.next++;
    // A fresh dev identity token for each call, as ScriptApp.getIdentityToken() gives one.
    const token = request.op === "sheet" ? "" : await devIdToken(this.email);
    const message = { ...request, id, token } as SessionRequest;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  close() {
    return this.worker.terminate();
  }
}

let sessionCode: Promise<string> | null = null;
let sidebar: Promise<string> | null = null;

/** addonSession.ts and what it imports as one CommonJS script, for an eval'd worker. */
function bundleSession(): Promise<string> {
  sessionCode ??= build({
    entryPoints: [fileURLToPath(new URL("./addonSession.ts", import.meta.url))],
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    target: "node20",
    charset: "utf8",
    logLevel: "silent",
  }).then((result) => result.outputFiles[0]?.text ?? "");
  return sessionCode;
}

/**
 * Noto Sans JP from node_modules for the dev page, so Japanese renders in a browser (or a CI
 * Chromium) without CJK system fonts; Sheets' own sidebar uses the system's fonts.
 */
const FONT_FACES = `<style>
@font-face { font-family: "Noto Sans JP"; font-weight: 400; src: url(/dev/addon/fonts/400) format("truetype"); }
@font-face { font-family: "Noto Sans JP"; font-weight: 700; src: url(/dev/addon/fonts/700) format("truetype"); }
body { font-family: "Noto Sans JP", sans-serif !important; }
</style>`;
const FONT_FILES: Record<string, string> = {
  "400": "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  "700": "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
};

const script = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** google.script.run for the dev page: each call a POST, the reply to the handlers. */
function runStandIn(as: string, lang: string): string {
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

function page(as: string, lang: string): string {
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
#grid td.c1 input { width: 92px; }
#grid td.c8 input { width: 150px; }
#grid td.c9 input { width: 240px; }
#grid td.c9 input { color: #b3261e; }
#grid .sheetname { font-weight: 600; margin-bottom: 6px; }
#grid .error { color: #b3261e; }
iframe { width: 300px; flex: none; border: 0; border-left: 1px solid #dadce0; height: 100vh; }
</style></head>
<body>
<div id="grid"><p class="sheetname" id="sheet-name"></p><p id="grid-error" class="error"></p><table id="sheet"></table></div>
<iframe id="sidebar" title="Shimebi sidebar" src="/dev/addon/sidebar${query}"></iframe>
<script>
const query = ${script(query)};
const table = document.getElementById("sheet");
function render(view) {
  document.getElementById("sheet-name").textContent = view.name;
  const hidden = new Set(view.hiddenColumns);
  table.replaceChildren();
  view.values.forEach((line, r) => {
    const tr = table.insertRow();
    const num = tr.insertCell();
    num.className = "num";
    num.textContent = String(r + 1);
    line.forEach((value, c) => {
      if (hidden.has(c + 1)) return;
      if (r === 0 && view.isTimesheet) {
        const th = document.createElement("th");
        th.textContent = String(value);
        tr.appendChild(th);
        return;
      }
      const td = tr.insertCell();
      td.className = "c" + (c + 1);
      const input = document.createElement("input");
      input.id = "cell-R" + (r + 1) + "C" + (c + 1);
      input.value = value === null || value === undefined ? "" : String(value);
      input.title = input.value;
      input.addEventListener("change", () => edit(r + 1, c + 1, input.value));
      td.appendChild(input);
    });
  });
}
async function load() {
  const response = await fetch("/dev/addon/sheet" + query);
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

/** The dev routes, on a Hono app of their own: worker/node.ts sends /dev/addon* here. */
export function addonHost() {
  const sessions = new Map<string, Session>();

  async function sessionOf(as: string | undefined, lang: string | undefined, origin: string) {
    if (!as || !EMAIL.test(as)) return null;
    const locale = lang === "en" ? "en" : "ja";
    const key = `${as}|${locale}`;
    let session = sessions.get(key);
    if (session) {
      // Most recently used last: the Map's order is the eviction order.
      sessions.delete(key);
    } else {
      session = new Session(await bundleSession(), as, origin, locale);
      while (sessions.size >= MAX_SESSIONS) {
        const [oldest, ended] = sessions.entries().next().value ?? [];
        if (!oldest || !ended) break;
        sessions.delete(oldest);
        await ended.close();
      }
    }
    sessions.set(key, session);
    return session;
  }

  const missing = { ok: false, error: "Give ?as=<email> (for example partner@demo.shimebi.test)" };
  const app = new Hono();

  // The page's own scripts only: another site must not run add-on functions as anyone, nor
  // start threads (the page itself and its fonts stay reachable by navigation).
  const sessionRoutes = ["/dev/addon/run/*", "/dev/addon/sheet"];
  for (const path of sessionRoutes) {
    app.use(path, async (c, next) => {
      if (!fromSameOrigin(c.req.raw, new URL(c.req.url).origin)) {
        return c.json({ ok: false, error: "Only the dev page itself may call this" }, 403);
      }
      await next();
    });
  }

  app.get("/dev/addon", (c) => {
    const as = c.req.query("as") ?? "partner@demo.shimebi.test";
    if (!EMAIL.test(as)) return c.json(missing, 400);
    return c.html(page(as, c.req.query("lang") === "en" ? "en" : "ja"));
  });

  app.get("/dev/addon/fonts/:weight", async (c) => {
    const file = FONT_FILES[c.req.param("weight")];
    if (!file) return c.notFound();
    const data = await readFile(createRequire(import.meta.url).resolve(file));
    return c.body(data, 200, { "content-type": "font/ttf", "cache-control": "max-age=86400" });
  });

  app.get("/dev/addon/sidebar", async (c) => {
    const as = c.req.query("as") ?? "";
    if (!EMAIL.test(as)) return c.json(missing, 400);
    sidebar ??= sidebarHtml();
    const html = await sidebar;
    const lang = c.req.query("lang") === "en" ? "en" : "ja";
    return c.html(html.replace("<head>", () => `<head>\n${runStandIn(as, lang)}\n${FONT_FACES}`));
  });

  app.post("/dev/addon/run/:fn", async (c) => {
    const session = await sessionOf(
      c.req.query("as"),
      c.req.query("lang"),
      new URL(c.req.url).origin,
    );
    if (!session) return c.json(missing, 400);
    const args = await c.req.json().catch(() => []);
    try {
      const value = await session.call({
        op: "run",
        fn: c.req.param("fn"),
        args: Array.isArray(args) ? args : [],
      });
      return c.json({ ok: true, value });
    } catch (error) {
      return c.json({ ok: false, error: (error as Error).message });
    }
  });

  app.get("/dev/addon/sheet", async (c) => {
    const session = await sessionOf(
      c.req.query("as"),
      c.req.query("lang"),
      new URL(c.req.url).origin,
    );
    if (!session) return c.json(missing, 400);
    return c.json(await session.call({ op: "sheet" }));
  });

  app.put("/dev/addon/sheet", async (c) => {
    const session = await sessionOf(
      c.req.query("as"),
      c.req.query("lang"),
      new URL(c.req.url).origin,
    );
    if (!session) return c.json(missing, 400);
    const body = (await c.req.json().catch(() => ({}))) as {
      row?: unknown;
      column?: unknown;
      value?: unknown;
    };
    const row = Number(body.row);
    const column = Number(body.column);
    if (
      !Number.isInteger(row) ||
      row < 2 ||
      !Number.isInteger(column) ||
      column < 1 ||
      column > 10
    ) {
      return c.json({ ok: false, error: "row (from 2) and column (1-10) are cell numbers" }, 400);
    }
    try {
      return c.json(
        await session.call({ op: "edit", row, column, value: String(body.value ?? "") }),
      );
    } catch (error) {
      return c.json({ ok: false, error: (error as Error).message }, 422);
    }
  });

  return {
    fetch: app.fetch,
    /** How many sessions (threads) are running. */
    sessionCount: () => sessions.size,
    /** Whether a request is the dev host's. */
    handles: (request: Request) => new URL(request.url).pathname.startsWith("/dev/addon"),
    async close() {
      await Promise.all([...sessions.values()].map((s) => s.close()));
      sessions.clear();
    },
  };
}
