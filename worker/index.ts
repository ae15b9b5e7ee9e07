import { createClient } from "@libsql/client/web";
import { createApp } from "./app";
import { createDb } from "./db/client";
import { type AppDeps, resolveDeps } from "./deps";
import { transportFromEnv } from "./platform/mailTransport";
import { r2Fonts } from "./platform/pdfFont";
import { runScheduledJobs } from "./platform/scheduled";
import { r2Storage } from "./platform/storage";

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
  /** The history chain's key (a secret: `wrangler secret put HISTORY_KEY`). */
  HISTORY_KEY?: string;
};

export type Bindings = Vars & {
  /** Attachments, and the PDF font at FONT_KEY (platform/pdfFont.ts). */
  FILES?: R2Bucket;
};

let deps: AppDeps | undefined;
let app: ReturnType<typeof createApp> | undefined;

/** What the app and the scheduled jobs are given, made once per isolate. */
function depsFor(env: Bindings): AppDeps {
  deps ??= {
    db: env.DATABASE_URL
      ? createDb(createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }))
      : undefined,
    mail: transportFromEnv(env as Vars, fetch),
    ...(env.FILES ? { storage: r2Storage(env.FILES), fonts: r2Fonts(env.FILES) } : {}),
    config: {
      ...(env.APP_URL ? { appUrl: env.APP_URL } : {}),
      googleClientIds: (env.GOOGLE_CLIENT_IDS ?? "").split(",").filter(Boolean),
      ntaAppId: env.NTA_APP_ID,
      devPages: false,
      clientIpSource: "cf-connecting-ip",
      historyKey: env.HISTORY_KEY,
    },
  };
  return deps;
}

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    app ??= createApp(depsFor(env));
    return app.fetch(request, env, ctx);
  },
  /** The cron trigger of wrangler.toml: order expiry, payment-notice acceptance. */
  scheduled(_controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (!env.DATABASE_URL) return;
    ctx.waitUntil(
      runScheduledJobs(resolveDeps(depsFor(env))).then((result) =>
        console.log("scheduled", result),
      ),
    );
  },
} satisfies ExportedHandler<Bindings>;
