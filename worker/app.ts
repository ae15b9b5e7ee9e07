import { companySettingsRoutes } from "./companySettings/routes";
import { type AppDeps, resolveDeps } from "./deps";
import { createRouter } from "./lib/router";
import { notFound, onError, requireJsonBody } from "./middleware/errors";
import { paymentRoutes } from "./payments/routes";
import { apiTokenRoutes } from "./routes/apiTokens";
import { attachmentRoutes } from "./routes/attachments";
import { authRoutes } from "./routes/auth";
import { bankAccountRoutes } from "./routes/bankAccounts";
import { companyRoutes } from "./routes/companies";
import { contractRoutes } from "./routes/contracts";
import { devRoutes } from "./routes/dev";
import { mountDocs } from "./routes/docs";
import { documentSearchRoutes } from "./routes/documentSearch";
import { documentPdfRoutes } from "./routes/documentsPdf";
import { entryRoutes } from "./routes/entries";
import { healthRoutes } from "./routes/health";
import { historyRoutes } from "./routes/history";
import { invitationRoutes } from "./routes/invitations";
import { invoiceRoutes } from "./routes/invoices";
import { morePdfRoutes } from "./routes/morePdfs";
import { notificationRoutes } from "./routes/notifications";
import { orderRoutes } from "./routes/orders";
import { pageRoutes } from "./routes/pages";
import { paymentNoticeRoutes } from "./routes/paymentNotices";
import { profileRoutes } from "./routes/profile";
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
  app.route("/", apiTokenRoutes());
  app.route("/", notificationRoutes());
  app.route("/", contractRoutes());
  app.route("/", orderRoutes());
  app.route("/", entryRoutes());
  app.route("/", invoiceRoutes());
  app.route("/", paymentNoticeRoutes());
  app.route("/", attachmentRoutes());
  app.route("/", documentPdfRoutes());
  app.route("/", documentSearchRoutes());
  app.route("/", morePdfRoutes());
  app.route("/", historyRoutes());
  app.route("/", pageRoutes());
  app.route("/", profileRoutes());
  app.route("/", bankAccountRoutes());
  app.route("/", companySettingsRoutes());
  app.route("/", paymentRoutes());
  if (deps.config.devPages) app.route("/", devRoutes());
  mountDocs(app, VERSION);
  return app;
}

export type App = ReturnType<typeof createApp>;
