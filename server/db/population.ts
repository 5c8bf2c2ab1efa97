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

/** Rows per multi-row INSERT of login keys (2 parameters each, well under SQLite's 32,766). */
const KEY_BATCH = 256;

/** The indexes of login_keys, as in migration 006: dropped during a bulk import and built again by sorting. */
const LOGIN_KEY_INDEXES = [
  'CREATE UNIQUE INDEX login_keys_key ON login_keys (key, population_id)',
  'CREATE INDEX login_keys_population ON login_keys (population_id)',
];

const columns = `id, peildatum, brin, pgn_key AS pgnKey, crebo, leerweg, niveau, geslacht, initial_key AS initialKey`;

export function populationRepo(db: Db) {
  const currentPeildatum = db.prepare<[], { p: string | null }>('SELECT max(peildatum) AS p FROM population');
  // CROSS JOIN fixes the order: look the key up first, then its few students. Left to itself, the planner
  // (without statistics) scanned every student of the peildatum: 200+ ms per login at 600,000 students.
  const byLoginKey = db.prepare<[Buffer, string], PopulationRow>(
    `SELECT p.id, p.peildatum, p.brin, p.pgn_key AS pgnKey, p.crebo, p.leerweg, p.niveau, p.geslacht, p.initial_key AS initialKey
     FROM login_keys k CROSS JOIN population p
     WHERE k.key = ? AND p.id = k.population_id AND p.peildatum = ?`,
  );
  const byPgn = db.prepare<[string, string, Buffer], PopulationRow>(
    `SELECT ${columns} FROM population WHERE peildatum = ? AND brin = ? AND pgn_key = ?`,
  );
  // Positional parameters: binding from an object by name costs measurably at 600,000 rows.
  const insert = db.prepare<[string, string, Buffer, string, string, number, string | null, Buffer | null]>(
    `INSERT INTO population (peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht, initial_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertKey = db.prepare<[Buffer, number | bigint]>('INSERT OR IGNORE INTO login_keys (key, population_id) VALUES (?, ?)');
  // Bulk path: many rows per statement, so the per-call cost of better-sqlite3 is paid once per batch.
  const insertKeys = db.prepare<unknown[]>(
    `INSERT INTO login_keys (key, population_id) VALUES ${Array(KEY_BATCH).fill('(?, ?)').join(', ')}`,
  );
  const insertKeyPlain = db.prepare<[Buffer, number]>('INSERT INTO login_keys (key, population_id) VALUES (?, ?)');
  // Without the indexes, the keys of one peildatum are found by scanning the table: one pass, no index upkeep.
  const deleteKeysScan = db.prepare<[string]>(
    'DELETE FROM login_keys WHERE population_id IN (SELECT id FROM population WHERE peildatum = ?)',
  );
  // Login keys go first, in one statement: leaving them to ON DELETE CASCADE costs one lookup per student.
  const deleteKeys = db.prepare<[string]>('DELETE FROM login_keys WHERE population_id IN (SELECT id FROM population WHERE peildatum = ?)');
  const deletePeildatum = db.prepare<[string]>('DELETE FROM population WHERE peildatum = ?');
  const countPeildatum = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM population WHERE peildatum = ?');
  const countByBrin = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM population WHERE peildatum = ? AND brin = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM population');

  const removePeildatum = (peildatum: string): void => {
    deleteKeys.run(peildatum);
    deletePeildatum.run(peildatum);
  };
  const insertStudent = (r: Omit<NewPopulationRow, 'loginKeys'>): number =>
    Number(insert.run(r.peildatum, r.brin, r.pgnKey, r.crebo, r.leerweg, r.niveau, r.geslacht, r.initialKey).lastInsertRowid);

  return {
    currentPeildatum: (): string | null => currentPeildatum.get()?.p ?? null,
    findByLoginKey: (key: Buffer, peildatum: string): PopulationRow[] => byLoginKey.all(key, peildatum),
    findByPgnKey: (peildatum: string, brin: string, pgnKey: Buffer): PopulationRow | undefined => byPgn.get(peildatum, brin, pgnKey),
    countByBrin: (peildatum: string, brin: string): number => countByBrin.get(peildatum, brin)?.n ?? 0,
    count: (): number => count.get()?.n ?? 0,
    countPeildatum: (peildatum: string): number => countPeildatum.get(peildatum)?.n ?? 0,
    /** Removes the population of one reference date and its login keys. Call inside a transaction. */
    deletePeildatum: removePeildatum,
    /** Inserts one student; returns its id. */
    insertStudent,
    insertLoginKey: (key: Buffer, populationId: number): void => void insertKey.run(key, populationId),
    /**
     * Bulk import, inside one transaction: drops the key indexes and removes the students of a peildatum and
     * their login keys;
     * `appendLoginKeys` then appends without index upkeep and `finishBulkLoginKeys` builds the indexes again.
     * DDL is transactional in SQLite: a failure rolls the indexes back with everything else.
     */
    startBulkReplace(peildatum: string): void {
      db.exec('DROP INDEX login_keys_key; DROP INDEX login_keys_population');
      deleteKeysScan.run(peildatum);
      deletePeildatum.run(peildatum);
    },
    /** Appends login keys: `keys[i]` belongs to student `ids[i]`. */
    appendLoginKeys(keys: Buffer[], ids: number[]): void {
      const args: unknown[] = new Array(2 * KEY_BATCH);
      let i = 0;
      for (; i + KEY_BATCH <= keys.length; i += KEY_BATCH) {
        for (let j = 0; j < KEY_BATCH; j++) {
          args[2 * j] = keys[i + j];
          args[2 * j + 1] = ids[i + j];
        }
        insertKeys.run(args);
      }
      for (; i < keys.length; i++) insertKeyPlain.run(keys[i]!, ids[i]!);
    },
    finishBulkLoginKeys(): void {
      for (const sql of LOGIN_KEY_INDEXES) db.exec(sql);
    },
    /** Replaces the population of one reference date. Call inside a transaction. */
    replacePeildatum(peildatum: string, rows: Iterable<NewPopulationRow>): number {
      removePeildatum(peildatum);
      let n = 0;
      for (const r of rows) {
        const id = insertStudent(r);
        for (const k of r.loginKeys) insertKey.run(k, id);
        n++;
      }
      return n;
    },
  };
}
export type PopulationRepo = ReturnType<typeof populationRepo>;
