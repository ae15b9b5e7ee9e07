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
CREATE UNIQUE INDEX `contract_renewals_contract_sequence` ON `contract_renewals` (`contract_id`,`sequence`);