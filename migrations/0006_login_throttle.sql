CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_at` integer NOT NULL,
	`next_at` integer NOT NULL
);
--> statement-breakpoint
DROP TABLE `login_attempts`;