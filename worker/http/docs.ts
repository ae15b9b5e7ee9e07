import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "./router";
import { API_REFERENCE_SCRIPT, scriptNonce } from "./securityHeaders";

export const API_TITLE = "Shimebi API";

/** Where `npm start` listens by default (PORT and HOST change it). */
const LOCAL_URL = "http://127.0.0.1:8787";

/**
 * `/openapi.json` is generated from the zod schemas the routes validate with, so it cannot
 * drift from what the API accepts; `/docs` renders it.
 */
export function mountDocs(app: OpenAPIHono<AppEnv>, version: string): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "A session token from POST /v1/auth/login, or a long-lived API token",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", {
    type: "apiKey",
    in: "cookie",
    name: "shimebi_session",
    description: "The browser session cookie set by POST /v1/auth/login",
  });
  app.doc31("/openapi.json", (c) => {
    const appUrl = c.var.deps.config.appUrl;
    const servers = [{ url: appUrl, description: "This server: its public URL is set by APP_URL" }];
    if (appUrl !== LOCAL_URL) servers.push({ url: LOCAL_URL, description: "Local: npm start" });
    return {
      openapi: "3.1.0",
      info: {
        title: API_TITLE,
        version,
        description:
          "The REST API behind the Shimebi Google Sheets add-on: contracts, purchase orders, timesheets, invoices. Amounts are whole yen; times are minutes.",
        contact: { name: "Shimebi API", url: `${appUrl}/docs` },
        license: {
          name: "Proprietary: the Shimebi terms of use",
          identifier: "LicenseRef-Shimebi",
        },
      },
      servers,
    };
  });
  // Scalar's page, its script pinned by version and integrity, its inline start-up script
  // allowed by this answer's nonce (http/securityHeaders.ts), no fonts from elsewhere.
  const reference = Scalar({
    url: "/openapi.json",
    pageTitle: API_TITLE,
    cdn: API_REFERENCE_SCRIPT.url,
    withDefaultFonts: false,
  });
  app.get(
    "/docs",
    async (c, next) => {
      await next();
      const nonce = scriptNonce(c);
      const page = (await c.res.text())
        .replace(
          `<script src="${API_REFERENCE_SCRIPT.url}">`,
          `<script src="${API_REFERENCE_SCRIPT.url}" integrity="${API_REFERENCE_SCRIPT.integrity}" crossorigin="anonymous" nonce="${nonce}">`,
        )
        .replace(
          /<script type="text\/javascript">/g,
          `<script type="text/javascript" nonce="${nonce}">`,
        );
      c.res = new Response(page, c.res);
    },
    reference,
  );
}
