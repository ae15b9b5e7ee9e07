import type { Client } from "@libsql/client";
import { createRouter } from "./lib/router";
import { notFound, onError, requireJsonBody } from "./middleware/errors";
import { mountDocs } from "./routes/docs";
import { healthRoutes } from "./routes/health";
import { quoteRoutes } from "./routes/quote";

export const VERSION = "0.1.0";

/** What the app is given rather than reaching for: the database, the clock. */
export type AppDeps = {
  db?: Client;
  now?: () => Date;
};

export function createApp(_deps: AppDeps = {}) {
  const app = createRouter();
  app.onError(onError);
  app.notFound(notFound);
  app.use("*", requireJsonBody);
  app.route("/", healthRoutes(VERSION));
  app.route("/", quoteRoutes());
  mountDocs(app, VERSION);
  return app;
}

export type App = ReturnType<typeof createApp>;
