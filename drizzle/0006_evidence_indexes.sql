ALTER TABLE `scenario_attempts` ADD `faults_found` text;--> statement-breakpoint
ALTER TABLE `scenario_attempts` ADD `faults_missed` text;--> statement-breakpoint
CREATE INDEX `attempts_evidence_idx` ON `scenario_attempts` (`user_id`,`finished_at`,`id`,`status`,`scenario_id`,`procedure`,`passed`,`score`,`max_score`,`competencies`,`faults_found`,`faults_missed`);--> statement-breakpoint
CREATE INDEX `incidents_run_idx` ON `incident_reports` (`run_id`);--> statement-breakpoint
CREATE INDEX `runs_owner_kind_idx` ON `procedure_runs` (`owner_id`,`kind`,`status`,`completed_at`);--> statement-breakpoint
CREATE INDEX `contacts_account_idx` ON `authorised_contacts` (`account_id`);