import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { openNodeDatabase } from "./db/node";

// The embedded default: the same app as the Worker, served by Node over a libSQL file.

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}

const { client, url } = openNodeDatabase();
const app = createApp({ db: client });

const server = serve(
  { fetch: app.fetch, port, hostname: process.env.HOST ?? "127.0.0.1" },
  (info) => {
    console.log(`Shimebi API on http://${info.address}:${info.port} (database ${url})`);
    console.log(`  API reference  http://${info.address}:${info.port}/docs`);
  },
);

function shutdown() {
  server.close(() => {
    client.close();
    process.exit(0);
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
