import { createClient } from "@libsql/client/web";
import { createApp } from "./app";
import { createDb } from "./db/client";
import { transportFromEnv } from "./services/mailTransport";
import { runScheduledJobs } from "./services/scheduled";

// The Worker entry: the same app, with Turso over HTTP. Migrations are applied by
// `npm run db:migrate` before a deploy, never at request time.

export type Bindings = {
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  APP_URL?: string;
  GOOGLE_CLIENT_IDS?: string;
  NTA_APP_ID?: string;
  MAIL_PROVIDER?: string;
  RESEND_API_KEY?: string;
  MAIL_FROM?: string;
};

let app: ReturnType<typeof createApp> | undefined;

function appFor(env: Bindings) {
  if (!app) {
    const db = env.DATABASE_URL
      ? createDb(createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }))
      : undefined;
    app = createApp({
      db,
      mail: transportFromEnv(env, fetch),
      config: {
        ...(env.APP_URL ? { appUrl: env.APP_URL } : {}),
        googleClientIds: (env.GOOGLE_CLIENT_IDS ?? "").split(",").filter(Boolean),
        ntaAppId: env.NTA_APP_ID,
        devPages: false,
      },
    });
  }
  return app;
}

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    return appFor(env).fetch(request, env, ctx);
  },
  /** The cron trigger of wrangler.toml: order expiry, payment-notice acceptance. */
  scheduled(_controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (!env.DATABASE_URL) return;
    const db = createDb(
      createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }),
    );
    ctx.waitUntil(
      runScheduledJobs({ db, now: () => new Date() }).then((result) =>
        console.log("scheduled", result),
      ),
    );
  },
} satisfies ExportedHandler<Bindings>;
