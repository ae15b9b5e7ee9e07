import { serve } from "@hono/node-server";
import { Hono } from "hono";

// The floor of bench/http.ts: a bare Hono app on @hono/node-server, started the same way as
// npm start's server (its own process, tsx), with nothing of the product in it.

const app = new Hono();
app.get("/health", (c) => c.json({ status: "ok", version: "0.1.0" }));
app.post("/parse", async (c) => {
  const body = (await c.req.json()) as { entries?: unknown[] };
  return c.json({ entries: body.entries?.length ?? 0 });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" }, (info) =>
  console.log(`floor on ${info.port}`),
);
