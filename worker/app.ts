import { apiTokenRoutes } from "./accounts/apiTokenRoutes";
import { invitationRoutes } from "./accounts/invitationRoutes";
import { pageRoutes } from "./accounts/pages";
import { authRoutes } from "./accounts/routes";
import { attachmentRoutes } from "./attachments/routes";
import { bankAccountRoutes } from "./banks/accountRoutes";
import { companyOptionRoutes } from "./companies/optionsRoutes";
import { companyRoutes } from "./companies/routes";
import { contractRoutes } from "./contracts/routes";
import { sesRateRoutes } from "./contracts/sesRateRoutes";
import { type AppDeps, resolveDeps } from "./deps";
import { devRoutes } from "./dev/routes";
import { entryRoutes } from "./entries/routes";
import { mountDocs } from "./http/docs";
import { notFound, onError, requireJsonBody } from "./http/errorHandler";
import { healthRoutes } from "./http/health";
import { createRouter } from "./http/router";
import { businessReportPdfRoutes } from "./invoices/businessReportRoutes";
import { documentPdfRoutes } from "./invoices/pdfRoutes";
import { invoiceRoutes } from "./invoices/routes";
import { notificationRoutes } from "./notifications/routes";
import { orderPdfRoutes } from "./orders/pdfRoutes";
import { orderRoutes } from "./orders/routes";
import { paymentNoticeRoutes } from "./paymentNotices/routes";
import { profileRoutes } from "./profile/routes";
import { quoteRoutes } from "./quote/routes";
import { historyRoutes } from "./records/historyRoutes";
import { documentSearchRoutes } from "./records/searchRoutes";

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
  app.route("/", companyOptionRoutes());
  app.route("/", sesRateRoutes());
  app.route("/", orderRoutes());
  app.route("/", entryRoutes());
  app.route("/", invoiceRoutes());
  app.route("/", paymentNoticeRoutes());
  app.route("/", attachmentRoutes());
  app.route("/", documentPdfRoutes());
  app.route("/", documentSearchRoutes());
  app.route("/", orderPdfRoutes());
  app.route("/", businessReportPdfRoutes());
  app.route("/", historyRoutes());
  app.route("/", pageRoutes());
  app.route("/", profileRoutes());
  app.route("/", bankAccountRoutes());
  if (deps.config.devPages) app.route("/", devRoutes());
  mountDocs(app, VERSION);
  return app;
}

export type App = ReturnType<typeof createApp>;
