import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import type { Db } from "./db/client";
import type { ClientIpSource } from "./http/clientAddress";
import { ApiError } from "./http/errors";
import { type MailTransport, outboxOnlyTransport } from "./platform/mailTransport";
import type { FontLoader } from "./platform/pdfFont";
import type { FileStorage } from "./platform/storage";

export type Config = {
  /** Where links in mail point. */
  appUrl: string;
  /** OAuth client ids whose Google identity tokens are accepted (the add-on's). */
  googleClientIds: string[];
  /** The National Tax Agency Web-API application id; lookups are skipped without it. */
  ntaAppId?: string;
  /** Version of the terms a registering user agrees to, stored with the consent. */
  termsVersion: string;
  /** Local pages for developers: the outbox. Never on in production. */
  devPages: boolean;
  /** Hold every answer to its route's declared schema (tests and `SHIMEBI_CHECK_RESPONSES=1`). */
  checkResponses: boolean;
  /** Webhook endpoints on this machine (http://127.0.0.1, localhost): never in production. */
  allowLocalWebhooks: boolean;
  /** Where the caller's IP comes from (`http/clientAddress.ts`): the Worker's edge header, a
   * proxy's X-Forwarded-For, or Node's socket. */
  clientIpSource: ClientIpSource;
  /**
   * HISTORY_KEY: the secret the history chain is keyed with (platform/history.ts). Outside the
   * database by design; required in production, `DEV_HISTORY_KEY` under `npm start` otherwise.
   * Without it history routes answer 503.
   */
  historyKey?: string;
};

/** Everything the app is handed rather than reaching for. */
export type Deps = {
  db: Db;
  now: () => Date;
  config: Config;
  googleKeys: JWTVerifyGetKey;
  /** Outbound HTTP (the tax agency's register, a mail provider); replaced in tests. */
  fetch: typeof fetch;
  mail: MailTransport;
  /** Uploaded files: R2 on the Worker, `.data/files/` under `npm start`; routes that store
   * files answer 503 without it. */
  storage?: FileStorage;
  /** The Japanese font (TrueType bytes) PDFs are drawn with: read from R2 on the Worker, from
   * node_modules under Node, so megabytes of font never enter the Worker bundle. */
  fonts?: FontLoader;
};

export type AppDeps = Partial<Omit<Deps, "config">> & { config?: Partial<Config> };

export const GOOGLE_JWKS_URL = "https://www.googleapis.com/oauth2/v3/certs";

export const DEFAULT_CONFIG: Config = {
  appUrl: "http://127.0.0.1:8787",
  googleClientIds: [],
  termsVersion: "2026-11-01",
  devPages: false,
  checkResponses: false,
  allowLocalWebhooks: false,
  clientIpSource: "socket",
};

let googleKeys: JWTVerifyGetKey | undefined;

/** Fills the defaults; a missing database answers 503 only on routes that need it. */
export function resolveDeps(deps: AppDeps): Deps {
  return {
    get db(): Db {
      if (!deps.db)
        throw new ApiError(503, "no_database", "This server has no database configured");
      return deps.db;
    },
    now: deps.now ?? (() => new Date()),
    config: { ...DEFAULT_CONFIG, ...deps.config },
    get googleKeys() {
      if (deps.googleKeys) return deps.googleKeys;
      googleKeys ??= createRemoteJWKSet(new URL(GOOGLE_JWKS_URL));
      return googleKeys;
    },
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    mail: deps.mail ?? outboxOnlyTransport,
    storage: deps.storage,
    fonts: deps.fonts,
  };
}
