import { createClient } from "@libsql/client/web";
import { createApp } from "./app";
import { createDb } from "./db/client";
import { transportFromEnv } from "./services/mailTransport";
import { r2Fonts } from "./services/pdfFont";
import { runScheduledJobs } from "./services/scheduled";
import { r2Storage } from "./services/storage";

// The Worker entry: the same app, with Turso over HTTP. Migrations are applied by
// `npm run db:migrate` before a deploy, never at request time.

/** The Worker's text variables and secrets. */
type Vars = {
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  APP_URL?: string;
  GOOGLE_CLIENT_IDS?: string;
  NTA_APP_ID?: string;
  MAIL_PROVIDER?: string;
  RESEND_API_KEY?: string;
  MAIL_FROM?: string;
};

export type Bindings = Vars & {
  /** Attachments, and the PDF font at FONT_KEY (services/pdfFont.ts). */
  FILES?: R2Bucket;
};

let app: ReturnType<typeof createApp> | undefined;

function appFor(env: Bindings) {
  if (!app) {
    const db = env.DATABASE_URL
      ? createDb(createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }))
      : undefined;
    app = createApp({
      db,
      mail: transportFromEnv(env as Vars, fetch),
      ...(env.FILES ? { storage: r2Storage(env.FILES), fonts: r2Fonts(env.FILES) } : {}),
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
