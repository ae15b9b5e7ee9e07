ALTER TABLE `notifications` ADD `title_en` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `body_en` text;