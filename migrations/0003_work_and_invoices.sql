CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`purpose` text NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_invoice` ON `attachments` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text NOT NULL,
	`user_id` text NOT NULL,
	`route` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_user_key` ON `idempotency_keys` (`user_id`,`route`,`key`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`partner_user_id` text NOT NULL,
	`working_month` text NOT NULL,
	`kind` text NOT NULL,
	`number` text,
	`issuer_id` text NOT NULL,
	`status` text NOT NULL,
	`inputs` text NOT NULL,
	`figures` text,
	`document` text,
	`content_hash` text,
	`total` integer DEFAULT 0 NOT NULL,
	`due_date` text,
	`submitted_at` integer,
	`decided_at` integer,
	`accept_by` integer,
	`auto_accepted` integer DEFAULT false NOT NULL,
	`return_reason` text,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_contract_month_kind` ON `invoices` (`contract_id`,`working_month`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_issuer_number` ON `invoices` (`issuer_id`,`kind`,`number`);--> statement-breakpoint
CREATE INDEX `invoices_company_status` ON `invoices` (`company_id`,`status`);--> statement-breakpoint
CREATE TABLE `work_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`working_month` text NOT NULL,
	`client_row_id` text,
	`date` text NOT NULL,
	`cost_category_id` text NOT NULL,
	`start_minutes` integer,
	`end_minutes` integer,
	`break_minutes` integer DEFAULT 0 NOT NULL,
	`quantity_hundredths` integer,
	`skip_hours` integer DEFAULT false NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_entries_contract_month` ON `work_entries` (`contract_id`,`working_month`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `work_entries_client_row` ON `work_entries` (`contract_id`,`client_row_id`);