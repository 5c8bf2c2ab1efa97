// The DUO population: pseudonymised students per reference date and their login keys.
import type { Db } from './database.ts';

export interface PopulationRow {
  id: number;
  peildatum: string;
  brin: string;
  pgnKey: Buffer;
  crebo: string;
  leerweg: 'BOL' | 'BBL';
  niveau: number;
  geslacht: 'M' | 'V' | 'X' | null;
  initialKey: Buffer | null;
}

export interface NewPopulationRow extends Omit<PopulationRow, 'id'> {
  loginKeys: Buffer[];
}

/** Stored bytes of a login key: the first 16 of its HMAC-SHA256 (128 bits), as migration 008 says. */
export const LOGIN_KEY_BYTES = 16;
/** A bucket entry: the stored key, then the population id (4 bytes, big-endian). */
const ENTRY = LOGIN_KEY_BYTES + 4;
/**
 * Students for the bulk insert as packed columns: STUDENT_META bytes per student in `meta`, ASCII: BRIN (4),
 * crebo (5), leerweg (3), niveau (1), geslacht (M, V, X or "-"), "1" when it has an initial key, then one unused
 * byte; and 32 bytes per student in `pgnKeys` and `initialKeys`.
 */
export interface StudentBatch {
  count: number;
  meta: Uint8Array;
  pgnKeys: Uint8Array;
  initialKeys: Uint8Array;
}
export const STUDENT_META = 16;

const columns = `id, peildatum, brin, pgn_key AS pgnKey, crebo, leerweg, niveau, geslacht, initial_key AS initialKey`;

export function populationRepo(db: Db) {
  const currentPeildatum = db.prepare<[], { p: string | null }>('SELECT max(peildatum) AS p FROM population');
  const bucket = db.prepare<[string, Uint8Array], { entries: Buffer }>('SELECT entries FROM login_key_buckets WHERE peildatum = ? AND prefix = ?');
  // The login's one read of the keys: the current peildatum's bucket, the peildatum found in the same statement.
  const currentBucket = db.prepare<[Uint8Array], { entries: Buffer }>(
    'SELECT entries FROM login_key_buckets WHERE peildatum = (SELECT max(peildatum) FROM population) AND prefix = ?',
  );
  const byId = db.prepare<[number], PopulationRow>(`SELECT ${columns} FROM population WHERE id = ?`);
  const byPgn = db.prepare<[string, string, Buffer], PopulationRow>(
    `SELECT ${columns} FROM population WHERE peildatum = ? AND brin = ? AND pgn_key = ?`,
  );
  // Positional parameters: binding from an object by name costs measurably at 600,000 rows.
  const insert = db.prepare<[string, string, Buffer, string, string, number, string | null, Buffer | null]>(
    `INSERT INTO population (peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht, initial_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The bulk insert takes a batch of students as three blobs and cuts them into rows in SQL. Why: binding nine
  // values per student cost more than SQLite's own work (measured at 600,000 students: multi-row VALUES 3.7 s,
  // this 2.3 s, of which 1.65 s is SQLite's floor for these rows and their UNIQUE index). substr() of a blob
  // counts bytes, so each cut is O(1).
  const insertBatch = db.prepare<[{ count: number; firstId: number; peildatum: string; meta: Uint8Array; pgnKeys: Uint8Array; initialKeys: Uint8Array }]>(
    `INSERT INTO population (id, peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht, initial_key)
     WITH RECURSIVE i (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < @count)
     SELECT @firstId + n, @peildatum,
       CAST(substr(@meta, ${STUDENT_META} * n + 1, 4) AS TEXT),
       substr(@pgnKeys, 32 * n + 1, 32),
       CAST(substr(@meta, ${STUDENT_META} * n + 5, 5) AS TEXT),
       CAST(substr(@meta, ${STUDENT_META} * n + 10, 3) AS TEXT),
       CAST(CAST(substr(@meta, ${STUDENT_META} * n + 13, 1) AS TEXT) AS INTEGER),
       nullif(CAST(substr(@meta, ${STUDENT_META} * n + 14, 1) AS TEXT), '-'),
       CASE WHEN substr(@meta, ${STUDENT_META} * n + 15, 1) = x'31' THEN substr(@initialKeys, 32 * n + 1, 32) END
     FROM i`,
  );
  const insertBucket = db.prepare<[string, Uint8Array, Uint8Array]>('INSERT INTO login_key_buckets (peildatum, prefix, entries) VALUES (?, ?, ?)');
  const deleteBuckets = db.prepare<[string]>('DELETE FROM login_key_buckets WHERE peildatum = ?');
  const deletePeildatum = db.prepare<[string]>('DELETE FROM population WHERE peildatum = ?');
  // When the peildatum is the only one stored, both tables are emptied by a DELETE without WHERE, which SQLite
  // runs as a truncate (it frees the pages instead of removing 600,000 rows and their index entries one by one).
  const onlyPeildatum = db.prepare<[string, string], { only: number }>('SELECT (min(peildatum) = ? AND max(peildatum) = ?) AS only FROM population');
  const deleteAllBuckets = db.prepare('DELETE FROM login_key_buckets');
  const deleteAll = db.prepare('DELETE FROM population');
  const maxId = db.prepare<[], { m: number | null }>('SELECT max(id) AS m FROM population');
  const countPeildatum = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM population WHERE peildatum = ?');
  const countByBrin = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM population WHERE peildatum = ? AND brin = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM population');

  /** Returns the number of students removed. */
  const removePeildatum = (peildatum: string): number => {
    if (onlyPeildatum.get(peildatum, peildatum)?.only === 1) {
      deleteAllBuckets.run();
      return deleteAll.run().changes;
    }
    deleteBuckets.run(peildatum);
    return deletePeildatum.run(peildatum).changes;
  };

  /**
   * Writes the login keys of one peildatum (none stored yet): `keys` holds LOGIN_KEY_BYTES per key (or more: the
   * rest is cut off), `ids[i]` is key i's student. Sorted into buckets by a counting sort on the first two bytes.
   */
  function writeLoginKeys(peildatum: string, keys: Buffer, keyBytes: number, ids: ArrayLike<number>): void {
    const n = ids.length;
    const start = new Int32Array(65537);
    for (let i = 0; i < n; i++) start[((keys[keyBytes * i]! << 8) | keys[keyBytes * i + 1]!) + 1]!++;
    for (let b = 1; b <= 65536; b++) start[b]! += start[b - 1]!;
    const next = start.slice(0, 65536);
    const entries = Buffer.allocUnsafe(ENTRY * n);
    for (let i = 0; i < n; i++) {
      const at = ENTRY * next[(keys[keyBytes * i]! << 8) | keys[keyBytes * i + 1]!]!++;
      keys.copy(entries, at, keyBytes * i, keyBytes * i + LOGIN_KEY_BYTES);
      entries.writeUInt32BE(ids[i]!, at + LOGIN_KEY_BYTES);
    }
    for (let b = 0; b < 65536; b++) {
      const from = ENTRY * start[b]!, to = ENTRY * start[b + 1]!;
      if (to > from) insertBucket.run(peildatum, entries.subarray(from, from + 2), entries.subarray(from, to));
    }
  }

  /** The students of a bucket's entries whose stored key is the start of `key`. */
  function studentsIn(entries: Buffer | undefined, key: Buffer): PopulationRow[] {
    const found: PopulationRow[] = [];
    if (!entries) return found;
    for (let at = 0; at < entries.length; at += ENTRY) {
      if (entries.compare(key, 0, LOGIN_KEY_BYTES, at, at + LOGIN_KEY_BYTES) !== 0) continue;
      const row = byId.get(entries.readUInt32BE(at + LOGIN_KEY_BYTES));
      if (row) found.push(row);
    }
    return found;
  }

  return {
    currentPeildatum: (): string | null => currentPeildatum.get()?.p ?? null,
    /** The students of a peildatum with this login key (the key's HMAC; its first LOGIN_KEY_BYTES are compared). */
    findByLoginKey: (key: Buffer, peildatum: string): PopulationRow[] => studentsIn(bucket.get(peildatum, key.subarray(0, 2))?.entries, key),
    /** The same for the current (latest) peildatum, in one read of the keys: what the login asks. */
    findCurrentByLoginKey: (key: Buffer): PopulationRow[] => studentsIn(currentBucket.get(key.subarray(0, 2))?.entries, key),
    findByPgnKey: (peildatum: string, brin: string, pgnKey: Buffer): PopulationRow | undefined => byPgn.get(peildatum, brin, pgnKey),
    countByBrin: (peildatum: string, brin: string): number => countByBrin.get(peildatum, brin)?.n ?? 0,
    count: (): number => count.get()?.n ?? 0,
    countPeildatum: (peildatum: string): number => countPeildatum.get(peildatum)?.n ?? 0,
    /** Removes the population of one reference date and its login keys; returns the number of students. Call inside a transaction. */
    deletePeildatum: removePeildatum,
    /**
     * Bulk import, inside one transaction: removes the peildatum's students and keys; returns how many students
     * it removed and the first free id. Then appendStudents() with ids from there on, and writeLoginKeys() once.
     */
    startBulkReplace(peildatum: string): { removed: number; firstId: number } {
      const removed = removePeildatum(peildatum);
      return { removed, firstId: (maxId.get()?.m ?? 0) + 1 };
    },
    /** Inserts the batch's students with ids firstId, firstId + 1, ... */
    appendStudents(peildatum: string, firstId: number, batch: StudentBatch): void {
      if (batch.count > 0) insertBatch.run({ ...batch, firstId, peildatum });
    },
    writeLoginKeys,
    /** Replaces the population of one reference date. Call inside a transaction. */
    replacePeildatum(peildatum: string, rows: Iterable<NewPopulationRow>): number {
      removePeildatum(peildatum);
      const keys: Buffer[] = [];
      const ids: number[] = [];
      let n = 0;
      for (const r of rows) {
        const id = Number(insert.run(peildatum, r.brin, r.pgnKey, r.crebo, r.leerweg, r.niveau, r.geslacht, r.initialKey).lastInsertRowid);
        for (const k of r.loginKeys) {
          keys.push(k);
          ids.push(id);
        }
        n++;
      }
      writeLoginKeys(peildatum, Buffer.concat(keys.map((k) => k.subarray(0, LOGIN_KEY_BYTES))), LOGIN_KEY_BYTES, ids);
      return n;
    },
  };
}
export type PopulationRepo = ReturnType<typeof populationRepo>;
