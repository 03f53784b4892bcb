-- attempt_summaries and missed_fault_counts (0008) hold facts about each person's finished attempts
-- (status 'finished' or 'timed_out' with a finish time) of each scenario, for the team matrix,
-- readiness and the most-missed-faults panel. The database keeps them, so every writer of attempts
-- (finishing, time-outs, a re-score, test fixtures, the benchmark's generator) keeps them exact, in
-- the writer's own transaction. A change to an attempt recomputes its person-and-scenario group from
-- the covering index attempts_evidence_idx (a few dozen rows), rather than adjusting running totals:
-- "latest passed attempt" cannot be decremented when an attempt is re-scored or deleted.
--
-- One place for the recomputation: inserting (user_id, scenario_id) into this never-populated view.
CREATE VIEW `attempt_summary_refresh` AS SELECT `user_id`, `scenario_id` FROM `attempt_summaries` WHERE 0;
--> statement-breakpoint
CREATE TRIGGER attempt_summary_refresh_group INSTEAD OF INSERT ON attempt_summary_refresh
BEGIN
	DELETE FROM attempt_summaries WHERE user_id = new.user_id AND scenario_id = new.scenario_id;
	INSERT INTO attempt_summaries (user_id, scenario_id, procedure, competencies, passed_count, passed_id, passed_at, fault_found, failed_count, failed_id, failed_at)
	SELECT user_id, scenario_id, procedure, competencies,
		count(CASE WHEN passed = 1 THEN 1 END), max(CASE WHEN passed = 1 THEN id END), max(CASE WHEN passed = 1 THEN finished_at END),
		coalesce(max(passed = 1 AND faults_found IS NOT NULL AND faults_found <> '[]'), 0),
		count(CASE WHEN passed IS NOT 1 THEN 1 END), max(CASE WHEN passed IS NOT 1 THEN id END), max(CASE WHEN passed IS NOT 1 THEN finished_at END)
	FROM scenario_attempts
	WHERE user_id = new.user_id AND scenario_id = new.scenario_id AND finished_at IS NOT NULL AND status IN ('finished', 'timed_out')
	GROUP BY procedure, competencies;
	DELETE FROM missed_fault_counts WHERE user_id = new.user_id AND scenario_id = new.scenario_id;
	-- Malformed JSON counts as no faults (json_each would otherwise fail the writer's transaction).
	INSERT INTO missed_fault_counts (user_id, scenario_id, fault_id, missed)
	SELECT new.user_id, new.scenario_id, f.value, count(*)
	FROM scenario_attempts a, json_each(CASE WHEN json_valid(a.faults_missed) THEN a.faults_missed ELSE '[]' END) f
	WHERE a.user_id = new.user_id AND a.scenario_id = new.scenario_id AND a.finished_at IS NOT NULL AND a.status IN ('finished', 'timed_out')
		AND a.faults_missed <> '[]' AND f.type = 'text'
	GROUP BY f.value;
END;
--> statement-breakpoint
CREATE TRIGGER attempt_summaries_on_insert AFTER INSERT ON scenario_attempts
WHEN new.finished_at IS NOT NULL AND new.status IN ('finished', 'timed_out')
BEGIN
	INSERT INTO attempt_summary_refresh (user_id, scenario_id) VALUES (new.user_id, new.scenario_id);
END;
--> statement-breakpoint
-- Only changes to what the summaries read (an in-progress attempt's other updates do not fire it).
CREATE TRIGGER attempt_summaries_on_update AFTER UPDATE OF user_id, scenario_id, procedure, competencies, passed, finished_at, status, faults_found, faults_missed ON scenario_attempts
WHEN (old.finished_at IS NOT NULL AND old.status IN ('finished', 'timed_out')) OR (new.finished_at IS NOT NULL AND new.status IN ('finished', 'timed_out'))
BEGIN
	INSERT INTO attempt_summary_refresh (user_id, scenario_id) VALUES (old.user_id, old.scenario_id);
	INSERT INTO attempt_summary_refresh (user_id, scenario_id) SELECT new.user_id, new.scenario_id WHERE new.user_id IS NOT old.user_id OR new.scenario_id IS NOT old.scenario_id;
END;
--> statement-breakpoint
CREATE TRIGGER attempt_summaries_on_delete AFTER DELETE ON scenario_attempts
WHEN old.finished_at IS NOT NULL AND old.status IN ('finished', 'timed_out')
BEGIN
	INSERT INTO attempt_summary_refresh (user_id, scenario_id) VALUES (old.user_id, old.scenario_id);
END;
--> statement-breakpoint
-- Backfill from the attempts finished before this migration (same rules as the refresh above).
INSERT INTO attempt_summaries (user_id, scenario_id, procedure, competencies, passed_count, passed_id, passed_at, fault_found, failed_count, failed_id, failed_at)
SELECT user_id, scenario_id, procedure, competencies,
	count(CASE WHEN passed = 1 THEN 1 END), max(CASE WHEN passed = 1 THEN id END), max(CASE WHEN passed = 1 THEN finished_at END),
	coalesce(max(passed = 1 AND faults_found IS NOT NULL AND faults_found <> '[]'), 0),
	count(CASE WHEN passed IS NOT 1 THEN 1 END), max(CASE WHEN passed IS NOT 1 THEN id END), max(CASE WHEN passed IS NOT 1 THEN finished_at END)
FROM scenario_attempts INDEXED BY attempts_evidence_idx
WHERE finished_at IS NOT NULL AND status IN ('finished', 'timed_out')
GROUP BY user_id, scenario_id, procedure, competencies;
--> statement-breakpoint
INSERT INTO missed_fault_counts (user_id, scenario_id, fault_id, missed)
SELECT a.user_id, a.scenario_id, f.value, count(*)
FROM scenario_attempts a INDEXED BY attempts_evidence_idx, json_each(CASE WHEN json_valid(a.faults_missed) THEN a.faults_missed ELSE '[]' END) f
WHERE a.finished_at IS NOT NULL AND a.status IN ('finished', 'timed_out') AND a.faults_missed <> '[]' AND f.type = 'text'
GROUP BY a.user_id, a.scenario_id, f.value;
