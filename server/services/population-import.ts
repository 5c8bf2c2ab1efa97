// Imports a DUO population file: the file is cut into chunks of whole records that worker threads check and
// pseudonymise in parallel (population-pack.ts) while this thread merges them (population-merge.ts); only a
// file without problems is written, in one transaction, replacing that peildatum.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Repos } from '../db/index.ts';
import { LOGIN_KEY_BYTES, STUDENT_META } from '../db/population.ts';
import { createBulkKeyer, type Keyer } from './keys.ts';
import { readPopulationChunks } from './population-chunks.ts';
import type { RowProblem } from './population-csv.ts';
import { ChunkMerge, studentOrder } from './population-merge.ts';
import { packChunk } from './population-pack.ts';
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
  /** Bytes per chunk (CHUNK_BYTES); tests make it small to cut a small file into many chunks. */
  chunkBytes?: number;
}

export async function importPopulationFile(repos: Repos, keyer: Keyer, file: string, peildatum: string, options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const headerProblems: RowProblem[] = [];
  const opened = await readPopulationChunks(file, (p) => headerProblems.push(p), options.chunkBytes);
  if (!opened) return { ok: false, peildatum, rows: 0, problems: headerProblems, problemCount: headerProblems.length };
  const threads = options.threads ?? (statSync(file).size >= WORKER_MIN_BYTES ? availableParallelism() : 0);
  const secret = keyer.secretForWorkers();
  const merge = new ChunkMerge();
  if (threads > 0) await packInWorkers(opened.chunks, opened.format, secret, threads, merge.add);
  else {
    const bulk = createBulkKeyer(secret);
    for await (const c of opened.chunks) merge.add(packChunk(c.bytes, opened.format, c.firstLine, bulk));
  }
  const { rows } = merge;
  if (merge.problemCount > 0) return { ok: false, peildatum, rows, problems: merge.listed(), problemCount: merge.problemCount };
  if (rows === 0) {
    return { ok: false, peildatum, rows, problems: [{ line: 2, message: 'het bestand bevat geen studenten / the file holds no students' }], problemCount: 1 };
  }
  const readMs = Math.round(performance.now() - started);
  const institutions = merge.institutions();
  const replaced = write(repos, peildatum, merge, institutions);
  const writeMs = Math.round(performance.now() - started) - readMs;
  return { ok: true, peildatum, rows, institutions: institutions.size, replaced, timings: { readMs, writeMs } };
}

/** Writes the merged chunks in one transaction; returns the number of students replaced. */
function write(repos: Repos, peildatum: string, merge: ChunkMerge, institutions: Map<string, string>): number {
  const { chunks } = merge;
  const order = studentOrder(chunks, [...institutions.keys()]);
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
      // In batches, in index order: each student's packed columns copied from its chunk (Buffer views on the
      // chunks' arrays, so copy() needs no view per student).
      const as = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      const sources = chunks.map((c) => ({ meta: as(c.meta), pgnKeys: as(c.pgnKeys), initialKeys: as(c.initialKeys) }));
      const batch = { count: 0, meta: Buffer.alloc(STUDENT_META * BATCH), pgnKeys: Buffer.alloc(32 * BATCH), initialKeys: Buffer.alloc(32 * BATCH) };
      const total = order.chunk.length;
      for (let from = 0; from < total; from += BATCH) {
        batch.count = Math.min(BATCH, total - from);
        for (let i = 0; i < batch.count; i++) {
          const c = sources[order.chunk[from + i]!]!, r = order.row[from + i]!;
          c.meta.copy(batch.meta, STUDENT_META * i, STUDENT_META * r, STUDENT_META * (r + 1));
          c.pgnKeys.copy(batch.pgnKeys, 32 * i, 32 * r, 32 * (r + 1));
          c.initialKeys.copy(batch.initialKeys, 32 * i, 32 * r, 32 * (r + 1));
        }
        repos.population.appendStudents(peildatum, firstId + from, batch);
      }
      // Every login key with the id its student got.
      const keys = Buffer.concat(chunks.map((c) => c.loginKeys));
      const ids = new Int32Array(keys.length / LOGIN_KEY_BYTES);
      let k = 0;
      chunks.forEach((c, ci) => {
        const position = order.position[ci]!;
        for (let j = 0; j < c.keyOwner.length; j++) ids[k++] = firstId + position[c.keyOwner[j]!]!;
      });
      repos.population.writeLoginKeys(peildatum, keys, LOGIN_KEY_BYTES, ids);
      return replaced;
    })();
  } finally {
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`mmap_size = ${mmapSize}`);
  }
}
