import { createClient } from "@libsql/client/web";
import { createApp } from "./app";

// The Worker entry: the same app, with Turso over HTTP.

export type Bindings = {
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
};

let app: ReturnType<typeof createApp> | undefined;

function appFor(env: Bindings) {
  if (!app) {
    const db = env.DATABASE_URL
      ? createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN })
      : undefined;
    app = createApp({ db });
  }
  return app;
}

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    return appFor(env).fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Bindings>;
