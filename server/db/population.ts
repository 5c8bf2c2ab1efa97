// The DUO population: pseudonymised students in import sets (migration 009), their login keys, and the
// set that is current: the ready one with the latest peildatum, then the latest import.
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

/** A student as an import writes it: background data and keyed hashes only. */
export interface StudentWrite extends Omit<PopulationRow, 'id' | 'peildatum'> {
  /** Each key's first LOGIN_KEY_BYTES are stored. */
  loginKeys: Buffer[];
}

export interface PopulationSet {
  id: number;
  peildatum: string;
  status: 'loading' | 'ready' | 'retired';
  students: number | null;
}

/** Stored bytes of a login key: the first 16 of its HMAC-SHA256 (128 bits). */
export const LOGIN_KEY_BYTES = 16;
const STUDENTS_PER_STATEMENT = 100;
const KEYS_PER_STATEMENT = 300;

const CURRENT_SET = `(SELECT id FROM population_sets WHERE status = 'ready' ORDER BY peildatum DESC, id DESC LIMIT 1)`;
const columns = (p: string) =>
  `${p}.id, ${p}.peildatum, ${p}.brin, ${p}.pgn_key AS pgnKey, ${p}.crebo, ${p}.leerweg, ${p}.niveau, ${p}.geslacht, ${p}.initial_key AS initialKey`;

export function populationRepo(db: Db) {
  const currentSet = db.prepare<[], PopulationSet>(
    `SELECT id, peildatum, status, students FROM population_sets WHERE id = ${CURRENT_SET}`,
  );
  const byLoginKey = db.prepare<[Buffer, string], PopulationRow>(
    `SELECT ${columns('p')} FROM login_keys k JOIN population p ON p.id = k.population_id
     WHERE k.set_id = ${CURRENT_SET} AND k.key = ? AND p.brin = ?`,
  );
  const byPgn = db.prepare<[string, Buffer], PopulationRow>(
    `SELECT ${columns('population')} FROM population WHERE set_id = ${CURRENT_SET} AND brin = ? AND pgn_key = ?`,
  );
  const byPeildatumPgn = db.prepare<[string, string, Buffer], PopulationRow>(
    `SELECT ${columns('population')} FROM population
     WHERE set_id = (SELECT id FROM population_sets WHERE status = 'ready' AND peildatum = ? ORDER BY id DESC LIMIT 1) AND brin = ? AND pgn_key = ?`,
  );
  const pgnKeys = db.prepare<[string], Buffer>(`SELECT pgn_key FROM population WHERE set_id = ${CURRENT_SET} AND brin = ?`).pluck();
  const countByBrin = db.prepare<[string], number>(`SELECT count(*) FROM population WHERE set_id = ${CURRENT_SET} AND brin = ?`).pluck();
  const count = db.prepare<[], number>('SELECT count(*) FROM population').pluck();

  const insertSet = db.prepare<[string, string]>("INSERT INTO population_sets (peildatum, status, created_at) VALUES (?, 'loading', ?)");
  const abandonLoading = db.prepare<[number]>("UPDATE population_sets SET status = 'retired' WHERE status = 'loading' AND id <> ?");
  const insertKey = db.prepare<[number, Buffer, number]>('INSERT OR IGNORE INTO login_keys (set_id, key, population_id) VALUES (?, ?, ?)');
  // Many rows per statement for the import: binding and stepping one statement per row cost more than SQLite's own work.
  const studentRows = (n: number) =>
    db.prepare(`INSERT INTO population (id, set_id, peildatum, brin, pgn_key, crebo, leerweg, niveau, geslacht, initial_key) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
  const nextId = db.prepare<[], number>('SELECT coalesce(max(id), 0) + 1 FROM population').pluck();
  const keyRows = (n: number) => db.prepare(`INSERT OR IGNORE INTO login_keys (set_id, key, population_id) VALUES ${Array(n).fill('(?, ?, ?)').join(', ')}`);
  const insertStudents = studentRows(STUDENTS_PER_STATEMENT);
  const insertStudents1 = studentRows(1);
  const insertKeys = keyRows(KEYS_PER_STATEMENT);
  const setOf = db.prepare<[number], PopulationSet>('SELECT id, peildatum, status, students FROM population_sets WHERE id = ?');
  const makeReady = db.prepare<[number, number]>("UPDATE population_sets SET status = 'ready', students = ? WHERE id = ? AND status = 'loading'");
  const retireOthers = db.prepare<[string, number]>("UPDATE population_sets SET status = 'retired' WHERE status = 'ready' AND peildatum = ? AND id <> ?");
  const readyStudents = db.prepare<[string, number], number>(
    "SELECT coalesce(sum(students), 0) FROM population_sets WHERE status = 'ready' AND peildatum = ? AND id <> ?",
  ).pluck();
  const abandon = db.prepare<[number]>("UPDATE population_sets SET status = 'retired' WHERE id = ? AND status = 'loading'");
  const retired = db.prepare<[], number>("SELECT id FROM population_sets WHERE status = 'retired' ORDER BY id").pluck();
  // The set's first `n` keys in key order, deleted as one range of the primary key (a third faster than deleting
  // them one by one from a list: 0.8 against 1.3 s for 1.5 million keys).
  const deleteKeys = db.prepare<[{ set: number; n: number }]>(
    `DELETE FROM login_keys WHERE set_id = @set
       AND key <= (SELECT max(key) FROM (SELECT key FROM login_keys WHERE set_id = @set ORDER BY key LIMIT @n))`,
  );
  const deleteStudents = db.prepare<[number, number]>('DELETE FROM population WHERE id IN (SELECT id FROM population WHERE set_id = ? LIMIT ?)');
  const deleteSet = db.prepare<[number]>('DELETE FROM population_sets WHERE id = ?');

  return {
    currentSet: (): PopulationSet | undefined => currentSet.get(),
    currentPeildatum: (): string | null => currentSet.get()?.peildatum ?? null,
    /** The current set's students of a school with this login key (its first LOGIN_KEY_BYTES are compared). */
    findCurrentByLoginKey: (key: Buffer, brin: string): PopulationRow[] => byLoginKey.all(key.subarray(0, LOGIN_KEY_BYTES), brin),
    findCurrentByPgnKey: (brin: string, pgnKey: Buffer): PopulationRow | undefined => byPgn.get(brin, pgnKey),
    /** A student of the population of a peildatum (not necessarily the current one). */
    findByPgnKey: (peildatum: string, brin: string, pgnKey: Buffer): PopulationRow | undefined => byPeildatumPgn.get(peildatum, brin, pgnKey),
    /** The PGN pseudonyms of a school's current students: what a label file is linked against. */
    currentPgnKeys: (brin: string): Buffer[] => pgnKeys.all(brin),
    countCurrentByBrin: (brin: string): number => countByBrin.get(brin) ?? 0,
    /** Students in every set: zero only in a database no population was ever imported into. */
    count: (): number => count.get() ?? 0,

    // ---- writing a set, in the import's own short transactions -----------------------------------------
    /** A new, invisible set; a set left loading by an import that stopped halfway is retired. */
    startSet(peildatum: string, at: string): number {
      const id = Number(insertSet.run(peildatum, at).lastInsertRowid);
      abandonLoading.run(id);
      return id;
    },
    /** Adds students to a loading set with the next free ids, in order; returns the first id. Call inside a transaction. */
    addStudents(setId: number, peildatum: string, students: Omit<StudentWrite, 'loginKeys'>[]): number {
      const first = nextId.get()!;
      const row = (st: Omit<StudentWrite, 'loginKeys'>, n: number) => [first + n, setId, peildatum, st.brin, st.pgnKey, st.crebo, st.leerweg, st.niveau, st.geslacht, st.initialKey];
      let i = 0;
      for (; i + STUDENTS_PER_STATEMENT <= students.length; i += STUDENTS_PER_STATEMENT) {
        insertStudents.run(...students.slice(i, i + STUDENTS_PER_STATEMENT).flatMap((st, n) => row(st, i + n)));
      }
      for (; i < students.length; i++) insertStudents1.run(...row(students[i]!, i));
      return first;
    },
    /** Adds login keys (key, student id) to a loading set. Call inside a transaction. */
    addLoginKeys(setId: number, keys: [Buffer, number][]): void {
      let i = 0;
      for (; i + KEYS_PER_STATEMENT <= keys.length; i += KEYS_PER_STATEMENT) {
        insertKeys.run(...keys.slice(i, i + KEYS_PER_STATEMENT).flatMap(([k, id]) => [setId, k.subarray(0, LOGIN_KEY_BYTES), id]));
      }
      for (; i < keys.length; i++) insertKey.run(setId, keys[i]![0].subarray(0, LOGIN_KEY_BYTES), keys[i]![1]);
    },
    /** Makes a loading set ready, which makes it current for its peildatum; returns how many students it replaced. */
    makeCurrent(setId: number, students: number): number {
      const set = setOf.get(setId);
      if (!set || set.status !== 'loading') throw new Error(`population set ${setId} is not loading`);
      const replaced = readyStudents.get(set.peildatum, setId) ?? 0;
      makeReady.run(students, setId);
      retireOthers.run(set.peildatum, setId);
      return replaced;
    },
    /** Marks a loading set retired (a rejected file). */
    abandon: (setId: number): void => void abandon.run(setId),
    retiredSets: (): number[] => retired.all(),
    /** Removes up to `limit` login keys, else students, of a retired set, else the set itself; returns whether anything is left. */
    removeRetiredStep(setId: number, limit: number): boolean {
      if (deleteKeys.run({ set: setId, n: limit }).changes > 0) return true;
      if (deleteStudents.run(setId, limit).changes > 0) return true;
      deleteSet.run(setId);
      return false;
    },
  };
}
export type PopulationRepo = ReturnType<typeof populationRepo>;
