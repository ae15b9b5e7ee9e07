-- Custom migration (drizzle-kit generate --custom): the account audit trail is append-only.
CREATE TRIGGER `account_events_no_update` BEFORE UPDATE ON `account_events`
BEGIN
  SELECT RAISE(ABORT, 'account_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `account_events_no_delete` BEFORE DELETE ON `account_events`
BEGIN
  SELECT RAISE(ABORT, 'account_events is append-only');
END;
