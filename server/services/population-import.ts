// Imports a DUO population file: one streaming pass checks every row and pseudonymises the valid ones into
// compact memory; only a file without problems is written, in one transaction, replacing that peildatum.
import type { Repos } from '../db/index.ts';
import type { NewPopulationRow } from '../db/population.ts';
import type { Keyer } from './keys.ts';
import { pseudonymise } from './population.ts';
import { readPopulationCsv, type RowProblem } from './population-csv.ts';

export type ImportResult =
  | { ok: true; peildatum: string; rows: number; institutions: number; replaced: number; timings: { readMs: number; writeMs: number } }
  | { ok: false; peildatum: string; rows: number; problems: RowProblem[]; problemCount: number };

/** A pseudonymised row in one small buffer: pgn key, initial key (unused if none), then the login keys. */
interface PackedRow {
  brin: string;
  crebo: string;
  leerweg: 'BOL' | 'BBL';
  niveau: number;
  geslacht: 'M' | 'V' | 'X' | null;
  hasInitial: boolean;
  keys: Buffer;
}
const K = 32;

function pack(r: NewPopulationRow): PackedRow {
  const keys = Buffer.allocUnsafe(K * (2 + r.loginKeys.length));
  r.pgnKey.copy(keys, 0);
  r.initialKey?.copy(keys, K);
  r.loginKeys.forEach((k, i) => k.copy(keys, K * (2 + i)));
  return { brin: r.brin, crebo: r.crebo, leerweg: r.leerweg, niveau: r.niveau, geslacht: r.geslacht, hasInitial: r.initialKey !== null, keys };
}

function* unpack(peildatum: string, rows: PackedRow[]): Generator<NewPopulationRow> {
  for (const r of rows) {
    const { keys } = r;
    const loginKeys: Buffer[] = [];
    for (let o = 2 * K; o < keys.length; o += K) loginKeys.push(keys.subarray(o, o + K));
    const initialKey = r.hasInitial ? keys.subarray(K, 2 * K) : null;
    yield { peildatum, brin: r.brin, pgnKey: keys.subarray(0, K), crebo: r.crebo, leerweg: r.leerweg, niveau: r.niveau, geslacht: r.geslacht, initialKey, loginKeys };
  }
}

export async function importPopulationFile(repos: Repos, keyer: Keyer, file: string, peildatum: string): Promise<ImportResult> {
  const started = performance.now();
  const packed: PackedRow[] = [];
  const institutions = new Map<string, string>();
  const read = await readPopulationCsv(file, (r) => {
    institutions.set(r.brin, r.instellingsnaam);
    packed.push(pack(pseudonymise(keyer, peildatum, r)));
  });
  if (read.problemCount > 0) {
    return { ok: false, peildatum, rows: read.rows, problems: read.problems, problemCount: read.problemCount };
  }
  const readMs = Math.round(performance.now() - started);
  const { db } = repos;
  const cacheSize = Number(db.pragma('cache_size', { simple: true }));
  // Bulk write: a 256 MB page cache keeps the random-key indexes in memory, and foreign-key checks are off
  // (this code inserts the institutions and population rows the keys refer to, in the same transaction).
  // Neither can change inside a transaction, so they are set around it and restored after.
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = OFF');
  try {
    const replaced = db.transaction(() => {
      for (const [brin, name] of institutions) repos.institutions.upsert(brin, name);
      const before = repos.population.countPeildatum(peildatum);
      repos.population.replacePeildatum(peildatum, unpack(peildatum, packed));
      return before;
    })();
    const writeMs = Math.round(performance.now() - started) - readMs;
    return { ok: true, peildatum, rows: packed.length, institutions: institutions.size, replaced, timings: { readMs, writeMs } };
  } finally {
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
