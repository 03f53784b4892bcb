-- The tracker's evidence (repos/training-evidence.ts) reads the faults an attempt found and missed from
-- two columns the covering index attempts_evidence_idx holds, not from the large `result` JSON: fill
-- them for attempts finished before this migration (the engine writes them with `result` from now on).
UPDATE scenario_attempts SET faults_found = json_extract(result, '$.faultsFound'), faults_missed = json_extract(result, '$.faultsMissed')
WHERE result IS NOT NULL AND json_valid(result);
--> statement-breakpoint
-- Runs of training attempts started before `kind` existed (migration 0005) were left 'live': mark them,
-- so the evidence query can take a person's live runs by kind (runs_evidence_idx) instead of
-- excluding every attempt's run with a scan of scenario_attempts.
UPDATE procedure_runs SET kind = 'attempt'
WHERE kind = 'live' AND id IN (SELECT run_id FROM scenario_attempts WHERE run_id IS NOT NULL);
