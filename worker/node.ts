import { serve } from "@hono/node-server";
import { createRemoteJWKSet } from "jose";
import { createApp } from "./app";
import { createDb } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { openNodeDatabase } from "./db/node";
import { seedDemo } from "./db/seed";
import { seedDemoContract, seedDemoDraftOrder } from "./db/seedContract";
import { GOOGLE_JWKS_URL, resolveDeps } from "./deps";
import { DEV_GOOGLE_CLIENT_ID, withDevGoogleKey } from "./dev/googleDevKey";
import { DEV_HISTORY_KEY } from "./platform/history";
import { transportFromEnv } from "./platform/mailTransport";
import { nodeFonts } from "./platform/nodeFonts";
import { runScheduledJobs } from "./platform/scheduled";
import { diskStorage } from "./platform/storage";

// The embedded default: the same app as the Worker, served by Node over a libSQL file that is
// created, migrated and (outside production) seeded with demo data on start.

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}
const host = process.env.HOST ?? "127.0.0.1";
const production = process.env.NODE_ENV === "production";

// The history chain's key (platform/history.ts): a secret in production, never in the database.
const historyKey = process.env.HISTORY_KEY || (production ? "" : DEV_HISTORY_KEY);
if (!historyKey) {
  console.error(
    "HISTORY_KEY must be set in production: the secret the history chain is keyed with",
  );
  process.exit(1);
}

const { client, url } = openNodeDatabase();
const db = createDb(client);
await migrateDatabase(db);
const appUrl = process.env.APP_URL ?? `http://${host}:${port}`;
const googleKeys = createRemoteJWKSet(new URL(GOOGLE_JWKS_URL));
const googleClientIds = (process.env.GOOGLE_CLIENT_IDS ?? "").split(",").filter(Boolean);
const deps = {
  db,
  mail: transportFromEnv(process.env, fetch),
  // Uploaded files beside the database, under .data/ unless SHIMEBI_FILES_DIR says otherwise.
  storage: diskStorage(process.env.SHIMEBI_FILES_DIR ?? ".data/files"),
  fonts: nodeFonts,
  // Outside production the published dev key also signs "Google" tokens (npm run dev:id-token).
  googleKeys: production ? googleKeys : withDevGoogleKey(googleKeys),
  config: {
    appUrl,
    googleClientIds: production ? googleClientIds : [...googleClientIds, DEV_GOOGLE_CLIENT_ID],
    ntaAppId: process.env.NTA_APP_ID,
    devPages: !production,
    checkResponses: process.env.SHIMEBI_CHECK_RESPONSES === "1",
    allowLocalWebhooks: !production,
    historyKey,
    // Behind a proxy that appends the client's address: SHIMEBI_CLIENT_IP=x-forwarded-for.
    clientIpSource:
      process.env.SHIMEBI_CLIENT_IP === "x-forwarded-for"
        ? ("x-forwarded-for" as const)
        : ("socket" as const),
  },
};
if (!production) {
  const seeded = await seedDemo(db, process.env.SHIMEBI_DEMO_PASSWORD || "shimebi-demo");
  if (seeded) {
    // Its mails link to this server, on whatever PORT it runs.
    await seedDemoContract(db, { config: { appUrl, historyKey } });
    await seedDemoDraftOrder(db, { config: { appUrl, historyKey } });
    console.log("Seeded the demo companies and contract (see README: Demo data)");
  }
}
const app = createApp(deps);
// Outside production, /dev/addon hosts the add-on's real sidebar (worker/dev/addonHost.ts);
// imported only here, so nothing of the add-on enters the Worker.
const addon = production ? null : (await import("./dev/addonHost")).addonHost();
const handle: typeof app.fetch = (request, ...rest) =>
  addon?.handles(request) ? addon.fetch(request) : app.fetch(request, ...rest);

// The Worker runs these from its cron trigger; here a timer does.
const SCHEDULE_MS = Number(process.env.SCHEDULE_INTERVAL_MS ?? 60_000);
const timer = setInterval(() => {
  runScheduledJobs(resolveDeps(deps)).catch((error) =>
    console.error("scheduled jobs failed", error),
  );
}, SCHEDULE_MS);
timer.unref();

const server = serve({ fetch: handle, port, hostname: host }, (info) => {
  console.log(`Shimebi API on http://${info.address}:${info.port} (database ${url})`);
  console.log(`  API reference  http://${info.address}:${info.port}/docs`);
  if (!production) {
    console.log(`  Outbox         http://${info.address}:${info.port}/dev/outbox`);
    console.log(`  Add-on         http://${info.address}:${info.port}/dev/addon`);
  }
});

function shutdown() {
  void addon?.close();
  server.close(() => {
    client.close();
    process.exit(0);
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
