CREATE TABLE `condition_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`version` integer NOT NULL,
	`effective_from` text NOT NULL,
	`cost_categories` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `condition_versions_contract_version` ON `condition_versions` (`contract_id`,`version`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`group_id` text NOT NULL,
	`partner_user_id` text NOT NULL,
	`title` text NOT NULL,
	`contract_type` text NOT NULL,
	`scope` text NOT NULL,
	`deliverables` text DEFAULT '' NOT NULL,
	`work_place` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`closing_day` integer NOT NULL,
	`payment_terms` text NOT NULL,
	`auto_renewal` integer DEFAULT false NOT NULL,
	`billing_mode` text NOT NULL,
	`confirmation_days` integer,
	`settlement_unit` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contracts_group` ON `contracts` (`group_id`);--> statement-breakpoint
CREATE INDEX `contracts_partner` ON `contracts` (`partner_user_id`);--> statement-breakpoint
CREATE TABLE `history_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` text NOT NULL,
	`document_type` text NOT NULL,
	`document_id` text NOT NULL,
	`document_number` text NOT NULL,
	`event` text NOT NULL,
	`actor_user_id` text,
	`actor_name` text NOT NULL,
	`occurred_at` text NOT NULL,
	`transaction_date` text NOT NULL,
	`amount` integer NOT NULL,
	`counterparty` text NOT NULL,
	`content_hash` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `history_company_seq` ON `history_events` (`company_id`,`seq`);--> statement-breakpoint
CREATE INDEX `history_company_date` ON `history_events` (`company_id`,`transaction_date`);--> statement-breakpoint
CREATE TABLE `purchase_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`condition_version_id` text NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`subject` text NOT NULL,
	`remarks` text DEFAULT '' NOT NULL,
	`hide_range_terms` integer DEFAULT false NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`document` text,
	`content_hash` text,
	`sent_at` integer,
	`decided_at` integer,
	`return_reason` text,
	`confirmation` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`condition_version_id`) REFERENCES `condition_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_company_number` ON `purchase_orders` (`company_id`,`number`);--> statement-breakpoint
CREATE INDEX `purchase_orders_contract` ON `purchase_orders` (`contract_id`);