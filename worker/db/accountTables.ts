import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, time } from "./columns";

// Companies, groups, people and what they sign in with; mail and the bell.
// Emails are stored lower-cased.

export const ROLES = ["companyOwner", "groupOwner", "member", "partner"] as const;
export type Role = (typeof ROLES)[number];

export const companies = sqliteTable("companies", {
  id: id(),
  name: text("name").notNull(),
  /** The paid option for monthly fixed fees with an hour range (時間幅・超過/控除). */
  hourRangeEnabled: integer("hour_range_enabled", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const groups = sqliteTable(
  "groups",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("groups_company_name").on(t.companyId, t.name)],
);

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  /** `pbkdf2-sha256$<iterations>$<salt>$<hash>`; null for Google-only accounts. */
  passwordHash: text("password_hash"),
  googleSubject: text("google_subject").unique(),
  emailVerifiedAt: time("email_verified_at"),
  termsVersion: text("terms_version").notNull(),
  /** Consent to the terms, privacy policy and electronic delivery of subcontract records. */
  consentedAt: time("consented_at").notNull(),
  /** 基本情報: shown on orders and invoices. Null until registered. */
  fullName: text("full_name"),
  partnerKind: text("partner_kind", { enum: ["individual", "corporation"] }),
  /** 適格請求書発行事業者登録番号, T + 13 digits, check digit verified. */
  registrationNumber: text("registration_number"),
  /** The National Tax Agency register's answer for that number, as JSON. */
  registrationLookup: text("registration_lookup", { mode: "json" }).$type<RegistrationLookup>(),
  nonResident: integer("non_resident", { mode: "boolean" }).notNull().default(false),
  address: text("address"),
  phone: text("phone"),
  createdAt: createdAt(),
});

export type RegistrationLookup = {
  status: "current" | "expired" | "revoked" | "notFound" | "unverified";
  name?: string;
  message: string;
  checkedAt: string;
};

export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    /** Null for the company owner, who belongs to the whole company. */
    groupId: text("group_id").references(() => groups.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_company_group").on(t.userId, t.companyId, t.groupId),
    index("memberships_group").on(t.groupId),
  ],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id),
    email: text("email").notNull(),
    role: text("role", { enum: ["groupOwner", "member", "partner"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: time("expires_at").notNull(),
    acceptedAt: time("accepted_at"),
    acceptedBy: text("accepted_by").references(() => users.id),
    revokedAt: time("revoked_at"),
    sentAt: time("sent_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_group").on(t.groupId)],
);

/** Single-use links sent by mail: email verification, password reset, change of address. */
export const emailTokens = sqliteTable("email_tokens", {
  id: id(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  purpose: text("purpose", { enum: ["verifyEmail", "resetPassword", "changeEmail"] }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /** changeEmail: the address the account moves to once the link mailed to it is used. */
  newEmail: text("new_email"),
  expiresAt: time("expires_at").notNull(),
  usedAt: time("used_at"),
  createdAt: createdAt(),
});

/** Browser sessions and long-lived API tokens, stored only as SHA-256 hashes. */
export const authTokens = sqliteTable(
  "auth_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["session", "api"] }).notNull(),
    name: text("name"),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so a user can tell tokens apart in a list. */
    prefix: text("prefix").notNull(),
    expiresAt: time("expires_at"),
    lastUsedAt: time("last_used_at"),
    revokedAt: time("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("auth_tokens_user").on(t.userId)],
);

/**
 * Sign-in throttling: one row per key ("address:<email>" and "client:<email>|<ip>"). Each
 * attempt claims the key in one conditional upsert, counting itself a failure in advance, so
 * parallel attempts cannot all pass a check made before any of them is counted. Times in ms.
 */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  /** When the last attempt claimed the key; a quiet window starts the count again. */
  lastAt: integer("last_at").notNull(),
  /** No attempt is checked before this instant; attempts before it are answered 429. */
  nextAt: integer("next_at").notNull(),
});

export const ACCOUNT_EVENTS = [
  "passwordResetRequested",
  "passwordReset",
  "emailChangeRequested",
  "emailChanged",
  "signedOutEverywhere",
] as const;
export type AccountEvent = (typeof ACCOUNT_EVENTS)[number];

/**
 * The audit trail of account recovery, per address rather than per company (a user may
 * belong to none or several): append-only (triggers refuse UPDATE and DELETE). A reset asked
 * for an address without an account is recorded too, with no user, so throttling it answers
 * exactly as for a real one.
 */
export const accountEvents = sqliteTable(
  "account_events",
  {
    id: id(),
    userId: text("user_id").references(() => users.id),
    /** The address the event concerns, lower-cased: the one a reset was asked for, or the new one. */
    email: text("email").notNull(),
    event: text("event", { enum: ACCOUNT_EVENTS }).notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, string | number>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("account_events_email").on(t.email, t.event, t.createdAt),
    index("account_events_user").on(t.userId, t.createdAt),
  ],
);

export const bankAccounts = sqliteTable(
  "bank_accounts",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["domestic", "overseas"] }).notNull(),
    bankCode: text("bank_code"),
    bankName: text("bank_name").notNull(),
    branchCode: text("branch_code"),
    branchName: text("branch_name").notNull(),
    /** 普通 / 当座 / 貯蓄 for domestic accounts. */
    accountType: text("account_type", { enum: ["ordinary", "checking", "savings"] }),
    accountNumber: text("account_number").notNull(),
    /** Half-width katakana as banks print it, for domestic accounts. */
    holderName: text("holder_name").notNull(),
    swiftCode: text("swift_code"),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("bank_accounts_user").on(t.userId)],
);

/** Every mail, written here first and sent by one sender. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    template: text("template").notNull(),
    sentAt: time("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_unsent").on(t.sentAt)],
);

/** The bell. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    /** Japanese, the product's first language; English beside it (null on rows before it). */
    title: text("title").notNull(),
    body: text("body").notNull(),
    titleEn: text("title_en"),
    bodyEn: text("body_en"),
    link: text("link"),
    readAt: time("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user").on(t.userId, t.readAt)],
);
