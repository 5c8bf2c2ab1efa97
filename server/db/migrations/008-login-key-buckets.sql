-- Login keys move into a hash table of buckets: per peildatum one row per 2-byte key prefix, holding every key
-- with that prefix as 20-byte entries (the first 16 bytes of the key's HMAC, still 128 bits, then the population
-- id as 4 bytes big-endian). Why: SQLite's B-tree costs 1.5-4 us per inserted key row even in sorted order, so
-- the 1.4 million login keys of a 600,000-student import took several seconds; 65,536 bucket rows take a
-- fraction of that, and a login reads one bucket (~22 entries at 600,000 students) by primary key.
-- Existing keys are converted; the population id was a foreign key, it is now kept by the code that writes and
-- deletes a peildatum's population and its buckets together (server/db/population.ts).
CREATE TABLE login_key_buckets (
  peildatum TEXT NOT NULL,
  prefix BLOB NOT NULL,
  entries BLOB NOT NULL,
  PRIMARY KEY (peildatum, prefix)
) WITHOUT ROWID;
INSERT INTO login_key_buckets (peildatum, prefix, entries)
  SELECT p.peildatum, substr(k.key, 1, 2), unhex(group_concat(hex(substr(k.key, 1, 16)) || printf('%08X', k.population_id), ''))
  FROM login_keys k JOIN population p ON p.id = k.population_id
  GROUP BY p.peildatum, substr(k.key, 1, 2);
DROP TABLE login_keys;

-- The keys as rows again, for reading by hand and in tests (not used by the application).
CREATE VIEW login_keys (peildatum, key, population_id) AS
  WITH RECURSIVE entry (peildatum, entries, i) AS (
    SELECT peildatum, entries, 0 FROM login_key_buckets
    UNION ALL
    SELECT peildatum, entries, i + 1 FROM entry WHERE (i + 1) * 20 < length(entries)
  ),
  split (peildatum, key, h) AS (SELECT peildatum, substr(entries, i * 20 + 1, 16), hex(substr(entries, i * 20 + 17, 4)) FROM entry)
  SELECT peildatum, key,
    (instr('0123456789ABCDEF', substr(h, 1, 1)) - 1) * 268435456 + (instr('0123456789ABCDEF', substr(h, 2, 1)) - 1) * 16777216 +
    (instr('0123456789ABCDEF', substr(h, 3, 1)) - 1) * 1048576 + (instr('0123456789ABCDEF', substr(h, 4, 1)) - 1) * 65536 +
    (instr('0123456789ABCDEF', substr(h, 5, 1)) - 1) * 4096 + (instr('0123456789ABCDEF', substr(h, 6, 1)) - 1) * 256 +
    (instr('0123456789ABCDEF', substr(h, 7, 1)) - 1) * 16 + (instr('0123456789ABCDEF', substr(h, 8, 1)) - 1)
  FROM split;

-- Its first two columns of the UNIQUE (peildatum, brin, pgn_key) index serve every (peildatum, brin) query;
-- one index less to build on import.
DROP INDEX population_brin;
