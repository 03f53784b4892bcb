CREATE TABLE `policy_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`policy` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_snapshots_policy_uq` ON `policy_snapshots` (`policy`);--> statement-breakpoint
CREATE TABLE `scenario_definitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scenario_id` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenario_definitions_data_uq` ON `scenario_definitions` (`data`);--> statement-breakpoint
ALTER TABLE `scenario_attempts` ADD `definition_id` integer REFERENCES scenario_definitions(id);--> statement-breakpoint
ALTER TABLE `scenario_attempts` ADD `world` text;--> statement-breakpoint
ALTER TABLE `scenario_attempts` ADD `policy_id` integer REFERENCES policy_snapshots(id);--> statement-breakpoint
-- Each attempt held its resolved scenario and policy snapshot in full (about 15 KB of a 36 KB
-- attempt, the same for every attempt of a scenario version). They move to the shared tables above;
-- the attempt keeps only the world its seed drew. 0011 then drops the old columns.
INSERT OR IGNORE INTO `policy_snapshots` (`policy`) SELECT `policy` FROM `scenario_attempts`;--> statement-breakpoint
INSERT OR IGNORE INTO `scenario_definitions` (`scenario_id`, `version`, `data`)
	SELECT `scenario_id`, `scenario_version`, json_remove(`scenario`, '$.seed', '$.world') FROM `scenario_attempts` WHERE json_valid(`scenario`) AND `scenario` <> '{}';--> statement-breakpoint
UPDATE `scenario_attempts` SET
	`world` = json_extract(`scenario`, '$.world'),
	`definition_id` = (SELECT d.`id` FROM `scenario_definitions` d WHERE d.`data` = json_remove(`scenario_attempts`.`scenario`, '$.seed', '$.world')),
	`policy_id` = (SELECT p.`id` FROM `policy_snapshots` p WHERE p.`policy` = `scenario_attempts`.`policy`)
	WHERE json_valid(`scenario`) AND `scenario` <> '{}';
