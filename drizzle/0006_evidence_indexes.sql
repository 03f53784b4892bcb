ALTER TABLE `procedure_runs` ADD `evidence_version` integer;--> statement-breakpoint
ALTER TABLE `procedure_runs` ADD `evidences` text;--> statement-breakpoint
ALTER TABLE `procedure_runs` ADD `not_clean` text;--> statement-breakpoint
CREATE INDEX `runs_evidence_idx` ON `procedure_runs` (`owner_id`,`kind`,`status`,`evidence_version`,`completed_at`,`id`,`procedure`,`evidences`,`not_clean`);--> statement-breakpoint
ALTER TABLE `scenario_attempts` ADD `faults_found` text;--> statement-breakpoint
ALTER TABLE `scenario_attempts` ADD `faults_missed` text;--> statement-breakpoint
CREATE INDEX `attempts_evidence_idx` ON `scenario_attempts` (`user_id`,`scenario_id`,`procedure`,`competencies`,`passed`,`finished_at`,`status`,`id`,`score`,`max_score`,`faults_found`,`faults_missed`);--> statement-breakpoint
CREATE INDEX `incidents_run_idx` ON `incident_reports` (`run_id`);--> statement-breakpoint
CREATE INDEX `contacts_account_idx` ON `authorised_contacts` (`account_id`);