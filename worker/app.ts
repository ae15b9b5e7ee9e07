import { type AppDeps, resolveDeps } from "./deps";
import { createRouter } from "./lib/router";
import { notFound, onError, requireJsonBody } from "./middleware/errors";
import { authRoutes } from "./routes/auth";
import { companyRoutes } from "./routes/companies";
import { devRoutes } from "./routes/dev";
import { mountDocs } from "./routes/docs";
import { healthRoutes } from "./routes/health";
import { invitationRoutes } from "./routes/invitations";
import { quoteRoutes } from "./routes/quote";

export const VERSION = "0.1.0";
export type { AppDeps } from "./deps";

/** The one app, served by the Worker and by Node alike; everything it uses comes in `deps`. */
export function createApp(appDeps: AppDeps = {}) {
  const deps = resolveDeps(appDeps);
  const app = createRouter();
  app.onError(onError);
  app.notFound(notFound);
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", requireJsonBody);
  app.route("/", healthRoutes(VERSION));
  app.route("/", quoteRoutes());
  app.route("/", authRoutes());
  app.route("/", companyRoutes());
  app.route("/", invitationRoutes());
  if (deps.config.devPages) app.route("/", devRoutes());
  mountDocs(app, VERSION);
  return app;
}

export type App = ReturnType<typeof createApp>;
