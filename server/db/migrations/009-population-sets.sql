-- Population imports as sets: an import writes a new set in short transactions while it stays invisible
-- ('loading'), then makes it the current one in one small transaction ('ready'); the set it replaces is
-- 'retired' and removed afterwards in short steps. Students logging in and answering meanwhile never wait for
-- a long write. The current set is the ready one with the latest peildatum, then the latest import.
-- Login keys return to a plain indexed table: (set, key, student), the first 16 bytes of each key's HMAC.
CREATE TABLE population_sets (
  id INTEGER PRIMARY KEY,
  peildatum TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('loading', 'ready', 'retired')),
  created_at TEXT NOT NULL,
  students INTEGER
);
CREATE INDEX population_sets_current ON population_sets (status, peildatum, id);

INSERT INTO population_sets (peildatum, status, created_at, students)
  SELECT peildatum, 'ready', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), count(*) FROM population GROUP BY peildatum ORDER BY peildatum;

-- brin has no foreign key any more: the import writes a set's students before it names their institutions,
-- which it does when the set becomes current.
CREATE TABLE population_new (
  id INTEGER PRIMARY KEY,
  set_id INTEGER NOT NULL REFERENCES population_sets(id),
  peildatum TEXT NOT NULL,
  brin TEXT NOT NULL,
  pgn_key BLOB NOT NULL,
  crebo TEXT NOT NULL,
  leerweg TEXT NOT NULL CHECK (leerweg IN ('BOL', 'BBL')),
  niveau INTEGER NOT NULL CHECK (niveau BETWEEN 1 AND 4),
  geslacht TEXT CHECK (geslacht IN ('M', 'V', 'X')),
  initial_key BLOB,
  UNIQUE (set_id, brin, pgn_key)
);
INSERT INTO population_new (id, set_id, peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht, initial_key)
  SELECT p.id, s.id, p.peildatum, p.brin, p.pgn_key, p.crebo, p.leerweg, p.niveau, p.geslacht, p.initial_key
  FROM population p JOIN population_sets s ON s.peildatum = p.peildatum;

CREATE TABLE login_keys_new (
  set_id INTEGER NOT NULL,
  key BLOB NOT NULL,
  population_id INTEGER NOT NULL,
  PRIMARY KEY (set_id, key, population_id)
) WITHOUT ROWID;
INSERT INTO login_keys_new (set_id, key, population_id)
  SELECT s.id, k.key, k.population_id FROM login_keys k JOIN population_sets s ON s.peildatum = k.peildatum;

DROP VIEW login_keys;
DROP TABLE login_key_buckets;
DROP TABLE population;
ALTER TABLE population_new RENAME TO population;
ALTER TABLE login_keys_new RENAME TO login_keys;

-- The idle-session sweep is one DELETE over this index.
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

-- Label files are written the same way: 'loading' while their rows go in, then 'ready'.
ALTER TABLE label_files ADD COLUMN status TEXT NOT NULL DEFAULT 'ready' CHECK (status IN ('loading', 'ready'));
