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
/** Students per multi-row INSERT (9 parameters each, well under SQLite's 32,766). */
const STUDENT_BATCH = 100;

/** One student for the bulk insert, filled in place by the caller (no object per student). */
export interface BulkStudent {
  brin: string;
  pgnKey: Uint8Array;
  crebo: string;
  leerweg: 'BOL' | 'BBL';
  niveau: number;
  geslacht: 'M' | 'V' | 'X' | null;
  initialKey: Uint8Array | null;
}

const columns = `id, peildatum, brin, pgn_key AS pgnKey, crebo, leerweg, niveau, geslacht, initial_key AS initialKey`;

export function populationRepo(db: Db) {
  const currentPeildatum = db.prepare<[], { p: string | null }>('SELECT max(peildatum) AS p FROM population');
  const bucket = db.prepare<[string, Uint8Array], { entries: Buffer }>('SELECT entries FROM login_key_buckets WHERE peildatum = ? AND prefix = ?');
  const byId = db.prepare<[number], PopulationRow>(`SELECT ${columns} FROM population WHERE id = ?`);
  const byPgn = db.prepare<[string, string, Buffer], PopulationRow>(
    `SELECT ${columns} FROM population WHERE peildatum = ? AND brin = ? AND pgn_key = ?`,
  );
  // Positional parameters: binding from an object by name costs measurably at 600,000 rows.
  const insert = db.prepare<[string, string, Buffer, string, string, number, string | null, Buffer | null]>(
    `INSERT INTO population (peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht, initial_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMany = db.prepare<unknown[]>(
    `INSERT INTO population (id, peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht, initial_key) VALUES ${Array(STUDENT_BATCH).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
  );
  const insertOne = db.prepare<unknown[]>(
    'INSERT INTO population (id, peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht, initial_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBucket = db.prepare<[string, Uint8Array, Uint8Array]>('INSERT INTO login_key_buckets (peildatum, prefix, entries) VALUES (?, ?, ?)');
  const deleteBuckets = db.prepare<[string]>('DELETE FROM login_key_buckets WHERE peildatum = ?');
  const deletePeildatum = db.prepare<[string]>('DELETE FROM population WHERE peildatum = ?');
  const maxId = db.prepare<[], { m: number | null }>('SELECT max(id) AS m FROM population');
  const countPeildatum = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM population WHERE peildatum = ?');
  const countByBrin = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM population WHERE peildatum = ? AND brin = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM population');

  const removePeildatum = (peildatum: string): void => {
    deleteBuckets.run(peildatum);
    deletePeildatum.run(peildatum);
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

  return {
    currentPeildatum: (): string | null => currentPeildatum.get()?.p ?? null,
    /** The students of a peildatum with this login key (the key's HMAC; its first LOGIN_KEY_BYTES are compared). */
    findByLoginKey(key: Buffer, peildatum: string): PopulationRow[] {
      const entries = bucket.get(peildatum, key.subarray(0, 2))?.entries;
      const found: PopulationRow[] = [];
      if (!entries) return found;
      for (let at = 0; at < entries.length; at += ENTRY) {
        if (entries.compare(key, 0, LOGIN_KEY_BYTES, at, at + LOGIN_KEY_BYTES) !== 0) continue;
        const row = byId.get(entries.readUInt32BE(at + LOGIN_KEY_BYTES));
        if (row) found.push(row);
      }
      return found;
    },
    findByPgnKey: (peildatum: string, brin: string, pgnKey: Buffer): PopulationRow | undefined => byPgn.get(peildatum, brin, pgnKey),
    countByBrin: (peildatum: string, brin: string): number => countByBrin.get(peildatum, brin)?.n ?? 0,
    count: (): number => count.get()?.n ?? 0,
    countPeildatum: (peildatum: string): number => countPeildatum.get(peildatum)?.n ?? 0,
    /** Removes the population of one reference date and its login keys. Call inside a transaction. */
    deletePeildatum: removePeildatum,
    /**
     * Bulk import, inside one transaction: removes the peildatum's students and keys and returns the first free id.
     * Then appendStudents() with ids from there on, and writeLoginKeys() once for all keys.
     */
    startBulkReplace(peildatum: string): number {
      removePeildatum(peildatum);
      return (maxId.get()?.m ?? 0) + 1;
    },
    /** Inserts students firstId, firstId + 1, ...; `fill(i, s)` fills `s` with student i. */
    appendStudents(peildatum: string, firstId: number, n: number, fill: (i: number, s: BulkStudent) => void): void {
      const s: BulkStudent = { brin: '', pgnKey: new Uint8Array(0), crebo: '', leerweg: 'BOL', niveau: 1, geslacht: null, initialKey: null };
      const args: unknown[] = new Array(9 * STUDENT_BATCH);
      const put = (i: number, at: number) => {
        fill(i, s);
        args[at] = firstId + i;
        args[at + 1] = peildatum;
        args[at + 2] = s.brin;
        args[at + 3] = s.pgnKey;
        args[at + 4] = s.crebo;
        args[at + 5] = s.leerweg;
        args[at + 6] = s.niveau;
        args[at + 7] = s.geslacht;
        args[at + 8] = s.initialKey;
      };
      let i = 0;
      for (; i + STUDENT_BATCH <= n; i += STUDENT_BATCH) {
        for (let j = 0; j < STUDENT_BATCH; j++) put(i + j, 9 * j);
        insertMany.run(args);
      }
      for (; i < n; i++) {
        put(i, 0);
        insertOne.run(args.slice(0, 9));
      }
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
