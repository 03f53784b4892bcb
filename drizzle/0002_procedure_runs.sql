CREATE TABLE `incident_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`reported_by` integer NOT NULL,
	`run_id` integer,
	`account_number` text,
	`summary` text NOT NULL,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `procedure_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `procedure_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`procedure` text NOT NULL,
	`machine_version` integer NOT NULL,
	`revision` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`supervisor_id` integer,
	`status` text NOT NULL,
	`abandon_reason` text,
	`subject` text,
	`input` text NOT NULL,
	`snapshot` text NOT NULL,
	`step_id` text,
	`version` integer NOT NULL,
	`effects_applied` integer NOT NULL,
	`outcome` text,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supervisor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `runs_owner_idx` ON `procedure_runs` (`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `runs_status_idx` ON `procedure_runs` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `run_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`type` text NOT NULL,
	`event` text NOT NULL,
	`applied` integer NOT NULL,
	`refusal` text,
	`step_id` text,
	FOREIGN KEY (`run_id`) REFERENCES `procedure_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_events_seq_uq` ON `run_events` (`run_id`,`seq`);--> statement-breakpoint
CREATE TABLE `lockoff_pulls` (
	`id` integer PRIMARY KEY NOT NULL,
	`lockoff_date` text NOT NULL,
	`account_number` text NOT NULL,
	`code` text NOT NULL,
	`memo` text,
	`at` integer NOT NULL,
	`run_id` integer
);
--> statement-breakpoint
CREATE INDEX `lockoff_pulls_date_idx` ON `lockoff_pulls` (`lockoff_date`);--> statement-breakpoint
CREATE TABLE `vault_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`drawer_name` text NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	`run_id` integer
);
--> statement-breakpoint
ALTER TABLE `batches` ADD `deposit_cents` integer;--> statement-breakpoint
ALTER TABLE `batches` ADD `bag_number` text;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `ref` text;--> statement-breakpoint
CREATE INDEX `work_orders_ref_idx` ON `work_orders` (`ref`);--> statement-breakpoint
CREATE INDEX `ledger_ref_idx` ON `ledger_entries` (`ref`);