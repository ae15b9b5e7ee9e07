CREATE TABLE `approval_routes` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`group_id` text NOT NULL,
	`document_type` text NOT NULL,
	`name` text NOT NULL,
	`steps` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_routes_group_type` ON `approval_routes` (`group_id`,`document_type`);--> statement-breakpoint
ALTER TABLE `invoices` ADD `approval` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `approval_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `purchase_orders` ADD `approval` text;--> statement-breakpoint
ALTER TABLE `purchase_orders` ADD `approval_version` integer DEFAULT 0 NOT NULL;