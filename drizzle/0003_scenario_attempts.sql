CREATE TABLE `scenario_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`scenario_version` integer NOT NULL,
	`procedure` text NOT NULL,
	`level` text NOT NULL,
	`seed` integer NOT NULL,
	`machine_version` integer NOT NULL,
	`scenario` text NOT NULL,
	`policy` text NOT NULL,
	`run_id` integer,
	`status` text NOT NULL,
	`events` text,
	`score` integer,
	`max_score` integer,
	`passed` integer,
	`competencies` text NOT NULL,
	`result` text,
	`assignment_id` integer,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `procedure_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempts_user_idx` ON `scenario_attempts` (`user_id`,`finished_at`);--> statement-breakpoint
CREATE INDEX `attempts_scenario_idx` ON `scenario_attempts` (`scenario_id`);