CREATE TABLE `attempt_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`at` integer NOT NULL,
	`event_seq` integer,
	`body` text NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `scenario_attempts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempt_comments_attempt_idx` ON `attempt_comments` (`attempt_id`,`at`);--> statement-breakpoint
CREATE TABLE `attempt_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`entry` text NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `scenario_attempts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_events_seq_uq` ON `attempt_events` (`attempt_id`,`seq`);--> statement-breakpoint
ALTER TABLE `procedure_runs` ADD `kind` text DEFAULT 'live' NOT NULL;