CREATE TABLE `attempt_summaries` (
	`user_id` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`procedure` text NOT NULL,
	`competencies` text NOT NULL,
	`passed_count` integer NOT NULL,
	`passed_id` integer,
	`passed_at` integer,
	`fault_found` integer NOT NULL,
	`failed_count` integer NOT NULL,
	`failed_id` integer,
	`failed_at` integer,
	PRIMARY KEY(`user_id`, `scenario_id`, `procedure`, `competencies`)
);
--> statement-breakpoint
CREATE TABLE `missed_fault_counts` (
	`user_id` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`fault_id` text NOT NULL,
	`missed` integer NOT NULL,
	PRIMARY KEY(`user_id`, `scenario_id`, `fault_id`)
);
