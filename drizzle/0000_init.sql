CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`actor_username` text,
	`action` text NOT NULL,
	`target` text,
	`summary` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`);--> statement-breakpoint
CREATE INDEX `audit_target_idx` ON `audit_log` (`target`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `offices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`level` text NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`hire_date` text NOT NULL,
	`team_id` integer,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_team_idx` ON `users` (`team_id`);--> statement-breakpoint
CREATE TABLE `account_notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`author` text NOT NULL,
	`category` text DEFAULT 'contact' NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notes_account_idx` ON `account_notes` (`account_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer NOT NULL,
	`premise_id` integer NOT NULL,
	`holder_type` text NOT NULL,
	`status` text NOT NULL,
	`cash_only_until` text,
	`autopay` integer DEFAULT false NOT NULL,
	`deposit_held_cents` integer DEFAULT 0 NOT NULL,
	`opened_on` text NOT NULL,
	`closed_on` text,
	`profile` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`premise_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_number_uq` ON `accounts` (`number`);--> statement-breakpoint
CREATE INDEX `accounts_customer_idx` ON `accounts` (`customer_id`);--> statement-breakpoint
CREATE INDEX `accounts_premise_idx` ON `accounts` (`premise_id`);--> statement-breakpoint
CREATE TABLE `authorised_contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`name` text NOT NULL,
	`relationship` text NOT NULL,
	`scope` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `batches` (
	`id` integer PRIMARY KEY NOT NULL,
	`drawer_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`status` text NOT NULL,
	`float_cents` integer NOT NULL,
	`opened_by` text NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`drawer_id`) REFERENCES `drawers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `batches_drawer_idx` ON `batches` (`drawer_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `bills` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`bill_date` text NOT NULL,
	`due_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`water_usage` integer NOT NULL,
	`electric_kwh` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bills_account_idx` ON `bills` (`account_id`,`bill_date`);--> statement-breakpoint
CREATE TABLE `cash_over_short` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`explanation` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text,
	`ssn_last4` text NOT NULL,
	`pin` text NOT NULL,
	`preferred_language` text DEFAULT 'en' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `drawers` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`location` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`posted_at` integer NOT NULL,
	`posted_on` text NOT NULL,
	`kind` text NOT NULL,
	`tender` text,
	`amount_cents` integer NOT NULL,
	`memo` text NOT NULL,
	`corrects_id` integer,
	`batch_id` integer,
	`ref` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_account_idx` ON `ledger_entries` (`account_id`,`posted_at`);--> statement-breakpoint
CREATE INDEX `ledger_corrects_idx` ON `ledger_entries` (`corrects_id`);--> statement-breakpoint
CREATE TABLE `meter_reads` (
	`id` integer PRIMARY KEY NOT NULL,
	`meter_id` integer NOT NULL,
	`read_on` text NOT NULL,
	`reading` integer NOT NULL,
	`estimated` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meter_reads_meter_idx` ON `meter_reads` (`meter_id`);--> statement-breakpoint
CREATE TABLE `meters` (
	`id` integer PRIMARY KEY NOT NULL,
	`premise_id` integer NOT NULL,
	`serial` text NOT NULL,
	`service` text NOT NULL,
	FOREIGN KEY (`premise_id`) REFERENCES `premises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`issued_on` text NOT NULL,
	`lockoff_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`address_ok` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_account_idx` ON `notices` (`account_id`);--> statement-breakpoint
CREATE TABLE `payment_inbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_number` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`channel` text NOT NULL,
	`received_at` integer NOT NULL,
	`posted_entry_id` integer
);
--> statement-breakpoint
CREATE INDEX `inbox_account_idx` ON `payment_inbox` (`account_number`);--> statement-breakpoint
CREATE TABLE `premises` (
	`id` integer PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`unit` text,
	`city` text NOT NULL,
	`zip` text NOT NULL,
	`owner_name` text NOT NULL,
	`services` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `premises_address_idx` ON `premises` (`address`);--> statement-breakpoint
CREATE TABLE `protections` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`details` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protections_account_idx` ON `protections` (`account_id`);--> statement-breakpoint
CREATE TABLE `sandbox_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `work_orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`scheduled_for` text NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`resolved_at` integer,
	`memo` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_orders_account_idx` ON `work_orders` (`account_id`);