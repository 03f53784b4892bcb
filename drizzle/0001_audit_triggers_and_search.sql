-- The audit log is append-only: no code path updates or deletes it, and the database refuses it too.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Money rows are never edited: a correction is a new entry pointing at the one it corrects.
-- (Deleting is left to the sandbox reset, which regenerates the whole sandbox.)
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
	SELECT RAISE(ABORT, 'ledger entries are never edited; post a correcting entry');
END;
--> statement-breakpoint
-- Account search (number, holder, service address) as-you-type: FTS5 with prefix indexes.
CREATE VIRTUAL TABLE account_search USING fts5(
	account_id UNINDEXED,
	number,
	holder,
	address,
	tokenize = 'unicode61',
	prefix = '1 2 3'
);
