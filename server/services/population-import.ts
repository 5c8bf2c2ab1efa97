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

  private loginCount(i: number): number {
    const n = this.keys[i]!;
    return n >= 0 ? n : -n - 1;
  }

  loginKey(i: number, j: number): Buffer {
    const at = this.offset[i]! + K * (2 + j);
    return this.chunks[this.chunk[i]!]!.subarray(at, at + K);
  }

  /**
   * Rows in the order of the population's unique index (brin, pgn key), bucketed on the key's first byte:
   * random-key inserts into a large B-tree touch pages all over the file, nearly sorted ones stay local.
   */
  insertionOrder(): Uint32Array {
    const brins = new Map<string, number>();
    for (const b of this.brin) if (!brins.has(b)) brins.set(b, brins.size);
    return bucketOrder(this.length, brins.size * 256, (i) => brins.get(this.brin[i]!)! * 256 + this.chunks[this.chunk[i]!]![this.offset[i]!]!);
  }

  /** Every login key as (row, index), bucketed on the key's first two bytes, for the same reason. */
  loginKeyOrder(): { rows: Uint32Array; js: Uint8Array } {
    let total = 0;
    for (let i = 0; i < this.length; i++) total += this.loginCount(i);
    const rows = new Uint32Array(total);
    const js = new Uint8Array(total);
    for (let i = 0, t = 0; i < this.length; i++) for (let j = 0; j < this.loginCount(i); j++, t++) [rows[t], js[t]] = [i, j];
    const order = bucketOrder(total, 65536, (t) => {
      const k = this.loginKey(rows[t]!, js[t]!);
      return (k[0]! << 8) | k[1]!;
    });
    return { rows: order.map((t) => rows[t]!), js: js.map((_, x) => js[order[x]!]!) };
  }
}

/** Counting sort of 0..n-1 by bucket: stable, linear. */
function bucketOrder(n: number, buckets: number, bucketOf: (i: number) => number): Uint32Array {
  const start = new Uint32Array(buckets + 1);
  const of = new Uint32Array(n);
  for (let i = 0; i < n; i++) start[(of[i] = bucketOf(i)) + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[start[of[i]!]!++] = i;
  return order;
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
  try {
    const replaced = db.transaction(() => {
      for (const [brin, name] of institutions) repos.institutions.upsert(brin, name);
      const before = repos.population.countPeildatum(peildatum);
      repos.population.deletePeildatum(peildatum);
      const ids = new Float64Array(packed.length);
      for (const i of packed.insertionOrder()) ids[i] = repos.population.insertStudent(packed.row(i, peildatum));
      const keys = packed.loginKeyOrder();
      for (let t = 0; t < keys.rows.length; t++) repos.population.insertLoginKey(packed.loginKey(keys.rows[t]!, keys.js[t]!), ids[keys.rows[t]!]!);
      return before;
    })();
    const writeMs = Math.round(performance.now() - started) - readMs;
    return { ok: true, peildatum, rows: packed.length, institutions: institutions.size, replaced, timings: { readMs, writeMs } };
  } finally {
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`mmap_size = ${mmapSize}`);
  }
}
