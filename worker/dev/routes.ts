import { desc, sql } from "drizzle-orm";
import { html, raw } from "hono/html";
import { outbox } from "../db/schema";
import { createRouter } from "../http/router";

/** Local only (config.devPages): every mail the app wrote, newest first; JSON on request. */
export function devRoutes() {
  return createRouter().get("/dev/outbox", async (c) => {
    const mails = await c.var.deps.db
      .select()
      .from(outbox)
      .orderBy(desc(outbox.createdAt), desc(sql`rowid`))
      .limit(200);
    if (c.req.header("accept")?.includes("application/json")) return c.json(mails);
    const rows = mails.map(
      (m) => html`<article>
        <h2>${m.subject}</h2>
        <p><b>To</b> ${m.to} · <b>At</b> ${m.createdAt.toISOString()} · ${m.sentAt ? "sent" : m.lastError ? `failed: ${m.lastError}` : "in outbox"}</p>
        <pre>${m.text}</pre>
      </article>`,
    );
    return c.html(html`<!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Shimebi outbox</title>
      <style>${raw("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border-bottom:1px solid #ddd;padding:1rem 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}")}</style>
      </head><body><h1>Outbox (${mails.length})</h1>${mails.length ? rows : html`<p>No mail yet.</p>`}</body></html>`);
  });
}
