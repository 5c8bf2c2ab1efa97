// Imports a DUO population file: the file is cut into chunks of whole records that worker threads check and
// pseudonymise in parallel (population-pack.ts); only a file without problems is written, in one transaction,
// replacing that peildatum.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Repos } from '../db/index.ts';
import { LOGIN_KEY_BYTES, STUDENT_META } from '../db/population.ts';
import { createBulkKeyer, type Keyer } from './keys.ts';
import { readPopulationChunks } from './population-chunks.ts';
import { DuplicatePgns, duplicateProblem, MAX_LISTED_PROBLEMS, type RowProblem } from './population-csv.ts';
import { packChunk, type PackedChunk } from './population-pack.ts';
import { packInWorkers } from './population-workers.ts';

export type ImportResult =
  | { ok: true; peildatum: string; rows: number; institutions: number; replaced: number; timings: { readMs: number; writeMs: number } }
  | { ok: false; peildatum: string; rows: number; problems: RowProblem[]; problemCount: number };

/** Students per bulk insert statement. */
const BATCH = 8192;

/** Below this size a file is read in this thread: starting workers costs more than they save. */
const WORKER_MIN_BYTES = 1024 * 1024;

export interface ImportOptions {
  /** Worker threads; 0 reads in this thread. Default: one per core for a file of 1 MB or more. */
  threads?: number;
}

export async function importPopulationFile(repos: Repos, keyer: Keyer, file: string, peildatum: string, options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const headerProblems: RowProblem[] = [];
  const opened = await readPopulationChunks(file, (p) => headerProblems.push(p));
  if (!opened) return { ok: false, peildatum, rows: 0, problems: headerProblems, problemCount: headerProblems.length };
  const threads = options.threads ?? (statSync(file).size >= WORKER_MIN_BYTES ? availableParallelism() : 0);
  const secret = keyer.secretForWorkers();
  let chunks: PackedChunk[];
  if (threads > 0) chunks = await packInWorkers(opened.chunks, opened.format, secret, threads);
  else {
    const bulk = createBulkKeyer(secret);
    chunks = [];
    for await (const c of opened.chunks) chunks.push(packChunk(c.bytes, opened.format, c.firstLine, bulk));
  }
  const broken = chunks.findIndex((c) => c.broken);
  if (broken !== -1) chunks = chunks.slice(0, broken + 1); // reading ends at a broken CSV structure
  const rows = chunks.reduce((n, c) => n + c.rows, 0);
  const problems = collectProblems(chunks);
  if (rows === 0 && problems.count === 0) {
    problems.list.push({ line: 2, message: 'het bestand bevat geen studenten / the file holds no students' });
    problems.count++;
  }
  if (problems.count > 0) return { ok: false, peildatum, rows, problems: problems.list, problemCount: problems.count };
  const readMs = Math.round(performance.now() - started);
  const { replaced, institutions } = write(repos, peildatum, chunks);
  const writeMs = Math.round(performance.now() - started) - readMs;
  return { ok: true, peildatum, rows, institutions, replaced, timings: { readMs, writeMs } };
}

/** The chunks' problems and the duplicate PGNs across chunks, in line order; all counted, the first listed. */
function collectProblems(chunks: PackedChunk[]): { list: RowProblem[]; count: number } {
  const duplicates = new DuplicatePgns();
  const all: RowProblem[] = [];
  let count = 0;
  for (const c of chunks) {
    all.push(...c.problems);
    count += c.problemCount;
    for (let i = 0; i < c.n; i++) {
      const brin = c.brins[c.brin[i]!]!;
      const first = duplicates.firstLine(brin, c.pgn[i]!, c.line[i]!);
      if (first === undefined) continue;
      count++;
      if (all.length < 2 * MAX_LISTED_PROBLEMS) all.push(duplicateProblem(c.line[i]!, brin, first));
    }
  }
  return { list: all.sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_PROBLEMS), count };
}

function write(repos: Repos, peildatum: string, chunks: PackedChunk[]): { replaced: number; institutions: number } {
  const institutions = new Map<string, string>();
  for (const c of chunks) c.brins.forEach((b, i) => institutions.set(b, c.names[i]!));
  const order = studentOrder(chunks, [...institutions.keys()].sort());
  const { db } = repos;
  const cacheSize = Number(db.pragma('cache_size', { simple: true }));
  const mmapSize = Number(db.pragma('mmap_size', { simple: true }));
  // Bulk write: a 256 MB page cache, and foreign-key checks are off (this code inserts the institutions the
  // students refer to, in the same transaction). Neither can change inside a transaction, so they are set around
  // it and restored after. No memory map while writing: pages read through it would count towards peak memory.
  db.pragma('cache_size = -262144');
  db.pragma('mmap_size = 0');
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(() => {
      for (const [brin, name] of institutions) repos.institutions.upsert(brin, name);
      const replaced = repos.population.countPeildatum(peildatum);
      const firstId = repos.population.startBulkReplace(peildatum);
      // In batches, in index order: each student's packed columns copied from its chunk.
      const batch = { count: 0, meta: Buffer.alloc(STUDENT_META * BATCH), pgnKeys: Buffer.alloc(32 * BATCH), initialKeys: Buffer.alloc(32 * BATCH) };
      const total = order.chunk.length;
      for (let from = 0; from < total; from += BATCH) {
        batch.count = Math.min(BATCH, total - from);
        for (let i = 0; i < batch.count; i++) {
          const c = chunks[order.chunk[from + i]!]!, r = order.row[from + i]!;
          batch.meta.set(c.meta.subarray(STUDENT_META * r, STUDENT_META * (r + 1)), STUDENT_META * i);
          batch.pgnKeys.set(c.pgnKeys.subarray(32 * r, 32 * (r + 1)), 32 * i);
          batch.initialKeys.set(c.initialKeys.subarray(32 * r, 32 * (r + 1)), 32 * i);
        }
        repos.population.appendStudents(peildatum, firstId + from, batch);
      }
      // Every login key with the id its student got.
      const keys = Buffer.concat(chunks.map((c) => c.loginKeys));
      const ids = new Int32Array(keys.length / LOGIN_KEY_BYTES);
      let k = 0;
      chunks.forEach((c, ci) => {
        for (let j = 0; j < c.keyOwner.length; j++) ids[k++] = firstId + order.position[ci]![c.keyOwner[j]!]!;
      });
      repos.population.writeLoginKeys(peildatum, keys, LOGIN_KEY_BYTES, ids);
      return { replaced, institutions: institutions.size };
    })();
  } finally {
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`mmap_size = ${mmapSize}`);
  }
}

/**
 * The order to insert the students in: by BRIN, then PGN pseudonym, the order of the UNIQUE (peildatum, brin,
 * pgn_key) index, so that it grows at its end instead of by random inserts (measured: 3x faster). Sorted on a
 * 53-bit number (BRIN rank, 22 bits of the pseudonym, row) in a Float64Array, without comparing buffers.
 * Students with the same 22 bits stay in file order: harmless, they only cost a few inserts out of order.
 */
function studentOrder(chunks: PackedChunk[], brins: string[]): { chunk: Uint16Array; row: Int32Array; position: Int32Array[] } {
  const n = chunks.reduce((s, c) => s + c.n, 0);
  const chunk = new Uint16Array(n), row = new Int32Array(n);
  const position = chunks.map((c) => new Int32Array(c.n));
  const rank = new Map(brins.map((b, i) => [b, i]));
  const sortable = n < 2 ** 21 && brins.length < 2 ** 10;
  const key = new Float64Array(n);
  let g = 0;
  chunks.forEach((c, ci) => {
    const ranks = c.brins.map((b) => rank.get(b)!);
    for (let r = 0; r < c.n; r++, g++) {
      const p = c.pgnKeys, at = 32 * r;
      const prefix = (p[at]! << 14) | (p[at + 1]! << 6) | (p[at + 2]! >>> 2);
      key[g] = sortable ? (ranks[c.brin[r]!]! * 2 ** 22 + prefix) * 2 ** 21 + g : g;
      chunk[g] = ci;
      row[g] = r;
    }
  });
  key.sort();
  const sortedChunk = new Uint16Array(n), sortedRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const from = sortable ? key[i]! % 2 ** 21 : i;
    sortedChunk[i] = chunk[from]!;
    sortedRow[i] = row[from]!;
    position[chunk[from]!]![row[from]!] = i;
  }
  return { chunk: sortedChunk, row: sortedRow, position };
}
