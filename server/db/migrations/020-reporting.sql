-- Reporting (issues 13 and 14): cleaning runs with a verdict per completed response, the answer tallies a run
-- leaves for the national figures, and the indexes the response overview reads through.

-- A cleaning run judges every completed response with one version of the rules. Runs are never removed: a
-- re-run with other rules adds a run, and the report of what moved compares it with the one before. Results
-- read the latest 'done' run; a run stopped halfway stays 'running' and is never read.
CREATE TABLE cleaning_runs (
  id INTEGER PRIMARY KEY,
  rules_version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  judged INTEGER,
  clean INTEGER
);
CREATE INDEX cleaning_runs_done ON cleaning_runs (status, id);

CREATE TABLE cleaning_verdicts (
  run_id INTEGER NOT NULL REFERENCES cleaning_runs(id),
  response_id INTEGER NOT NULL REFERENCES responses(id),
  -- One bit per failed rule (1 too_few_answered, 2 too_fast, 4 straightlining); 0 is clean.
  reasons INTEGER NOT NULL CHECK (reasons BETWEEN 0 AND 7),
  -- Clean and not in a bedrijfsgroep when the run judged it: the responses the run's figures count.
  in_results INTEGER NOT NULL CHECK (in_results IN (0, 1)),
  -- The verdict with the figures that failed each rule, as JSON.
  verdict TEXT NOT NULL,
  PRIMARY KEY (run_id, response_id)
) WITHOUT ROWID;

-- Answer tallies of a run's responses in results, per institution and per fieldwork week of the whole country,
-- per question (a question's versions that differ are apart: row_key is the question id, with '@<version>' where
-- it changed). The national figures and the national suppression pattern come from these, so one institution's
-- results never read every answer in the country. Module questions are in no national tally.
CREATE TABLE cleaning_tallies (
  run_id INTEGER NOT NULL REFERENCES cleaning_runs(id),
  scope TEXT NOT NULL CHECK (scope IN ('institution', 'week')),
  key TEXT NOT NULL,
  row_key TEXT NOT NULL,
  tally TEXT NOT NULL,
  PRIMARY KEY (run_id, scope, key, row_key)
) WITHOUT ROWID;

-- The response overview counts responses per institution, status, bedrijfsgroep and hour of completion: this
-- index answers that without reading the rows. It replaces (brin, status), its prefix. An answer save changes
-- none of its columns (only updated_at and the answers), so saves do not maintain it (bench/reporting.ts measures).
DROP INDEX responses_brin_status;
CREATE INDEX responses_overview ON responses (brin, status, bedrijfsgroep, completed_at);

-- Bedrijfsgroep rows of a label file, for institutions that leave them out of the overview.
CREATE INDEX labels_bedrijfsgroep ON labels (label_file_id, pgn_key) WHERE bedrijfsgroep IS NOT NULL;
