-- Foundation schema. No raw PGN, surname, initials or birth date is ever stored: only keyed hashes.

CREATE TABLE institutions (
  brin TEXT PRIMARY KEY CHECK (brin GLOB '[0-9][0-9][A-Z][A-Z]'),
  name TEXT NOT NULL,
  -- Whether bedrijfsgroep students still count in this institution's response overview.
  bedrijfsgroep_in_respons INTEGER NOT NULL DEFAULT 1 CHECK (bedrijfsgroep_in_respons IN (0, 1))
);

-- The DUO population per reference date (peildatum). pgn_key is HMAC-SHA256(secret, PGN).
CREATE TABLE population (
  id INTEGER PRIMARY KEY,
  peildatum TEXT NOT NULL,
  brin TEXT NOT NULL REFERENCES institutions(brin),
  pgn_key BLOB NOT NULL,
  crebo TEXT NOT NULL,
  leerweg TEXT NOT NULL CHECK (leerweg IN ('BOL', 'BBL')),
  niveau INTEGER NOT NULL CHECK (niveau BETWEEN 1 AND 4),
  geslacht TEXT CHECK (geslacht IN ('M', 'V', 'X')),
  -- Keyed hash of the first initial, only to tell twins apart.
  initial_key BLOB,
  UNIQUE (peildatum, brin, pgn_key)
);
CREATE INDEX population_brin ON population (peildatum, brin);

-- Keyed hashes of (brin, birth date, one accepted spelling of the surname) -> student.
CREATE TABLE login_keys (
  key BLOB NOT NULL,
  population_id INTEGER NOT NULL REFERENCES population(id) ON DELETE CASCADE,
  PRIMARY KEY (key, population_id)
) WITHOUT ROWID;
CREATE INDEX login_keys_population ON login_keys (population_id);

CREATE TABLE label_files (
  id INTEGER PRIMARY KEY,
  brin TEXT NOT NULL REFERENCES institutions(brin),
  file_name TEXT NOT NULL,
  file_date TEXT,
  received_at TEXT NOT NULL,
  row_count INTEGER NOT NULL
);
CREATE INDEX label_files_brin ON label_files (brin);

CREATE TABLE labels (
  label_file_id INTEGER NOT NULL REFERENCES label_files(id) ON DELETE CASCADE,
  pgn_key BLOB NOT NULL,
  bedrijfsgroep TEXT,
  respons_1 TEXT, respons_2 TEXT, respons_3 TEXT,
  analyse_1 TEXT, analyse_2 TEXT, analyse_3 TEXT,
  PRIMARY KEY (label_file_id, pgn_key)
) WITHOUT ROWID;

-- One response per student per institution. Background data is copied at start so the response
-- stays meaningful when a later population import replaces the rows.
CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  brin TEXT NOT NULL REFERENCES institutions(brin),
  pgn_key BLOB NOT NULL,
  questionnaire_version TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT,
  current_page TEXT,
  crebo TEXT, leerweg TEXT, niveau INTEGER, geslacht TEXT,
  label_file_id INTEGER REFERENCES label_files(id),
  bedrijfsgroep TEXT,
  respons_1 TEXT, respons_2 TEXT, respons_3 TEXT,
  analyse_1 TEXT, analyse_2 TEXT, analyse_3 TEXT,
  UNIQUE (brin, pgn_key)
);
CREATE INDEX responses_brin_status ON responses (brin, status);

CREATE TABLE answers (
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  value TEXT, -- JSON; NULL when the student cleared the answer
  seq INTEGER NOT NULL,
  client_changed_at TEXT,
  received_at TEXT NOT NULL,
  PRIMARY KEY (response_id, question_id)
) WITHOUT ROWID;

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  token_hash BLOB PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_response ON sessions (response_id);
