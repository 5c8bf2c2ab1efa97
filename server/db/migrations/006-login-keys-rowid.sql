-- login_keys becomes a plain rowid table with its lookup index kept apart, so the population import can drop
-- the indexes, append 2.6 million rows and build the indexes by sorting afterwards: much faster than inserting
-- random 32-byte keys into a B-tree one by one. The (key, population_id) index covers the login lookup.
-- The index definitions are repeated in server/db/population.ts (LOGIN_KEY_INDEXES): keep them the same.
CREATE TABLE login_keys_new (
  key BLOB NOT NULL,
  population_id INTEGER NOT NULL REFERENCES population(id) ON DELETE CASCADE
);
INSERT INTO login_keys_new (key, population_id) SELECT key, population_id FROM login_keys;
DROP TABLE login_keys;
ALTER TABLE login_keys_new RENAME TO login_keys;
CREATE UNIQUE INDEX login_keys_key ON login_keys (key, population_id);
CREATE INDEX login_keys_population ON login_keys (population_id);
