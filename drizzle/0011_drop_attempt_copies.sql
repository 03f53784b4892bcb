ALTER TABLE `scenario_attempts` DROP COLUMN `scenario`;--> statement-breakpoint
ALTER TABLE `scenario_attempts` DROP COLUMN `policy`;