CREATE TABLE `account_events` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`email` text NOT NULL,
	`event` text NOT NULL,
	`details` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_events_email` ON `account_events` (`email`,`event`,`created_at`);--> statement-breakpoint
CREATE INDEX `account_events_user` ON `account_events` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `contract_renewals` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`previous_end_date` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`term_months` integer NOT NULL,
	`condition_version_id` text NOT NULL,
	`order_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`condition_version_id`) REFERENCES `condition_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_renewals_contract_sequence` ON `contract_renewals` (`contract_id`,`sequence`);--> statement-breakpoint
ALTER TABLE `email_tokens` ADD `new_email` text;