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

const K = 32;
const CHUNK = 8 * 1024 * 1024;
/** Login keys handed to the database at a time (a multiple of its batch size). */
const KEY_FLUSH = 8192;

/**
 * Pseudonymised rows kept compactly until the whole file has been checked: the keys (pgn, initial, login keys)
 * in large shared buffers, the rest in parallel arrays. Per-row objects and buffers cost several times more
 * memory and garbage collection at 600,000 rows.
 */
class PackedRows {
  private chunks: Buffer[] = [Buffer.allocUnsafe(CHUNK)];
  private used = 0;
  private readonly brin: string[] = [];
  private readonly crebo: string[] = [];
  private readonly leerweg: ('BOL' | 'BBL')[] = [];
  private readonly niveau: number[] = [];
  private readonly geslacht: ('M' | 'V' | 'X' | null)[] = [];
  private readonly chunk: number[] = [];
  private readonly offset: number[] = [];
  /** Number of login keys; negative when the row has no initial key. */
  private readonly keys: number[] = [];

  get length(): number {
    return this.brin.length;
  }

  push(r: NewPopulationRow): void {
    const size = K * (2 + r.loginKeys.length);
    if (this.used + size > CHUNK) {
      this.chunks.push(Buffer.allocUnsafe(CHUNK));
      this.used = 0;
    }
    const buf = this.chunks.at(-1)!;
    const at = this.used;
    r.pgnKey.copy(buf, at);
    r.initialKey?.copy(buf, at + K);
    r.loginKeys.forEach((k, i) => k.copy(buf, at + K * (2 + i)));
    this.used += size;
    this.brin.push(r.brin);
    this.crebo.push(r.crebo);
    this.leerweg.push(r.leerweg);
    this.niveau.push(r.niveau);
    this.geslacht.push(r.geslacht);
    this.chunk.push(this.chunks.length - 1);
    this.offset.push(at);
    this.keys.push(r.initialKey ? r.loginKeys.length : -r.loginKeys.length - 1);
  }

  row(i: number, peildatum: string): Omit<NewPopulationRow, 'loginKeys'> {
    const buf = this.chunks[this.chunk[i]!]!;
    const at = this.offset[i]!;
    return {
      peildatum,
      brin: this.brin[i]!,
      pgnKey: buf.subarray(at, at + K),
      crebo: this.crebo[i]!,
      leerweg: this.leerweg[i]!,
      niveau: this.niveau[i]!,
      geslacht: this.geslacht[i]!,
      initialKey: this.keys[i]! >= 0 ? buf.subarray(at + K, at + 2 * K) : null,
    };
  }

  loginCount(i: number): number {
    const n = this.keys[i]!;
    return n >= 0 ? n : -n - 1;
  }

  loginKey(i: number, j: number): Buffer {
    const at = this.offset[i]! + K * (2 + j);
    return this.chunks[this.chunk[i]!]!.subarray(at, at + K);
  }
}

export async function importPopulationFile(repos: Repos, keyer: Keyer, file: string, peildatum: string): Promise<ImportResult> {
  const started = performance.now();
  const packed = new PackedRows();
  const institutions = new Map<string, string>();
  const read = await readPopulationCsv(file, (r) => {
    institutions.set(r.brin, r.instellingsnaam);
    packed.push(pseudonymise(keyer, peildatum, r));
  });
  if (read.problemCount > 0) {
    return { ok: false, peildatum, rows: read.rows, problems: read.problems, problemCount: read.problemCount };
  }
  const readMs = Math.round(performance.now() - started);
  const { db } = repos;
  const cacheSize = Number(db.pragma('cache_size', { simple: true }));
  const mmapSize = Number(db.pragma('mmap_size', { simple: true }));
  // Bulk write: a 256 MB page cache for the indexes, and foreign-key checks are off
  // (this code inserts the institutions and population rows the keys refer to, in the same transaction).
  // Neither can change inside a transaction, so they are set around it and restored after.
  // No memory map while writing: pages read through it would count towards the import's peak memory.
  db.pragma('cache_size = -262144');
  db.pragma('mmap_size = 0');
  db.pragma('foreign_keys = OFF');
  // Building the login key indexes sorts 2.6 million keys: let SQLite's sorter use the second core.
  const threads = Number(db.pragma('threads', { simple: true }));
  db.pragma('threads = 2');
  try {
    const replaced = db.transaction(() => {
      for (const [brin, name] of institutions) repos.institutions.upsert(brin, name);
      const before = repos.population.countPeildatum(peildatum);
      // The login keys are appended without their indexes, which are then built by sorting: 2.6 million
      // random B-tree inserts cost several times more. File order; (nearly) sorted order was no faster.
      repos.population.startBulkReplace(peildatum);
      const keys: Buffer[] = [];
      const ids: number[] = [];
      for (let i = 0; i < packed.length; i++) {
        const id = repos.population.insertStudent(packed.row(i, peildatum));
        for (let j = 0; j < packed.loginCount(i); j++) {
          keys.push(packed.loginKey(i, j));
          ids.push(id);
          if (keys.length === KEY_FLUSH) {
            repos.population.appendLoginKeys(keys, ids);
            keys.length = ids.length = 0;
          }
        }
      }
      repos.population.appendLoginKeys(keys, ids);
      repos.population.finishBulkLoginKeys();
      return before;
    })();
    const writeMs = Math.round(performance.now() - started) - readMs;
    return { ok: true, peildatum, rows: packed.length, institutions: institutions.size, replaced, timings: { readMs, writeMs } };
  } finally {
    db.pragma('foreign_keys = ON');
    db.pragma(`threads = ${threads}`);
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`mmap_size = ${mmapSize}`);
  }
}
