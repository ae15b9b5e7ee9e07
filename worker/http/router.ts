import { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../deps";
import type { Access, Auth } from "./auth";
import { validationHook } from "./errorHandler";

export type AppEnv = {
  Variables: {
    deps: Deps;
    /** The signed-in caller, when there is one. */
    auth: Auth | undefined;
    /** What the caller may do where the route points (company or group), once authorized. */
    access: Access | undefined;
    /** The nonce this answer's Content-Security-Policy allows inline scripts with. */
    secureHeadersNonce?: string;
    /** The answer `jsonAnswer` built with its security headers (http/securityHeaders.ts). */
    securedAnswer?: Response;
  };
};

/** Every router validates through the same hook, so every 422 has the same shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
