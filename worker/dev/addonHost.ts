import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { Hono } from "hono";
import { sidebarHtml } from "../../addon/build";
import { fromSameOrigin } from "../http/sameOrigin";
import { FONT_FACES, FONT_FILES, page, runStandIn } from "./addonPage";
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
  | { op: "sheet"; name?: string }
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
    const name = c.req.query("sheet");
    return c.json(await session.call({ op: "sheet", ...(name ? { name } : {}) }));
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
