-- Label imports (issue 6): what the check report said about each accepted file, kept for audit next to the
-- file itself. Rejected files are never stored. The current file is still derived (date in name, then arrival).
ALTER TABLE label_files ADD COLUMN sha256 TEXT;
ALTER TABLE label_files ADD COLUMN matched INTEGER;
ALTER TABLE label_files ADD COLUMN not_in_population INTEGER;
ALTER TABLE label_files ADD COLUMN zonder_label INTEGER;
ALTER TABLE label_files ADD COLUMN responses_changed INTEGER;
-- The check report as JSON (warnings, counts); it never holds a PGN, only row and column numbers.
ALTER TABLE label_files ADD COLUMN report TEXT;
