CREATE TABLE `assignment_assignees` (
	`assignment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`assignment_id`, `user_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignees_user_idx` ON `assignment_assignees` (`user_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assigned_by` integer,
	`assigned_at` integer NOT NULL,
	`due_date` text NOT NULL,
	`note` text NOT NULL,
	`kind` text NOT NULL,
	`path_id` text,
	`competency_id` text,
	`scenario_ids` text NOT NULL,
	`target_label` text NOT NULL,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `competency_observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`observer_id` integer NOT NULL,
	`at` integer NOT NULL,
	`note` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`observer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observations_user_idx` ON `competency_observations` (`user_id`,`competency_id`);--> statement-breakpoint
CREATE TABLE `competency_signoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`signed_by` integer NOT NULL,
	`signed_at` integer NOT NULL,
	`note` text NOT NULL,
	`framework_version` integer NOT NULL,
	`revisions` text NOT NULL,
	`evidence` text NOT NULL,
	`requirements_met` integer NOT NULL,
	`override_reason` text,
	`ended_at` integer,
	`ended_by` integer,
	`end_kind` text,
	`end_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signoffs_active_uq` ON `competency_signoffs` (`user_id`,`competency_id`) WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX `signoffs_user_idx` ON `competency_signoffs` (`user_id`,`competency_id`,`signed_at`);--> statement-breakpoint
CREATE TABLE `framework_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`note` text NOT NULL,
	`requirements` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`from_level` text NOT NULL,
	`to_level` text NOT NULL,
	`at` integer NOT NULL,
	`by` integer NOT NULL,
	`ready` integer NOT NULL,
	`override_reason` text,
	`note` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promotions_user_idx` ON `promotions` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `signoff_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`requested_at` integer NOT NULL,
	`closed_at` integer,
	`closed_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signoff_requests_open_uq` ON `signoff_requests` (`user_id`,`competency_id`) WHERE closed_at IS NULL;--> statement-breakpoint
CREATE TABLE `xapi_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` text NOT NULL,
	`source` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`tries` integer DEFAULT 0 NOT NULL,
	`next_try_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `xapi_outbox_statement_uq` ON `xapi_outbox` (`statement_id`);--> statement-breakpoint
CREATE INDEX `xapi_outbox_pending_idx` ON `xapi_outbox` (`sent_at`,`next_try_at`);--> statement-breakpoint
-- Sign-off history is append-only: a sign-off row is never deleted, and the only change allowed is
-- ending it once (revoked with a reason, or superseded by a re-sign-off).
CREATE TRIGGER competency_signoffs_no_delete BEFORE DELETE ON competency_signoffs
BEGIN
	SELECT RAISE(ABORT, 'sign-off history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER competency_signoffs_end_once BEFORE UPDATE ON competency_signoffs
WHEN OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL OR NEW.ended_by IS NULL OR NEW.end_kind IS NULL
	OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.competency_id IS NOT OLD.competency_id
	OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at OR NEW.note IS NOT OLD.note
	OR NEW.framework_version IS NOT OLD.framework_version OR NEW.revisions IS NOT OLD.revisions
	OR NEW.evidence IS NOT OLD.evidence OR NEW.requirements_met IS NOT OLD.requirements_met
	OR NEW.override_reason IS NOT OLD.override_reason
BEGIN
	SELECT RAISE(ABORT, 'a sign-off can only be ended once; record a new sign-off instead');
END;
--> statement-breakpoint
CREATE TRIGGER competency_observations_no_update BEFORE UPDATE ON competency_observations
BEGIN
	SELECT RAISE(ABORT, 'observation notes are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER competency_observations_no_delete BEFORE DELETE ON competency_observations
BEGIN
	SELECT RAISE(ABORT, 'observation notes are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER promotions_no_update BEFORE UPDATE ON promotions
BEGIN
	SELECT RAISE(ABORT, 'promotions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER promotions_no_delete BEFORE DELETE ON promotions
BEGIN
	SELECT RAISE(ABORT, 'promotions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER framework_versions_no_update BEFORE UPDATE ON framework_versions
BEGIN
	SELECT RAISE(ABORT, 'a framework version is never edited; publish a new version');
END;
